import Glibc
import PsqluiPluginAPI
import Synchronization

/// The built-in `telemetry` plugin: one OpenTelemetry span per statement the user
/// runs, exported as OTLP/HTTP JSON to `[plugins.telemetry] endpoint` or as JSON
/// lines to `file`. Statement text leaves only redacted. `:telemetry` shows counts.
public final class TelemetryPluginDescriptor: PluginDescriptor {
    public init() {}
    public var name: String { "telemetry" }
    public var version: SemanticVersion { SemanticVersion(0, 1, 0) }
    public var minimumCoreVersion: SemanticVersion { SemanticVersion(0, 1, 0) }
    public var summary: String { "OpenTelemetry spans of statements to an OTLP/HTTP endpoint or a JSON-lines file" }
    public var declaredCommands: [String] { ["telemetry"] }
    public var subscribesToEvents: Bool { true }
    /// Only a destination (`endpoint` or `file`, or a wrong config to report) needs the
    /// plugin at start; without one it only answers `:telemetry`, activated then.
    public func subscribesToEvents(config: [String: ConfigValue]) -> Bool {
        config["endpoint"] != nil || config["file"] != nil
    }

    private struct Running {
        var exporter: SpanExporter
        var subscription: EventSubscription
    }
    private let running = Mutex<Running?>(nil)

    public func activate(_ ctx: PluginContext) async throws -> PluginProviders {
        if let settings = try Self.settings(ctx.config) {
            let exporter = SpanExporter(settings: settings)
            let intel = ctx.sqlIntel
            let subscription = ctx.eventBus.subscribe { event in
                var rng = SystemRandomNumberGenerator()
                if let span = StatementSpan.from(event, ids: &rng, redact: { intel.redact($0) }) { exporter.enqueue(span) }
            }
            running.withLock { $0 = Running(exporter: exporter, subscription: subscription) }
        }
        return PluginProviders(commands: [statusCommand])
    }

    /// The counts for `:plugins`.
    public var status: String? {
        guard let exporter = running.withLock({ $0?.exporter }) else { return "off (set endpoint or file in [plugins.telemetry])" }
        let c = exporter.counts
        return "to \(exporter.settings.destination.displayName): sent \(c.sent), dropped \(c.dropped), failed \(c.undelivered)"
            + (c.queued > 0 ? ", queued \(c.queued)" : "")
    }

    public func onShutdown() async {
        guard let r = running.withLock({ s -> Running? in defer { s = nil }; return s }) else { return }
        r.subscription.cancel()
        await r.exporter.shutdown(waitMillis: 1500)
        let c = r.exporter.counts
        if c.dropped + c.undelivered + c.queued > 0 {
            let line = "psqlui: telemetry: \(c.dropped) span(s) dropped (queue full), \(c.undelivered + c.queued) not delivered"
                + (c.lastError.map { " (\($0))" } ?? "") + "\n"
            fputs(line, stderr)
        }
    }

    /// `nil` when neither `endpoint` nor `file` is set (the plugin then only answers
    /// `:telemetry`).
    static func settings(_ config: [String: ConfigValue]) throws -> SpanExporter.Settings? {
        let destination: TelemetryDestination
        switch (config["endpoint"]?.stringValue, config["file"]?.stringValue) {
        case (let url?, nil): destination = try TelemetryDestination.endpoint(url)
        case (nil, let path?): destination = .file(path: path)
        case (nil, nil): return nil
        case (_?, _?): throw TelemetryError("[plugins.telemetry]: set endpoint or file, not both")
        }
        var s = SpanExporter.Settings(destination: destination)
        func int(_ key: String, _ range: ClosedRange<Int>) throws -> Int? {
            guard let v = config[key] else { return nil }
            guard let i = v.integerValue, range.contains(i) else { throw TelemetryError("[plugins.telemetry] \(key): expected a number from \(range.lowerBound) to \(range.upperBound)") }
            return i
        }
        if let v = try int("batch_size", 1...10_000) { s.batchSize = v }
        if let v = try int("queue_limit", 1...1_000_000) { s.queueLimit = v }
        if let v = try int("flush_interval_ms", 10...60_000) { s.flushIntervalMillis = v }
        if let v = try int("timeout_ms", 10...60_000) { s.timeoutMillis = Int32(v) }
        if let name = config["service_name"]?.stringValue { s.serviceName = name }
        return s
    }

    private var statusCommand: CommandSpec {
        CommandSpec(name: "telemetry", summary: "where statement spans go, and how many were sent, dropped or undelivered",
                    usage: ":telemetry", group: "Plugins") { [self] _, context in
            guard let exporter = running.withLock({ $0?.exporter }) else {
                context.write("telemetry: off (set endpoint or file in [plugins.telemetry])")
                return
            }
            let c = exporter.counts
            context.write("telemetry: to \(exporter.settings.destination.displayName)")
            context.write("  sent \(c.sent), queued \(c.queued)/\(exporter.settings.queueLimit), dropped \(c.dropped) (queue full), undelivered \(c.undelivered)"
                          + (c.lastError.map { " (last error: \($0))" } ?? ""))
        }
    }
}
