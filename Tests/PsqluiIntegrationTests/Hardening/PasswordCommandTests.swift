import Foundation
import Testing

/// Issue 9 item 12: `\password` asks twice without echo and sends only a verifier
/// encrypted client-side; an unknown backslash command throws the rest of its line
/// away, as psql does.
@Suite struct PasswordCommandTests {
    @Test func passwordStoresAScramVerifierAndTheClearPasswordGoesNowhere() throws {
        let role = "pw_role_\(getpid())"
        try TestServer.admin("create role \"\(role)\" login")
        defer { _ = try? TestServer.admin("drop role if exists \"\(role)\"") }
        let db = try TestServer.makeDatabase(prefix: "pwcmd")
        let home = TestServer.makeHome()
        let (tmux, _, _) = try InteractiveTests.start(database: db, home: home)
        defer { tmux.kill() }
        let secret = "Cl3arPw\(getpid())x"

        // Two different answers: psql's message, nothing sent.
        try InteractiveTests.enter(tmux, "\\password \(role)")
        try tmux.waitFor(text: "Enter new password for user \"\(role)\":")
        try tmux.type("one"); try tmux.press("Enter")
        try tmux.waitFor(text: "Enter it again:")
        try tmux.type("two"); try tmux.press("Enter")
        try tmux.waitFor(text: "Passwords didn't match.")

        // The user quoted as an identifier: upper case folds, as psql reads it.
        try InteractiveTests.enter(tmux, "\\password \(role.uppercased())")
        try tmux.waitFor(text: "Enter new password for user \"\(role)\":")
        try tmux.type(secret); try tmux.press("Enter")
        try tmux.waitFor(text: "Enter it again:")
        try tmux.type(secret); try tmux.press("Enter")
        try InteractiveTests.enter(tmux, "select 'after' as marker;")
        let screen = try tmux.waitFor(text: "after\n(1 row)")
        #expect(!screen.contains(secret), "no echo: \(screen)")
        #expect(!screen.contains("ALTER ROLE"), "psql shows no tag: \(screen)")

        // Ctrl-C at the prompt gives up silently, as psql does.
        try InteractiveTests.enter(tmux, "\\password")
        try tmux.waitFor(text: "Enter new password for user \"postgres\":")
        try tmux.press("C-c")
        try InteractiveTests.enter(tmux, "select 'still here' as marker;")
        try tmux.waitFor(text: "still here\n(1 row)")
        try InteractiveTests.pressCtrlDUntilExit(tmux)

        let stored = try TestServer.admin("select rolpassword from pg_authid where rolname = '\(role)'")
        #expect(stored.hasPrefix("SCRAM-SHA-256$4096:"), "pg_authid: \(stored)")
        let history = (try? String(contentsOfFile: home + "/.local/state/psqlui/history", encoding: .utf8)) ?? ""
        #expect(history.contains("marker"), "history: \(history)")
        #expect(!history.contains(secret) && !history.contains("one") && !history.contains("two"), "history: \(history)")
        let log = try String(contentsOfFile: TestServer.serverLog, encoding: .utf8)
        #expect(!log.contains(secret), "the server log holds the clear password")
        if ProcessInfo.processInfo.environment["PSQLUI_TEST_LOG_STATEMENT"] == "all" {
            #expect(log.contains("ALTER USER \(role) PASSWORD 'SCRAM-SHA-256$4096:"), "statement logging is on")
        }
    }

    @Test func anUnknownBackslashCommandDiscardsTheRestOfItsLine() throws {
        let db = try TestServer.makeDatabase(prefix: "pwunk")
        let input = Data("\\foo select 1; \\echo hi\nselect 2 as two;\n\\foo \\echo there\n".utf8)
        let ours = try TestServer.psqlui(["-X"], database: db, stdin: input)
        let theirs = try Hardening.psql(["-X"], database: db, stdin: input)
        #expect(ours.out == theirs.out, "psqlui:\n\(ours.out)\npsql:\n\(theirs.out)")
        #expect(!ours.out.contains("hi") && !ours.out.contains("there") && ours.out.contains("two"), "\(ours)")
        #expect(ours.err.components(separatedBy: "invalid command \\foo").count == 3, "\(ours.err)")
        #expect(ours.status == theirs.status, "\(ours) vs \(theirs)")
    }
}
