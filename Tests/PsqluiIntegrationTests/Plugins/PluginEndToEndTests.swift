import Foundation
import Testing

/// The plugin contract seen from outside: the real psqlui binary loading real
/// `.so` files from a plugin directory.
@Suite struct PluginEndToEndTests {
    /// The example outside plugin (plugins/examples/YamlExporter), built once.
    static let yamlLibrary: String = {
        let path = TestServer.packageRoot + "/plugins/examples/YamlExporter"
        let out = try? ProcessRunner.run("/usr/bin/env", ["swift", "build", "--package-path", path],
                                         environment: ProcessInfo.processInfo.environment, timeout: 900)
        guard let out, out.status == 0 else { fatalError("building the example plugin failed: \(out.map { "\($0)" } ?? "")") }
        return path + "/.build/debug/libYamlExporter.so"
    }()

    @Test func activationIsLazy() throws {
        let db = try TestServer.makeDatabase(prefix: "lazy")
        let dir = try PluginFixtures.directory(with: ["GoodPlugin"])
        let marker = NSTemporaryDirectory() + "marker-" + UUID().uuidString
        let env = ["PSQLUI_PLUGIN_PATH": dir, "PSQLUI_FIXTURE_MARKER": marker]
        let plain = try TestServer.psqlui(["-c", "select 1"], database: db, extraEnv: env)
        #expect(plain.status == 0, "\(plain)")
        let afterPlain = (try? String(contentsOfFile: marker, encoding: .utf8)) ?? ""
        #expect(!afterPlain.contains("activated"), "plugin code ran without being used: \(afterPlain)")
        let used = try TestServer.psqlui(["-c", ":hello tester"], database: db, extraEnv: env)
        #expect(used.out.contains("hello, tester from good"), "\(used)")
        let afterUse = (try? String(contentsOfFile: marker, encoding: .utf8)) ?? ""
        #expect(afterUse.contains("activated"))
        #expect(afterUse.contains("shutdown"), "onShutdown runs at exit")
    }

    @Test func twoOutsidePluginsShareOneAPILibrary() throws {
        let (tmux, db, _) = try Self.startREPL(pluginNames: ["GoodPlugin", "DepBase", "DepUser"])
        defer { tmux.kill() }
        try InteractiveTests.enter(tmux, ":hello maps")
        try tmux.waitFor(text: "hello, maps from good")
        _ = db
        let pid = try Self.psqluiPID(in: tmux)
        // Through cat: /proc files report size 0 and Foundation reads only a part.
        let maps = try ProcessRunner.run("/bin/cat", ["/proc/\(pid)/maps"], environment: [:]).out
        let apiPaths = Set(maps.split(separator: "\n").compactMap { line -> String? in
            guard line.hasSuffix("libPsqluiPluginAPI.so") else { return nil }
            return line.split(separator: " ").last.map(String.init)
        })
        #expect(apiPaths.count == 1, "one copy of the API library: \(apiPaths)")
        #expect(maps.contains("libGoodPlugin.so"))
    }

    @Test func examplePluginLoadsDisablesAndReenablesAtThePrompt() throws {
        let yaml = Self.yamlLibrary
        let (tmux, _, _) = try Self.startREPL(pluginNames: [])
        defer { tmux.kill() }
        try InteractiveTests.enter(tmux, ":plugins load \(yaml)")
        try tmux.waitFor(text: "yaml")
        try InteractiveTests.enter(tmux, ":plugins")
        let listing = try tmux.waitFor(text: "YamlExporter.so")
        #expect(listing.contains("yaml"))
        try InteractiveTests.enter(tmux, ":plugins disable yaml")
        try InteractiveTests.enter(tmux, ":plugins")
        try tmux.waitFor("yaml listed as disabled") { $0.components(separatedBy: "\n").contains { $0.contains("yaml") && $0.contains("disabled") } }
        try InteractiveTests.enter(tmux, ":plugins enable yaml")
        try InteractiveTests.enter(tmux, ":plugins load \(yaml)")
        try tmux.waitFor(text: "restart")
    }

    @Test func explainAnalyzeShowsAPlanTreeWithBars() throws {
        let db = try TestServer.makeDatabase(prefix: "explain")
        let out = try TestServer.psqlui(["-X", "-c", ":explain analyze select * from orders o join customers c on c.id = o.customer_id where o.status = 'paid'"], database: db)
        #expect(out.status == 0, "\(out)")
        #expect(out.out.contains("Hash Join") || out.out.contains("Nested Loop") || out.out.contains("Merge Join"), "\(out.out)")
        #expect(out.out.contains("orders"))
        #expect(out.out.contains("customers"))
        #expect(out.out.contains("█"), "cost/time bars: \(out.out)")
        #expect(out.out.contains("act"), "actual rows with analyze")
    }

    /// Issue 9 item 20: the user's SQL errors inside `:explain` are the user's, not
    /// faults of the explain plugin, and never disable it.
    @Test func sqlTyposInExplainDoNotDisableIt() throws {
        let db = try TestServer.makeDatabase(prefix: "explaintypo")
        let script = ":explain selec 1\n:explain selec 2\n:explain selec 3\n:explain select 42\n:plugins\n"
        let out = try TestServer.psqlui(["-X"], database: db, stdin: Data(script.utf8))
        let errors = out.err.components(separatedBy: "\n").filter { !$0.isEmpty }
        #expect(errors.count == 3 && errors.allSatisfy { $0.contains("ERROR:  syntax error at or near \"selec\"") }, "\(out)")
        #expect(!out.err.contains("disabled"), "\(out)")
        #expect(out.out.contains("Result"), "the fourth :explain still shows a plan: \(out.out)")
        let explainLine = out.out.components(separatedBy: "\n").first { $0.hasPrefix("explain ") } ?? ""
        #expect(explainLine.contains("active"), "\(out.out)")
    }

    @Test func untrustedProjectPluginsAreNotLoaded() throws {
        let db = try TestServer.makeDatabase(prefix: "trust")
        let project = NSTemporaryDirectory() + "project-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: project + "/.psqlui/plugins", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: project + "/.psqlui/plugins/libGoodPlugin.so",
                                                   withDestinationPath: PluginFixtures.library("GoodPlugin"))
        let marker = NSTemporaryDirectory() + "marker-" + UUID().uuidString
        let out = try TestServer.psqlui(["-c", ":hello"], database: db, extraEnv: ["PSQLUI_FIXTURE_MARKER": marker],
                                        currentDirectory: project)
        #expect(out.err.contains("--trust-project"), "\(out)")
        #expect(!out.out.contains("from good"))
        #expect(!FileManager.default.fileExists(atPath: marker))
    }

    // MARK: Helpers

    static func startREPL(pluginNames: [String]) throws -> (TmuxSession, String, String) {
        let db = try TestServer.makeDatabase(prefix: "plug")
        let home = TestServer.makeHome()
        var env = TestServer.environment(database: db, home: home)
        env["PSQLUI_PLUGIN_PATH"] = try PluginFixtures.directory(with: pluginNames)
        let tmux = try TmuxSession(command: TestServer.psqluiBinary, environment: env)
        try tmux.waitFor(text: "\(db)=#", timeout: 20)
        return (tmux, db, home)
    }

    static func psqluiPID(in tmux: TmuxSession) throws -> Int32 {
        let out = try ProcessRunner.shell("tmux -L \(tmux.socketName) display-message -p -t t '#{pane_pid}'",
                                          environment: ProcessInfo.processInfo.environment)
        return Int32(out.out.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }
}
