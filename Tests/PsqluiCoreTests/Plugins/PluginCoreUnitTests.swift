import PsqluiCore
@testable import PsqluiREPL
import PsqluiPluginAPI
import PsqluiTestKit
import Testing

struct SemanticVersionTests {
    @Test(arguments: ["1.2.3", "0.1.0", "1.0.0-rc.1", "1.0.0+build.5", "10.20.30-alpha.beta+x"])
    func roundTrips(_ text: String) { #expect(SemanticVersion(text)?.description == text) }

    @Test(arguments: ["1.2", "v1.2.3", "1.2.x", "1.-2.3", "1.2.3-", "", "1.2.3.4"])
    func rejects(_ text: String) { #expect(SemanticVersion(text) == nil) }

    @Test func precedenceFollowsSemver() {
        let ordered = ["1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "2.0.0"]
        let versions = ordered.compactMap(SemanticVersion.init)
        #expect(versions.count == ordered.count)
        #expect(versions == versions.sorted())
        for (a, b) in zip(versions, versions.dropFirst()) { #expect(a < b) }
    }
}

struct PluginCompatibilityTests {
    @Test(arguments: [
        ("0.1.0", "0.1.0", true), ("0.1.0", "0.1.5", true), ("0.2.0", "0.1.0", false), ("0.1.0", "0.2.0", false),
        ("1.0.0", "1.4.0", true), ("1.5.0", "1.4.0", false), ("1.0.0", "2.0.0", false),
    ] as [(String, String, Bool)])
    func coreCompatibility(minimum: String, core: String, ok: Bool) {
        #expect((PluginCompatibility.problem(minimum: SemanticVersion(minimum)!, core: SemanticVersion(core)!) == nil) == ok)
    }
}

struct PluginDependencyOrderTests {
    func node(_ n: String, _ deps: [String] = [], version: String = "1.0.0") -> PluginDependencyOrder.Node {
        .init(name: n, version: SemanticVersion(version)!, dependencies: deps.map { PluginDependency($0) })
    }

    @Test func dependenciesComeFirst() {
        let (order, refused) = PluginDependencyOrder.resolve([node("c", ["b"]), node("b", ["a"]), node("a")])
        #expect(order == ["a", "b", "c"] && refused.isEmpty)
    }

    @Test func cyclesMissingAndTooOldAreRefusedWithReasons() {
        let nodes = [node("x", ["y"]), node("y", ["x"]), node("m", ["nope"]), node("d", ["x"]), node("ok"),
                     PluginDependencyOrder.Node(name: "old", version: SemanticVersion(1, 0, 0),
                                                dependencies: [PluginDependency("ok", minimumVersion: SemanticVersion(2, 0, 0))])]
        let (order, refused) = PluginDependencyOrder.resolve(nodes)
        #expect(order == ["ok"])
        #expect(refused["x"] == "dependency cycle: x → y → x")
        #expect(refused["y"] == "dependency cycle: x → y → x")
        #expect(refused["m"] == "needs plugin \"nope\", which is not installed")
        #expect(refused["d"]?.hasPrefix("needs plugin \"x\", which could not be loaded") == true)
        #expect(refused["old"] == "needs plugin \"ok\" 2.0.0 or newer (installed: 1.0.0)")
    }
}

struct PluginsConfigTests {
    @Test func readsFlagsTablesAndTrustedProjects() throws {
        let (config, problems) = try PluginsConfig.parse("""
            trusted_projects = ["/work/app"]
            [plugins]
            yaml = false
            [plugins.explain]
            bar_width = 30
            style = "blocks"
            [plugins.comments]
            enabled = false
            """)
        #expect(problems.isEmpty)
        #expect(config.trustedProjects == ["/work/app"])
        #expect(!config.isEnabled("yaml") && !config.isEnabled("comments") && config.isEnabled("explain"))
        #expect(config.tables["explain"] == ["bar_width": .integer(30), "style": .string("blocks")])
    }

    @Test func aSyntaxErrorNamesTheLine() {
        do {
            _ = try PluginsConfig.parse("[plugins]\nyaml = \n")
            Issue.record("parsed a broken file")
        } catch {
            #expect(String(reflecting: error).contains("line 2"))
        }
    }
}

struct PluginRegistryTests {
    final class Slow: PluginDescriptor {
        var name: String { "slow" }
        var version: SemanticVersion { SemanticVersion(1, 0, 0) }
        var minimumCoreVersion: SemanticVersion { SemanticVersion(0, 1, 0) }
        var declaredCommands: [String] { ["nap"] }
        func activate(_ ctx: PluginContext) async throws -> PluginProviders {
            ctx.tasks.run { try? await Task.sleep(nanoseconds: 60_000_000_000) }
            return PluginProviders(commands: [CommandSpec(name: "nap", summary: "s", usage: ":nap") { _, c in c.write("zz") }])
        }
        func onShutdown() async {
            // Ignores cancellation: the host must not wait past its deadline.
            let until = ContinuousClock.now + .seconds(30)
            while ContinuousClock.now < until { try? await Task.sleep(nanoseconds: 50_000_000) }
        }
    }

    @Test func shutdownGivesUpAfterTheDeadlineAndCancelsPluginTasks() async {
        let registry = PluginRegistry(activationDeadline: 600)  // the full suite can starve activation past 10 s
        let table = HostCommands.table(plugins: registry)
        registry.register([(Slow(), .builtin)])
        #expect(table.plugin(providingCommand: "nap") == "slow")
        _ = await registry.runPluginCommand(plugin: "slow", CommandInvocation(name: "nap", arguments: "", words: []), context: RecordingCommandContext())
        let lines = await registry.shutdown()
        // The overrun line proves the host gave up: had it waited for `onShutdown`, the
        // work would have finished first and nothing would be reported. The deadline
        // fires from a dispatch queue, so a starved cooperative pool cannot reverse the
        // race. (Wall time is not asserted: in the full parallel suite the test's own
        // continuation can wait tens of seconds for a pool thread.)
        #expect(lines == ["plugin \"slow\" did not finish shutting down within 2 s"])
    }

    @Test func colonLinesAreParsedOnceIntoCallsWithTheEntrysGrammar() {
        let table = HostCommands.table(plugins: PluginRegistry())
        let (entry, call) = table.colonCall(Array("  :e  'my file.sql' ".utf8), variables: nil)!
        #expect(entry.description?.name == "edit")
        #expect(call.name == "e" && call.form == .colon && call.words == ["my file.sql"])
        #expect(table.colonCall(Array("select 1::int".utf8), variables: nil) == nil)
        #expect(table.colonCall(Array(":unknown x".utf8), variables: nil) == nil)
        #expect(table.colonCall(Array(":'v'".utf8), variables: nil) == nil)
        // psql grammar interpolates; plain words do not.
        let vars: VariableLookup = { $0 == "f" ? "out.csv" : nil }
        #expect(table.colonCall(Array(":run :f".utf8), variables: vars)?.1.words == ["out.csv"])
        #expect(table.colonCall(Array(":format csv delimiter=:f".utf8), variables: vars)?.1.words == ["csv", "delimiter=:f"])
        let meta = MetaCommandCall(name: "gx", arguments: Array(" |cat".utf8), line: 3)
        let (go, gx) = table.backslashCall(meta, variables: nil)!
        #expect(go.description?.name == "\\g" && gx.tableKey == "\\gx" && gx.line == 3)
    }

    @Test func disabledByConfigKeepsNamesButRefusesUse() async {
        let registry = PluginRegistry(services: PluginHostServices(config: PluginsConfig(enabled: ["slow": false])))
        let table = HostCommands.table(plugins: registry)
        registry.register([(Slow(), .builtin)])
        #expect(table.isCommand("nap") && registry.state(of: "slow") == .disabled)
        let ctx = RecordingCommandContext()
        #expect(await registry.runPluginCommand(plugin: "slow", CommandInvocation(name: "nap", arguments: "", words: []), context: ctx) == .failed)
        #expect(ctx.errors == ["plugin \"slow\" is disabled; enable it with :plugins enable slow"])
    }
}
