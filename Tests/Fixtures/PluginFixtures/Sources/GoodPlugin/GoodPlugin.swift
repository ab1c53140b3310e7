// Test fixture plugin "good" (see Tests/Fixtures/PluginFixtures/Package.swift).
#if canImport(Glibc)
import Glibc
#endif
import PsqluiPluginAPI

public final class GoodPluginDescriptor: PluginDescriptor {
    public init() {}
    public var name: String { "good" }
    public var version: SemanticVersion { SemanticVersion(1, 0, 0) }
    public var minimumCoreVersion: SemanticVersion { SemanticVersion(0, 1, 0) }
    public var summary: String { "fixture good" }

    public var declaredCommands: [String] { ["hello", "hi"] }
    public var declaredFormats: [String] { ["shout"] }
    public func activate(_ ctx: PluginContext) async throws -> PluginProviders {
        Marker.append("activated")
        return PluginProviders(
            commands: [CommandSpec(name: "hello", aliases: ["hi"], summary: "greets", usage: ":hello [NAME]") { inv, c in
                Marker.append("command \(inv.arguments)")
                c.write("hello, \(inv.arguments.isEmpty ? "world" : inv.arguments) from good")
            }],
            exporters: [ExporterSpec(name: "shout", summary: "upper-cased text lines", fileExtension: "txt") { _ in ShoutExporter() }])
    }
    public func onShutdown() async { Marker.append("shutdown") }
}

/// Appends a line to the file named by $PSQLUI_FIXTURE_MARKER (when set): lets a test
/// see, from outside, whether and when plugin code ran.
enum Marker {
    static func append(_ line: String) {
        guard let path = getenv("PSQLUI_FIXTURE_MARKER").map({ String(cString: $0) }), !path.isEmpty else { return }
        guard let f = fopen(path, "a") else { return }
        fputs(line + "\n", f)
        fclose(f)
    }
}

final class ShoutExporter: Exporter {
    var output: OutputBuffer?
    func open(columns: [ColumnInfo], output: OutputBuffer) async throws { self.output = output }
    func write(_ batch: RowBatch) throws {
        for r in 0..<batch.rowCount {
            for c in 0..<batch.columnCount {
                if c > 0 { try output?.append(UInt8(ascii: " ")) }
                try output?.append((batch[r, c].string ?? "NULL").uppercased())
            }
            try output?.append(UInt8(ascii: "\n"))
        }
    }
    func finish(rowCount: Int) async throws {}
}

@_cdecl("psqlui_plugin_entry")
public func psqluiPluginEntry() -> UnsafeMutableRawPointer {
    Unmanaged.passRetained(GoodPluginDescriptor() as AnyObject).toOpaque()
}

@_cdecl("psqlui_plugin_abi_version")
public func psqluiPluginABI() -> Int32 { psqluiPluginABIVersion }

@_cdecl("psqlui_plugin_toolchain")
public func psqluiPluginToolchain() -> UnsafePointer<CChar> { PluginToolchain.cString }
