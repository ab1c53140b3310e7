// Test fixture plugin "observer" (see Tests/Fixtures/PluginFixtures/Package.swift):
// it writes what the host's services give it to $PSQLUI_FIXTURE_MARKER, one line per
// thing seen, so a test can check real metadata, analyses and events from outside.
#if canImport(Glibc)
import Glibc
#endif
import PsqluiPluginAPI

public final class ObserverPluginDescriptor: PluginDescriptor {
    private let box = SubscriptionBox()
    public init() {}
    public var name: String { "observer" }
    public var version: SemanticVersion { SemanticVersion(1, 0, 0) }
    public var minimumCoreVersion: SemanticVersion { SemanticVersion(0, 1, 0) }
    public var summary: String { "fixture: records metadata, analyses and events" }
    public var declaredCommands: [String] { ["observed"] }
    public var hasSqlAssists: Bool { true }
    public var subscribesToEvents: Bool { true }

    public func activate(_ ctx: PluginContext) async throws -> PluginProviders {
        box.subscription = ctx.eventBus.subscribe { event in
            let keys = ["kind", "rows", "tag", "outcome", "sqlstate", "database", "statement.redacted"]
            let attrs = keys.compactMap { k in event.attributes[k].map { "\(k)=\($0)" } }
            let timed = event.attributes["duration_ms"].flatMap(Double.init).map { $0 >= 0 } ?? false
            Marker.append("event \(event.name) \(attrs.joined(separator: " "))\(timed ? " timed" : "")")
        }
        let cache = ctx.metadataCache
        return PluginProviders(
            commands: [CommandSpec(name: "observed", summary: "prints a relation from the metadata cache", usage: ":observed TABLE") { inv, c in
                guard let r = cache.relations().first(where: { $0.name == inv.arguments }) else {
                    c.write("observed: no relation \(inv.arguments) in \(cache.relations().count) relations")
                    return
                }
                c.write("observed: \(r.schema).\(r.name) kind=\(r.kind) columns=\(r.columns.joined(separator: ","))")
            }],
            sqlAssists: [Recorder()])
    }

    public func onShutdown() async { box.subscription?.cancel() }
}

final class SubscriptionBox: @unchecked Sendable {
    var subscription: EventSubscription?
}

final class Recorder: SqlAssist {
    var name: String { "recorder" }
    func statementAnalyzed(_ result: AnalysisResult, intel: SqlIntelService) async throws {
        let relations = result.referencedRelations.map { ($0.schema.map { $0 + "." } ?? "") + $0.name }
        let again = intel.analyze(result.text)
        Marker.append("analyzed kind=\(result.statementKind) relations=\(relations.joined(separator: ",")) columns=\(result.referencedColumns.map(\.description).joined(separator: ",")) reparse=\(again == result)")
    }
}

enum Marker {
    static func append(_ line: String) {
        guard let path = getenv("PSQLUI_FIXTURE_MARKER").map({ String(cString: $0) }), !path.isEmpty else { return }
        guard let f = fopen(path, "a") else { return }
        fputs(line + "\n", f)
        fclose(f)
    }
}

@_cdecl("psqlui_plugin_entry")
public func psqluiPluginEntry() -> UnsafeMutableRawPointer {
    Unmanaged.passRetained(ObserverPluginDescriptor() as AnyObject).toOpaque()
}

@_cdecl("psqlui_plugin_abi_version")
public func psqluiPluginABI() -> Int32 { psqluiPluginABIVersion }

@_cdecl("psqlui_plugin_toolchain")
public func psqluiPluginToolchain() -> UnsafePointer<CChar> { PluginToolchain.cString }
