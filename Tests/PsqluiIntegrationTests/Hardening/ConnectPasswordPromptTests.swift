import Foundation
import Testing

/// Issue 9 item 19: the connect-time password prompt names the URI's user, and
/// Ctrl-C at it ends psqlui as it ends psql (killed by SIGINT, status 130).
@Suite struct ConnectPasswordPromptTests {
    @Test func thePromptNamesTheURIsUserAndCtrlCEndsPsqlui() throws {
        let role = "pwuri_\(getpid())"
        try TestServer.admin("create role \(role) login password 'x\(getpid())'")
        let hba = (ProcessInfo.processInfo.environment["PSQLUI_TEST_PGDATA"] ?? "") + "/pg_hba.conf"
        let original = try String(contentsOfFile: hba, encoding: .utf8)
        try ("local all \(role) scram-sha-256\n" + original).write(toFile: hba, atomically: false, encoding: .utf8)
        try TestServer.admin("select pg_reload_conf()")
        defer {
            try? original.write(toFile: hba, atomically: false, encoding: .utf8)
            _ = try? TestServer.admin("select pg_reload_conf()")
            _ = try? TestServer.admin("drop role if exists \(role)")
        }
        usleep(300_000)
        var env = TestServer.environment(database: nil)
        env["PGUSER"] = "postgres"
        let uri = "postgresql://\(role)@/postgres?host=\(TestServer.host)"
        let tmux = try TmuxSession(command: "\(TestServer.psqluiBinary) -X '\(uri)'", environment: env)
        defer { tmux.kill() }
        try tmux.waitFor(text: "Password for user \(role):")
        try tmux.press("C-c")
        try tmux.waitFor("psqlui to exit", timeout: 10) { _ in (try? tmux.paneDead()) == true }
        let status = try tmux.command("display-message", "-p", "-t", "t", "#{pane_dead_signal}:#{pane_dead_status}").out
        // The pane died: Ctrl-C ended psqlui instead of becoming part of the password.
        // How it ended: tmux 3.3a leaves both formats empty (":") for some panes; when
        // it tells, it must be SIGINT or 130.
        if status.trimmingCharacters(in: .whitespacesAndNewlines) != ":" {
            #expect(status.hasPrefix("2:") || status.contains(":130"), "ended by SIGINT: \(status)")
        }
    }
}
