import Foundation
import Testing

/// The REPL as a person uses it: in a real pseudo-terminal (tmux), typing,
/// pressing Ctrl-C and Ctrl-D, reading the screen.
@Suite struct InteractiveTests {
    /// Starts psqlui at a prompt on a fresh copy of the demo database.
    static func start(database: String? = nil, home: String? = nil, args: String = "-X") throws -> (TmuxSession, String, String) {
        let db = try database ?? TestServer.makeDatabase(prefix: "tty")
        let home = home ?? TestServer.makeHome()
        let env = TestServer.environment(database: db, home: home)
        let tmux = try TmuxSession(command: "\(TestServer.psqluiBinary) \(args)", environment: env)
        try tmux.waitFor(text: "\(db)=#")
        return (tmux, db, home)
    }

    /// Waits for a prompt, then types a line and presses Enter. (Keys typed while
    /// psqlui is still printing reach the terminal in cooked mode and can be lost
    /// when the line editor switches it to raw mode; a person waits for the prompt.)
    static func enter(_ tmux: TmuxSession, _ line: String) throws {
        try waitForPrompt(tmux)
        try tmux.type(line)
        try tmux.press("Enter")
    }

    /// Presses Ctrl-D at the prompt until psqlui exits (a person presses again when
    /// nothing happens; on a loaded 2-core machine a key can arrive while the
    /// terminal is still switching modes). Fails if psqlui does not exit in 30 s.
    static func pressCtrlDUntilExit(_ tmux: TmuxSession) throws {
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            if (try? tmux.paneDead()) == true { return }
            try waitForPrompt(tmux)
            try tmux.press("C-d")
            if (try? tmux.waitFor("psqlui to exit", timeout: 5) { _ in (try? tmux.paneDead()) == true }) != nil { return }
        }
        throw TestFailure("psqlui did not exit on Ctrl-D; screen:\n\(try tmux.screen())")
    }

    /// Waits until the screen's last line is a psqlui prompt (`db=#`, `db-#`, `db(#` …).
    static func waitForPrompt(_ tmux: TmuxSession, timeout: TimeInterval = 20) throws {
        let prompt = try NSRegularExpression(pattern: #"^[A-Za-z0-9_]+[=\-'"$*(!][*!?]?[#>]\s*$"#)
        try tmux.waitFor("a prompt", timeout: timeout) { screen in
            guard let last = screen.split(separator: "\n").last(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else { return false }
            let s = String(last)
            return prompt.firstMatch(in: s, range: NSRange(location: 0, length: (s as NSString).length)) != nil
        }
    }

    @Test func ctrlCCancelsARunningQueryAndKeepsTheSession() throws {
        let (tmux, db, _) = try Self.start()
        defer { tmux.kill() }
        try Self.enter(tmux, "select pg_backend_pid() as pid_before;")
        let before = try tmux.waitFor(text: "(1 row)")
        let pidBefore = try #require(Self.firstNumber(after: "pid_before", in: before))
        try Self.enter(tmux, "select pg_sleep(60);")
        // Wait until the server really runs it.
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            let active = try TestServer.admin("select count(*) from pg_stat_activity where datname = '\(db)' and query like 'select pg_sleep(60)%' and state = 'active'")
            if active.trimmingCharacters(in: .whitespacesAndNewlines) == "1" { break }
            usleep(50_000)
        }
        let pressed = Date()
        try tmux.press("C-c")
        try tmux.waitFor(text: "canceling statement due to user request", timeout: 20)
        try tmux.waitFor("the prompt to come back", timeout: 20) { $0.hasSuffix("\(db)=# ") || $0.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("\(db)=#") }
        // Far below the 60 s sleep: the cancel went through (a loaded CI machine can take seconds).
        #expect(Date().timeIntervalSince(pressed) < 20.0)
        let active = try TestServer.admin("select count(*) from pg_stat_activity where datname = '\(db)' and query like 'select pg_sleep%' and state = 'active'")
        #expect(active.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
        try Self.enter(tmux, "select pg_backend_pid() as pid_after;")
        let after = try tmux.waitFor(text: "pid_after")
        try tmux.waitFor(text: "(1 row)\n\n\(db)=#", timeout: 5)
        let pidAfter = try #require(Self.firstNumber(after: "pid_after", in: try tmux.screen()))
        #expect(pidBefore == pidAfter, "a real cancel keeps the backend: \(after)")
    }

    @Test func ctrlCAtThePromptClearsTheLineAndCtrlDQuits() throws {
        let (tmux, db, _) = try Self.start()
        defer { tmux.kill() }
        try Self.enter(tmux, "select 'never run'")   // no semicolon: continuation
        try tmux.waitFor(text: "\(db)-#")
        try tmux.press("C-c")
        try tmux.waitFor("a fresh prompt") { $0.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("\(db)=#") }
        try tmux.type("select 'after clear' as x;")
        try tmux.press("Enter")
        let screen = try tmux.waitFor(text: "(1 row)\n\n\(db)=#")  // Ctrl-D counts only at the prompt
        #expect(screen.contains("after clear"))
        #expect(!screen.contains("never run\n"), "the cleared statement must not run")
        try Self.pressCtrlDUntilExit(tmux)
    }

    @Test func failedTransactionShowsInPromptAndRollbackRecovers() throws {
        let (tmux, db, _) = try Self.start()
        defer { tmux.kill() }
        try Self.enter(tmux, "begin;")
        try tmux.waitFor(text: "\(db)=*#")
        try Self.enter(tmux, "select 1/0;")
        try tmux.waitFor(text: "\(db)=!#")
        try Self.enter(tmux, "rollback;")
        try tmux.waitFor(text: "ROLLBACK")
        try Self.enter(tmux, "select 'recovered' as state;")
        // Back to a plain prompt: no transaction marker.
        let screen = try tmux.waitFor(text: "recovered\n(1 row)\n\n\(db)=#")
        #expect(!screen.hasSuffix("\(db)=!# "))
    }

    @Test func continuationPromptShowsOpenQuoteAndParenthesis() throws {
        let (tmux, db, _) = try Self.start()
        defer { tmux.kill() }
        try Self.enter(tmux, "select (1 +")
        try tmux.waitFor(text: "\(db)(#")
        try Self.enter(tmux, "2), 'open")
        try tmux.waitFor(text: "\(db)'#")
        try Self.enter(tmux, "quote';")
        let screen = try tmux.waitFor(text: "(1 row)")
        #expect(screen.contains("open"))
    }

    @Test func terminatedBackendIsReportedAndTheNextStatementReconnects() throws {
        let (tmux, _, _) = try Self.start()
        defer { tmux.kill() }
        try Self.enter(tmux, "select pg_terminate_backend(pg_backend_pid());")
        // psql's CheckConnection: reset at once, in the same statement.
        try tmux.waitFor(text: "The connection to the server was lost. Attempting reset: Succeeded.", timeout: 10)
        try Self.enter(tmux, "select 'back again' as status;")
        try tmux.waitFor(text: "back again\n(1 row)", timeout: 10)
    }

    @Test func historyKeepsStatementsButNeverPasswords() throws {
        let db = try TestServer.makeDatabase(prefix: "hist")
        let home = TestServer.makeHome()
        let (tmux, _, _) = try Self.start(database: db, home: home)
        defer { tmux.kill() }
        let role = "hist_role_\(getpid())", user = "hist_user_\(getpid())"
        try TestServer.admin("create role \(role)")
        try Self.enter(tmux, "select 'kept in history' as x;")
        try tmux.waitFor(text: "(1 row)")
        try Self.enter(tmux, "ALTER ROLE \(role) PASSWORD 'secret';")
        try tmux.waitFor(text: "ALTER ROLE")
        try Self.enter(tmux, "CREATE USER \(user) PASSWORD 'secret';")
        try tmux.waitFor(text: "CREATE ROLE")
        try Self.enter(tmux, "\\c postgresql://postgres:secret@/\(db)?host=\(TestServer.host)")
        try tmux.waitFor(text: "You are now connected")
        try Self.enter(tmux, "select 'last' as x;")
        try tmux.waitFor(text: "last\n(1 row)")
        let history = try String(contentsOfFile: home + "/.local/state/psqlui/history", encoding: .utf8)
        #expect(history.contains("kept"))
        #expect(history.contains("last"))
        #expect(!history.contains("secret"), "history: \(history)")
        try TestServer.admin("drop role \(role); drop role \(user)")
    }

    static func firstNumber(after marker: String, in screen: String) -> Int? {
        guard let range = screen.range(of: marker, options: .backwards) else { return nil }
        let rest = screen[range.upperBound...]
        for token in rest.split(whereSeparator: { !$0.isNumber }) {
            if let n = Int(token) { return n }
        }
        return nil
    }
}
