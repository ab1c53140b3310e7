import FoundationEssentials
import PsqluiPluginAPI
#if canImport(Glibc)
import Glibc
#endif

/// Why a library could not be loaded as a plugin.
public enum PluginLoadError: Error, Equatable, CustomStringConvertible {
    /// `dlopen` failed: not a shared library, or a dependency is missing.
    case notALibrary(path: String, reason: String)
    /// The file's ELF headers are broken or cut short (checked before `dlopen`, which
    /// would crash on a truncated file).
    case damagedLibrary(path: String, reason: String)
    /// The library lacks one of the entry symbols: not a psqlui plugin.
    case missingSymbol(path: String, symbol: String)
    /// Built against another version of the binary contract.
    case abiMismatch(path: String, plugin: Int32, host: Int32)
    /// Built with another Swift compiler (Swift has no stable ABI on Linux).
    case toolchainMismatch(path: String, plugin: String, host: String)
    /// The entry returned something that is not a `PluginDescriptor` (often: the plugin
    /// carries its own copy of the plugin API instead of sharing psqlui's).
    case notADescriptor(path: String)

    public var description: String {
        switch self {
        case let .notALibrary(path, reason):
            return "\(path): not a loadable shared library (\(reason))"
        case let .damagedLibrary(path, reason):
            return "\(path): the file is damaged: \(reason)"
        case let .missingSymbol(path, symbol):
            return "\(path): not a psqlui plugin (no \(symbol) symbol)"
        case let .abiMismatch(path, plugin, host):
            return "\(path): built for plugin ABI \(plugin), psqlui uses \(host); rebuild the plugin against this psqlui's PsqluiPluginAPI"
        case let .toolchainMismatch(path, plugin, host):
            return "\(path): built with Swift \(plugin), psqlui with Swift \(host); rebuild the plugin with the same toolchain"
        case let .notADescriptor(path):
            return "\(path): \(PluginEntrySymbol.entry) did not return a PluginDescriptor (does the plugin link its own copy of PsqluiPluginAPI?)"
        }
    }
}

/// A plugin library opened and its descriptor obtained.
public struct LoadedPlugin: @unchecked Sendable {
    /// The descriptor the entry returned.
    public let descriptor: PluginDescriptor
    /// The library's resolved path.
    public let path: String
}

/// Opens plugin libraries: `dlopen(RTLD_NOW | RTLD_LOCAL)`, then checks the ABI version
/// and the toolchain through their C symbols *before* calling the entry, then casts
/// what the entry returns to `PluginDescriptor`.
///
/// Libraries are never closed: Swift images cannot be unloaded safely (the runtime
/// keeps pointers into their metadata), so a changed `.so` needs a restart, and
/// `dlopen` of an already-loaded path returns the image already loaded.
public struct PluginLoader: Sendable {
    /// The ABI version this host accepts.
    public var hostABIVersion: Int32
    /// The compiler this host was built with.
    public var hostToolchain: String

    /// A loader with this build's ABI version and toolchain.
    public init(hostABIVersion: Int32 = psqluiPluginABIVersion,
                hostToolchain: String = PluginToolchain.compiledWith.description) {
        self.hostABIVersion = hostABIVersion
        self.hostToolchain = hostToolchain
    }

    private typealias EntryFunction = @convention(c) () -> UnsafeMutableRawPointer?
    private typealias ABIFunction = @convention(c) () -> Int32
    private typealias ToolchainFunction = @convention(c) () -> UnsafePointer<CChar>?

    /// Loads the plugin library at `path`.
    public func load(_ path: String) throws -> LoadedPlugin {
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        if let problem = ELFHeaderCheck.problem(path: resolved) {
            // A text file named .so is reported as before (dlopen's own words).
            if problem != "not an ELF file" { throw PluginLoadError.damagedLibrary(path: path, reason: problem) }
        }
        guard let handle = dlopen(resolved, RTLD_NOW | RTLD_LOCAL) else {
            throw PluginLoadError.notALibrary(path: path, reason: Self.lastDLError())
        }
        guard let abiSymbol = dlsym(handle, PluginEntrySymbol.abiVersion) else {
            throw PluginLoadError.missingSymbol(path: path, symbol: PluginEntrySymbol.abiVersion)
        }
        let abi = unsafeBitCast(abiSymbol, to: ABIFunction.self)()
        guard abi == hostABIVersion else {
            throw PluginLoadError.abiMismatch(path: path, plugin: abi, host: hostABIVersion)
        }
        guard let toolchainSymbol = dlsym(handle, PluginEntrySymbol.toolchain) else {
            throw PluginLoadError.missingSymbol(path: path, symbol: PluginEntrySymbol.toolchain)
        }
        let toolchain = unsafeBitCast(toolchainSymbol, to: ToolchainFunction.self)().map { Self.boundedString($0, limit: 64) } ?? "?"
        guard toolchain == hostToolchain else {
            throw PluginLoadError.toolchainMismatch(path: path, plugin: toolchain, host: hostToolchain)
        }
        guard let entrySymbol = dlsym(handle, PluginEntrySymbol.entry) else {
            throw PluginLoadError.missingSymbol(path: path, symbol: PluginEntrySymbol.entry)
        }
        guard let raw = unsafeBitCast(entrySymbol, to: EntryFunction.self)() else {
            throw PluginLoadError.notADescriptor(path: path)
        }
        let object = Unmanaged<AnyObject>.fromOpaque(raw).takeRetainedValue()
        guard let descriptor = object as? PluginDescriptor else {
            throw PluginLoadError.notADescriptor(path: path)
        }
        return LoadedPlugin(descriptor: descriptor, path: resolved)
    }

    private static func lastDLError() -> String {
        guard let e = dlerror() else { return "unknown error" }
        return String(cString: e)
    }

    /// Reads a C string of at most `limit` bytes (a corrupt plugin must not make us
    /// read far).
    private static func boundedString(_ p: UnsafePointer<CChar>, limit: Int) -> String {
        let n = strnlen(p, limit)
        return p.withMemoryRebound(to: UInt8.self, capacity: n) {
            String(decoding: UnsafeBufferPointer(start: $0, count: n), as: UTF8.self)
        }
    }
}
