/// The version of the binary contract between psqlui and plugins.
///
/// A plugin exports it as `psqlui_plugin_abi_version`; the loader compares it with its
/// own value and refuses a mismatch before it calls any other plugin code.
///
/// `@_alwaysEmitIntoClient`: the number is compiled into whoever reads it (the plugin,
/// the host), not looked up in the shared API library at run time — otherwise an old
/// plugin would report the *host's* number and the check would always pass.
@_alwaysEmitIntoClient
public var psqluiPluginABIVersion: Int32 { 1 }

/// The Swift compiler a piece of code was built with, compiled into the caller.
///
/// Swift has no stable ABI on Linux: a plugin must be built with the same toolchain as
/// psqlui. A plugin exports `PluginToolchain.cString` as `psqlui_plugin_toolchain`; the
/// loader compares it with its own `PluginToolchain.compiledWith`. Both are
/// `@_alwaysEmitIntoClient`, so the `#if compiler` ladder is evaluated when the *plugin*
/// (or the host) is compiled, not when the API library was.
public enum PluginToolchain {
    /// The compiler version this code was compiled with, as `major.minor[.patch]`
    /// (patch only for the releases listed in the ladder).
    @_alwaysEmitIntoClient
    public static var compiledWith: StaticString {
        #if compiler(>=7.0)
        return "7.0+"
        #elseif compiler(>=6.5)
        return "6.5"
        #elseif compiler(>=6.4)
        return "6.4"
        #elseif compiler(>=6.3.2)
        return "6.3.2"
        #elseif compiler(>=6.3.1)
        return "6.3.1"
        #elseif compiler(>=6.3)
        return "6.3.0"
        #elseif compiler(>=6.2)
        return "6.2"
        #elseif compiler(>=6.1)
        return "6.1"
        #elseif compiler(>=6.0)
        return "6.0"
        #else
        return "5.x"
        #endif
    }

    /// `compiledWith` as a NUL-terminated C string (Swift stores string literals with a
    /// terminating NUL), for the `psqlui_plugin_toolchain` entry symbol.
    @_alwaysEmitIntoClient
    public static var cString: UnsafePointer<CChar> {
        UnsafeRawPointer(compiledWith.utf8Start).assumingMemoryBound(to: CChar.self)
    }
}

/// The names of the C symbols every plugin library exports (see plugins/README.md).
public enum PluginEntrySymbol {
    /// `@convention(c) () -> UnsafeMutableRawPointer`: a retained `PluginDescriptor`.
    public static let entry = "psqlui_plugin_entry"
    /// `@convention(c) () -> Int32`: the plugin's `psqluiPluginABIVersion`.
    public static let abiVersion = "psqlui_plugin_abi_version"
    /// `@convention(c) () -> UnsafePointer<CChar>`: the plugin's `PluginToolchain.cString`.
    public static let toolchain = "psqlui_plugin_toolchain"
}
