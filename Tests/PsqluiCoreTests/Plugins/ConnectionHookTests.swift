import PsqluiCore
import PsqluiPluginAPI
import PsqluiTestKit
@testable import SSHPlugin
import Synchronization
import Testing

/// The connection-hook capability without a server: the registry runs hooks in
/// order, pairs every `willConnect` with one `didDisconnect`, unwinds on failure,
/// tells the user's error (`ConnectionHookError`, not counted) from the plugin's
/// (counted, disabling it after the limit), and never connects without a plugin a
/// connection's settings name. Plus the ssh plugin's parsing.
struct ConnectionHookTests {
    /// A hook plugin that records calls and reroutes, refuses or throws on demand.
    final class Recorder: PluginDescriptor, ConnectionHook, @unchecked Sendable {
        enum Mode: Sendable { case route(String), leave, refuse(String), crash }
        let pluginName: String
        let mode: Mode
        let settings: [String]
        let log: Mutex<[String]>
        init(_ name: String, _ mode: Mode, settings: [String] = []) { pluginName = name; self.mode = mode; self.settings = settings; log = Mutex([]) }
        var name: String { pluginName }
        var version: SemanticVersion { SemanticVersion(0, 1, 0) }
        var minimumCoreVersion: SemanticVersion { SemanticVersion(0, 1, 0) }
        var hasConnectionHooks: Bool { true }
        var declaredConnectionSettings: [String] { settings }
        func activate(_ ctx: PluginContext) async throws -> PluginProviders { PluginProviders(connectionHooks: [self]) }
        func willConnect(_ p: ConnectionParameters) async throws -> ConnectionRoute? {
            log.withLock { $0.append("will \(p.host ?? "-"):\(p.port ?? "-")") }
            switch mode {
            case .route(let port): return ConnectionRoute(host: "127.0.0.1", port: port)
            case .leave: return nil
            case .refuse(let m): throw ConnectionHookError(m)
            case .crash: throw Boom()
            }
        }
        func didDisconnect(_ p: ConnectionParameters, route: ConnectionRoute?) async {
            log.withLock { $0.append("did \(p.host ?? "-"):\(p.port ?? "-") -> \(route?.port ?? "direct")") }
        }
        var calls: [String] { log.withLock { $0 } }
    }
    struct Boom: Error, CustomStringConvertible { var description: String { "boom" } }

    static func registry(_ plugins: Recorder..., enabled: [String: Bool] = [:]) -> PluginRegistry {
        let r = PluginRegistry(services: PluginHostServices(config: PluginsConfig(enabled: enabled)), activationDeadline: 600)
        r.register(plugins.map { ($0, PluginSource.builtin) })
        return r
    }

    @Test func hooksRunInOrderEachSeeingThePreviousRouteAndAreReleasedNewestFirst() async throws {
        let first = Recorder("first", .route("6000")), second = Recorder("second", .leave)
        let registry = Self.registry(first, second)
        let run = try await registry.runConnectionHooks(ConnectionParameters(host: "db.example.com", port: "5432", options: ["hostaddr": "10.0.0.1"])).get()
        #expect(run.parameters.host == "127.0.0.1" && run.parameters.port == "6000")
        #expect(run.parameters.options["hostaddr"] == nil, "a route drops hostaddr")
        #expect(second.calls == ["will 127.0.0.1:6000"])
        await registry.connectionClosed(run)
        #expect(first.calls == ["will db.example.com:5432", "did db.example.com:5432 -> 6000"])
        #expect(second.calls == ["will 127.0.0.1:6000", "did 127.0.0.1:6000 -> direct"])
    }

    @Test func aRefusalIsTheUsersOneLineUncountedAndEarlierHooksAreReleased() async throws {
        let first = Recorder("first", .route("6000")), refusing = Recorder("second", .refuse("ssh tunnel via x failed: Host key verification failed."))
        let registry = Self.registry(first, refusing)
        for _ in 0..<4 {
            let result = await registry.runConnectionHooks(ConnectionParameters(host: "db"))
            #expect(result.failure?.lines == ["ssh tunnel via x failed: Host key verification failed."])
        }
        #expect(first.calls.filter { $0.hasPrefix("did") }.count == 4, "\(first.calls)")
        #expect(registry.state(of: "second") == .active, "a refusal is not the plugin's fault")
    }

    @Test func aThrowingHookIsTheFaultNamedAndCountedUntilDisabled() async throws {
        let crashing = Recorder("crashy", .crash, settings: ["crashy"])
        let registry = Self.registry(crashing)
        var lines: [[String]] = []
        for _ in 0..<3 {
            lines.append(await registry.runConnectionHooks(ConnectionParameters(host: "db", settings: ["crashy": .string("x")])).failure?.lines ?? [])
        }
        #expect(lines[0] == ["plugin \"crashy\": connection hook crashy: boom"])
        #expect(lines[2].last == "plugin \"crashy\" is disabled for this session after 3 failures; re-enable it with :plugins enable crashy")
        // Disabled now: a connection that names its setting is refused, not made directly.
        let refused = await registry.runConnectionHooks(ConnectionParameters(host: "db", settings: ["crashy": .string("x")]))
        #expect(refused.failure?.lines == ["connection setting \"crashy\" needs plugin \"crashy\", which was disabled after repeated failures; enable it with :plugins enable crashy"])
        // One that does not name it goes on without the hook.
        let plain = try await registry.runConnectionHooks(ConnectionParameters(host: "db")).get()
        #expect(plain.parameters.host == "db")
    }

    @Test func aSettingOfADisabledOrUnknownPluginRefusesTheConnection() async {
        let registry = Self.registry(Recorder("ssh", .leave, settings: ["ssh"]), enabled: ["ssh": false])
        let off = await registry.runConnectionHooks(ConnectionParameters(settings: ["ssh": .string("bastion")]))
        #expect(off.failure?.lines == ["connection setting \"ssh\" needs plugin \"ssh\", which is disabled; enable it with :plugins enable ssh"])
        let unknown = await registry.runConnectionHooks(ConnectionParameters(settings: ["proxy": .string("x")]))
        #expect(unknown.failure?.lines == ["no plugin reads the connection setting \"proxy\""])
    }

    @Test func aPluginThatDeclaresSettingsHooksOnlyTheConnectionsNamingOne() async throws {
        let ssh = Recorder("ssh", .route("7000"), settings: ["ssh"])
        let registry = Self.registry(ssh)
        #expect(!registry.needsConnectionHooks(settings: [:]), "a plain connect skips the plugins")
        let plain = try await registry.runConnectionHooks(ConnectionParameters(host: "db")).get()
        #expect(plain.parameters.host == "db" && ssh.calls.isEmpty)
        let tunnelled = try await registry.runConnectionHooks(ConnectionParameters(host: "db", settings: ["ssh": .string("b")])).get()
        #expect(tunnelled.parameters.port == "7000" && ssh.calls == ["will db:-"])
    }

    @Test func theResolvedParametersNeverHoldThePassword() {
        var settings = ConnectionSettings(host: "h", port: "5433", user: "u", dbname: "postgresql://x:s3cret@urihost:6000/app?sslmode=require")
        settings.password = "typed"
        let resolution = ConnectionResolution(settings)
        let p = resolution.parameters(settings: [:])
        #expect(p.host == "urihost" && p.port == "6000" && p.dbname == "app" && p.user == "x", "the URI is expanded in place, as libpq does")
        #expect(p.options["sslmode"] == "require")
        #expect(!"\(p)".contains("s3cret") && !"\(p)".contains("typed"))
        let routed = resolution.routed(to: ConnectionRoute(host: "127.0.0.1", port: "7000"), from: settings)
        #expect(routed.host == "127.0.0.1" && routed.port == "7000" && routed.dbname == "app" && routed.password == "typed")
        #expect(routed.options["sslmode"] == "require" && routed.options["hostaddr"] == nil)
    }

    @Test func theTestKitHarnessPairsConnects() async throws {
        let hook = Recorder("h", .route("6001"))
        let harness = ConnectionHookHarness(hook)
        let a = try await harness.connect(ConnectionParameters(host: "db"))
        _ = try await harness.connect(ConnectionParameters(host: "db", dbname: "other"))
        #expect(await harness.disconnect(a))
        #expect(await !harness.disconnect(a), "a second disconnect is a pairing error")
        await harness.disconnectAll()
        #expect(await harness.openConnections.isEmpty)
        #expect(hook.calls.filter { $0.hasPrefix("did") }.count == 2)
        let problems = PluginContractChecks.checkProviders(PluginProviders(), declaredBy: hook)
        #expect(problems.map(\.message) == ["hasConnectionHooks is true but activation provided 0 connection hooks"])
    }

    @Test(arguments: [
        ("bastion", "bastion", nil, nil),
        ("me@bastion.example.com", "bastion.example.com", "me", nil),
        ("me@10.0.0.5:2222", "10.0.0.5", "me", 2222),
        ("[::1]:2200", "::1", nil, 2200),
        ("ops@[fe80::1]", "fe80::1", "ops", nil),
    ] as [(String, String, String?, Int?)])
    func sshDestinations(_ text: String, _ host: String, _ user: String?, _ port: Int?) throws {
        let d = try SSHDestination.parse(text).get()
        #expect(d.host == host && d.user == user && d.port == port)
    }

    @Test(arguments: ["", "@host", "-oProxyCommand=x", "me@-x", "host:99999", "host:abc", "a b", "[::1"])
    func badSSHDestinations(_ text: String) {
        #expect((try? SSHDestination.parse(text).get()) == nil, "\(text)")
    }

    @Test func forwardTargets() throws {
        #expect(try ForwardTarget.from(ConnectionParameters()).get().spec == "localhost:5432")
        #expect(try ForwardTarget.from(ConnectionParameters(host: "db.internal", port: "6432")).get().spec == "db.internal:6432")
        #expect(try ForwardTarget.from(ConnectionParameters(host: "/var/run/postgresql")).get().spec == "/var/run/postgresql/.s.PGSQL.5432")
        #expect(try ForwardTarget.from(ConnectionParameters(host: "::1")).get().spec == "[::1]:5432")
        #expect((try? ForwardTarget.from(ConnectionParameters(host: "a,b")).get()) == nil)
    }

    @Test func sshSettingsAreChecked() {
        #expect(throws: SSHPluginError.self) { try SSHSettings(["ready_timeout": .integer(0)]) }
        #expect(throws: SSHPluginError.self) { try SSHSettings(["argumentz": .array([])]) }
        #expect((try? SSHSettings(["arguments": .array([.string("-F"), .string("/x")])]))?.arguments == ["-F", "/x"])
    }
}

extension Result {
    var failure: Failure? { if case .failure(let f) = self { return f }; return nil }
}
