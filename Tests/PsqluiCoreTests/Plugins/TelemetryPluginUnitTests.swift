import Dispatch
import Foundation
import PsqluiCore
import PsqluiPluginAPI
import PsqluiTestKit
import Testing
@testable import TelemetryPlugin

/// The telemetry plugin's pure parts, and what a statement costs the publishing
/// (REPL) thread when the endpoint is dead. The wire is tested against a real
/// receiver by TelemetryTests.
@Suite(.timeLimit(.minutes(1))) struct TelemetryPluginUnitTests {
    /// A TCP port on 127.0.0.1 nobody listens on (bound, then closed).
    static func closedPort() -> UInt16 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = 0
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        withUnsafeMutablePointer(to: &addr) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { _ = bind(fd, $0, len); _ = getsockname(fd, $0, &len) }
        }
        close(fd)
        return UInt16(bigEndian: addr.sin_port)
    }

    static func finished(_ sql: String, redacted: String? = nil) -> PluginEvent {
        var a = [PluginEventKey.statement: sql, PluginEventKey.kind: "select", PluginEventKey.started: "1733500000123.456",
                 PluginEventKey.durationMilliseconds: "1.5", PluginEventKey.outcome: "ok", PluginEventKey.rows: "1",
                 PluginEventKey.database: "db", PluginEventKey.user: "u", PluginEventKey.host: "/tmp", PluginEventKey.port: "5432"]
        if let redacted { a[PluginEventKey.redactedStatement] = redacted }
        return PluginEvent(name: PluginEvent.statementFinished, attributes: a)
    }

    @Test func contractChecksPass() async {
        #expect(await PluginContractChecks.check(TelemetryPluginDescriptor(), coreVersion: PluginCompatibility.coreVersion).isEmpty)
        let ctx = PluginContext.fake(pluginName: "telemetry", config: ["endpoint": .string("http://127.0.0.1:\(Self.closedPort())")])
        #expect(await PluginContractChecks.check(TelemetryPluginDescriptor(), coreVersion: PluginCompatibility.coreVersion, context: ctx).isEmpty)
    }

    @Test func millisecondsBecomeExactNanoseconds() {
        #expect(StatementSpan.nanos(milliseconds: "1733500000123.456") == 1_733_500_000_123_456_000)
        #expect(StatementSpan.nanos(milliseconds: "1.5") == 1_500_000)
        #expect(StatementSpan.nanos(milliseconds: "7") == 7_000_000)
        #expect(StatementSpan.nanos(milliseconds: "x") == 0)
    }

    @Test func endpointsAndSettingsAreParsed() throws {
        #expect(try TelemetryDestination.endpoint("http://127.0.0.1:4318") == .http(host: "127.0.0.1", port: 4318, path: "/v1/traces"))
        #expect(try TelemetryDestination.endpoint("http://[::1]:9/x") == .http(host: "::1", port: 9, path: "/x"))
        #expect(throws: TelemetryError.self) { try TelemetryDestination.endpoint("https://collector") }
        #expect(throws: TelemetryError.self) { try TelemetryPluginDescriptor.settings(["endpoint": .string("http://a"), "file": .string("/f")]) }
        #expect(throws: TelemetryError.self) { try TelemetryPluginDescriptor.settings(["file": .string("/f"), "queue_limit": .integer(0)]) }
        #expect(try TelemetryPluginDescriptor.settings([:]) == nil)
        let s = try #require(try TelemetryPluginDescriptor.settings(["file": .string("/f"), "batch_size": .integer(3)]))
        #expect(s.batchSize == 3 && s.destination == .file(path: "/f"))
    }

    /// The event's redacted text is used; without one, the raw text goes through the
    /// API's redaction service, and the raw text is never what the span carries.
    @Test func onlyRedactedTextReachesTheSpan() throws {
        var rng = SystemRandomNumberGenerator()
        let sql = "alter role x password 'S3cret'"
        let a = try #require(StatementSpan.from(Self.finished(sql, redacted: "alter role x password ?"), ids: &rng))
        #expect(a.redactedStatement == "alter role x password ?")
        let b = try #require(StatementSpan.from(Self.finished(sql), ids: &rng, redact: { StatementRedactor.redact($0) }))
        #expect(b.redactedStatement == "alter role x password ?")
        let c = try #require(StatementSpan.from(Self.finished(sql), ids: &rng))
        #expect(c.redactedStatement == "?")
        let json = String(decoding: OTLPJSON.request([a, b, c], serviceName: "psqlui"), as: UTF8.self)
        #expect(!json.contains("S3cret"))
        #expect(b.startNanos == 1_733_500_000_123_456_000 && b.endNanos == b.startNanos + 1_500_000 && b.name == "SELECT")
    }

    /// What each statement costs the thread that publishes it (the REPL's) while the
    /// endpoint refuses every connection: the handler only queues.
    @Test func aDeadEndpointCostsThePublisherMicroseconds() async throws {
        let bus = InMemoryEventBus()
        let config: [String: ConfigValue] = ["endpoint": .string("http://127.0.0.1:\(Self.closedPort())"), "flush_interval_ms": .integer(10),
                                             "batch_size": .integer(4), "queue_limit": .integer(64)]
        let plugin = TelemetryPluginDescriptor()
        _ = try await plugin.activate(.fake(pluginName: "telemetry", eventBus: bus, config: config))
        let event = Self.finished("select 1", redacted: "select ?")
        var times: [UInt64] = []
        for _ in 0..<2000 {
            let t0 = DispatchTime.now().uptimeNanoseconds
            bus.publish(event)
            times.append(DispatchTime.now().uptimeNanoseconds - t0)
        }
        times.sort()
        let p50 = Double(times[1000]) / 1000, p99 = Double(times[1980]) / 1000, worst = Double(times.last!) / 1000
        print("telemetry dead endpoint: publish p50 \(p50) µs, p99 \(p99) µs, max \(worst) µs over 2000 statements")
        // The 2-core machine is shared: a preempted publisher shows in the tail, so the
        // bound on p99 is loose; the median is what the handler itself costs.
        #expect(p50 < 200 && p99 < 5000, "p50 \(p50) µs, p99 \(p99) µs")
        let t0 = DispatchTime.now().uptimeNanoseconds
        await plugin.onShutdown()
        let shutdownMs = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6
        print("telemetry dead endpoint: shutdown \(shutdownMs) ms")
        // A bound against hanging on the dead endpoint, not a timing: the exporter waits
        // at most 1.5 s, in 5 ms sleeps on the cooperative pool, and the full suite on two
        // shared cores starves that pool (1.9 s seen once, 17.3 s with six builds beside
        // it; 0.2-7 ms alone). A worker stuck in send would never finish at all.
        #expect(shutdownMs < 120_000)
    }

    /// Without a destination the plugin subscribes to nothing, so it is not activated at
    /// start (no task, no pool thread for a `-c` run); with one, or with a config that
    /// is wrong (to report it at start), it is. Nothing ran, so nothing to shut down.
    @Test func activatedAtStartOnlyWithADestination() async {
        func registry(_ table: [String: ConfigValue]?) -> PluginRegistry {
            let config = PluginsConfig(tables: table.map { ["telemetry": $0] } ?? [:])
            let r = PluginRegistry(services: PluginHostServices(config: config))
            _ = r.register([(TelemetryPluginDescriptor(), .builtin)])
            return r
        }
        #expect(!registry(nil).hasEventSubscribersToActivate)
        #expect(!registry(["service_name": .string("x")]).hasEventSubscribersToActivate)
        #expect(registry(["file": .string("/dev/null")]).hasEventSubscribersToActivate)
        #expect(registry(["endpoint": .string("not a url"), "file": .string("/dev/null")]).hasEventSubscribersToActivate)
        let idle = registry(nil)
        #expect(!idle.needsShutdown)
        #expect(await idle.activateEventSubscribers().isEmpty)
        #expect(!idle.needsShutdown && idle.state(of: "telemetry") == .declared)
        let started = registry(["file": .string("/dev/null")])
        #expect(await started.activateEventSubscribers().isEmpty)
        #expect(started.needsShutdown && started.state(of: "telemetry") == .active)
        _ = await started.shutdown()
    }
}
