import Foundation
import Testing

/// `:watch` and the destructive-statement warning at a real terminal (tmux): what a
/// person sees and what ends up in the database.
@Suite struct WatchAndWarningTerminalTests {
    static func orderItemCount(_ db: String) throws -> Int {
        Int(try TestServer.admin("select count(*) from order_items", database: db).trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    @Test func watchRepeatsUntilCtrlCThenThePromptReturns() throws {
        let (tmux, db, _) = try InteractiveTests.start()
        defer { tmux.kill() }
        try InteractiveTests.enter(tmux, "select now() as watched_at;")
        try tmux.waitFor(text: "(1 row)")
        try InteractiveTests.enter(tmux, ":watch 1")
        let screen = try tmux.waitFor("three runs of the watched query", timeout: 15) {
            $0.components(separatedBy: "(every 1s)").count - 1 >= 3
        }
        // Each run is a new query: now() differs between runs.
        let stamps = screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.range(of: #"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d"#, options: .regularExpression) != nil }
        #expect(Set(stamps).count >= 3, "\(screen)")
        try tmux.press("C-c")
        try InteractiveTests.waitForPrompt(tmux, timeout: 5)
        // The watch really stopped: no new run appears.
        let runs = try tmux.screen().components(separatedBy: "(every 1s)").count
        usleep(1_500_000)
        #expect(try tmux.screen().components(separatedBy: "(every 1s)").count == runs)
        try InteractiveTests.enter(tmux, "select 'still here' as after_watch;")
        try tmux.waitFor(text: "still here")
        _ = db
    }

    @Test func destructiveStatementAsksAndNoCancelsYesRuns() throws {
        let (tmux, db, _) = try InteractiveTests.start()
        defer { tmux.kill() }
        let rows = try Self.orderItemCount(db)
        #expect(rows > 0)
        try InteractiveTests.enter(tmux, "delete from order_items;")
        try tmux.waitFor(text: "Run it? [y/N]")
        try tmux.type("n")
        try tmux.press("Enter")
        try tmux.waitFor(text: "Cancelled; nothing was sent.")
        try InteractiveTests.waitForPrompt(tmux)
        #expect(try Self.orderItemCount(db) == rows)

        try InteractiveTests.enter(tmux, "delete from order_items;")
        try tmux.waitFor("the question a second time") { $0.components(separatedBy: "Run it? [y/N]").count == 3 }
        try tmux.type("y")
        try tmux.press("Enter")
        try tmux.waitFor(text: "DELETE \(rows)")
        try InteractiveTests.waitForPrompt(tmux)
        #expect(try Self.orderItemCount(db) == 0)
    }

    /// Issue 10: a statement sent through `:export` is a user statement like a typed
    /// one, so the destructive warning asks for it too.
    @Test func destructiveStatementThroughExportAsks() throws {
        let (tmux, db, _) = try InteractiveTests.start()
        defer { tmux.kill() }
        let rows = try Self.orderItemCount(db)
        #expect(rows > 0)
        try InteractiveTests.enter(tmux, "delete from order_items")
        try InteractiveTests.enter(tmux, ":export csv > /dev/null")
        try tmux.waitFor(text: "Run it? [y/N]")
        try tmux.type("n")
        try tmux.press("Enter")
        try tmux.waitFor(text: "Cancelled; nothing was sent.")
        try InteractiveTests.waitForPrompt(tmux)
        #expect(try Self.orderItemCount(db) == rows)
    }

    /// `:watch` of a destructive statement asks once, not at every run.
    @Test func watchOfADestructiveStatementAsksOnce() throws {
        let (tmux, db, _) = try InteractiveTests.start()
        defer { tmux.kill() }
        try InteractiveTests.enter(tmux, "delete from order_items")
        try InteractiveTests.enter(tmux, ":watch 1")
        try tmux.waitFor(text: "Run it? [y/N]")
        try tmux.type("y")
        try tmux.press("Enter")
        let screen = try tmux.waitFor("two runs of the watched delete", timeout: 15) {
            $0.components(separatedBy: "(every 1s)").count - 1 >= 2
        }
        #expect(screen.components(separatedBy: "Run it? [y/N]").count == 2, "\(screen)")
        try tmux.press("C-c")
        try InteractiveTests.waitForPrompt(tmux, timeout: 5)
        #expect(try Self.orderItemCount(db) == 0)
    }

    @Test func batchNeverAsksEvenAtATerminal() throws {
        let db = try TestServer.makeDatabase(prefix: "tty")
        #expect(try Self.orderItemCount(db) > 0)
        let env = TestServer.environment(database: db)
        let tmux = try TmuxSession(command: "\(TestServer.psqluiBinary) -X -c 'truncate order_items'", environment: env)
        defer { tmux.kill() }
        try tmux.waitFor("psqlui to finish", timeout: 20) { _ in (try? tmux.paneDead()) == true }
        let screen = try tmux.screen()
        #expect(screen.contains("TRUNCATE TABLE"), "\(screen)")
        #expect(!screen.contains("Run it?"))
        #expect(try Self.orderItemCount(db) == 0)
    }
}
