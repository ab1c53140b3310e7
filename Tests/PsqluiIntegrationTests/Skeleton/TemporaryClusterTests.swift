import Foundation
import Testing

/// `psqlui --temp`: a throwaway cluster that is gone after Ctrl-D, SIGTERM, SIGHUP
/// and (swept by the guardian or the next --temp) SIGKILL.
@Suite(.serialized) struct TemporaryClusterTests {
    enum Ending: String, CaseIterable, Sendable { case ctrlD, sigterm, sighup, sigkill }

    @Test(arguments: Ending.allCases)
    func clusterIsRemoved(_ ending: Ending) throws {
        let home = TestServer.makeHome()
        var env = TestServer.environment(database: nil, home: home)
        for key in ["PGHOST", "PGPORT", "PGUSER", "PGDATABASE"] { env[key] = nil }
        let tmux = try TmuxSession(command: "\(TestServer.psqluiBinary) -X --temp", environment: env)
        defer { tmux.kill() }
        try tmux.waitFor(text: "shop=#", timeout: 60)
        let screen = try tmux.screen()
        let dir = try #require(Self.clusterDirectory(in: screen), "the startup line names the directory: \(screen)")
        #expect(FileManager.default.fileExists(atPath: dir + "/data/PG_VERSION"))
        // The demo schema is there.
        try tmux.type("select count(*) > 0 as has_orders from orders;")
        try tmux.press("Enter")
        try tmux.waitFor(text: "(1 row)\n\nshop=#")  // Ctrl-D only counts at the prompt
        let pid = try Self.psqluiPID(dir: dir)
        switch ending {
        case .ctrlD: try InteractiveTests.pressCtrlDUntilExit(tmux)
        case .sigterm: kill(pid, SIGTERM)
        case .sighup: kill(pid, SIGHUP)
        case .sigkill: kill(pid, SIGKILL)
        }
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline && FileManager.default.fileExists(atPath: dir) { usleep(100_000) }
        let ps = try ProcessRunner.shell("ps -eo pid,ppid,sid,stat,cmd | grep -E '\(pid)|psqlui-temp' | grep -v grep || true", environment: env)
        #expect(!FileManager.default.fileExists(atPath: dir), "data directory removed after \(ending); processes:\n\(ps.out)")
        let servers = try ProcessRunner.shell("pgrep -f '[p]ostgres -D \(dir)/data' || true", environment: env)
        #expect(servers.out.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "no server left after \(ending)")
    }

    static func clusterDirectory(in screen: String) -> String? {
        guard let r = screen.range(of: #"/(tmp/psqlui-[0-9]+|run/user/[0-9]+)/psqlui-temp-[A-Za-z0-9]+"#, options: .regularExpression) else { return nil }
        return String(screen[r])
    }

    static func psqluiPID(dir: String) throws -> Int32 {
        let text = try String(contentsOfFile: dir + "/owner.pid", encoding: .utf8)
        return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }
}
