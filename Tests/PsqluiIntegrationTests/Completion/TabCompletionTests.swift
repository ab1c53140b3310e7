import Foundation
import Testing

/// Tab at a real prompt (tmux): libedit inserts what the engine chose, a second
/// Tab shows psqlui's ranked list, and DDL is completable at once without `:refresh`.
@Suite struct TabCompletionTests {
    /// A prompt whose metadata has loaded (the prompt never waits for it): Tab on
    /// `produ` until it becomes `products`, then clear the line.
    static func start() throws -> (TmuxSession, String) {
        let (tmux, db, _) = try InteractiveTests.start()
        try tmux.type("select * from produ")
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            try tmux.press("Tab")
            usleep(100_000)
            if inputLine(try tmux.screen()) == "\(db)=# select * from products" { break }
        }
        try tmux.press("C-u")
        try tmux.waitFor("an empty line") { inputLine($0) == "\(db)=#" }
        return (tmux, db)
    }

    /// The screen's last non-empty line (the input line).
    static func inputLine(_ screen: String) -> String {
        screen.split(separator: "\n").last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.map(String.init) ?? ""
    }

    @Test func tabCompletesARelationOnScreen() throws {
        let (tmux, db) = try Self.start()
        defer { tmux.kill() }
        try tmux.type("select * from ord")
        try tmux.press("Tab")
        // orders, order_items, order_totals share "order".
        try tmux.waitFor("the common prefix") { Self.inputLine($0) == "\(db)=# select * from order" }
        try tmux.type("s")
        try tmux.press("Tab")
        // One relation left: it is finished with a space (tmux trims it from the screen; type on to see it).
        try tmux.waitFor("orders completed") { Self.inputLine($0) == "\(db)=# select * from orders" }
        try tmux.type("o join ")
        try tmux.waitFor("the space after orders") { Self.inputLine($0) == "\(db)=# select * from orders o join" }
        try tmux.press("Tab")
        try tmux.press("Tab")
        let screen = try tmux.waitFor(text: "customers c on c.id = o.customer_id")
        // Ranked, not alphabetical: the foreign-key join first, before the plain tables.
        let lines = screen.split(separator: "\n").map(String.init)
        let joinLine = try #require(lines.firstIndex { $0.hasPrefix("customers c on c.id = o.customer_id") })
        let tableLine = try #require(lines.firstIndex { $0.hasPrefix("customers ") && $0.contains("table") })
        #expect(joinLine < tableLine, "\(screen)")
        // The prompt and the typed line are drawn again below the list.
        try tmux.waitFor("the line redrawn") { Self.inputLine($0).hasSuffix("select * from orders o join") }
    }

    @Test func twoTabsOnAnAmbiguousPrefixShowTheRankedList() throws {
        let (tmux, db) = try Self.start()
        defer { tmux.kill() }
        try tmux.type("select * from order")
        try tmux.press("Tab")
        try tmux.press("Tab")
        let screen = try tmux.waitFor(text: "order_totals")
        let lines = screen.split(separator: "\n").map(String.init)
        let listed = lines.compactMap { l -> String? in
            let name = l.split(separator: " ").first.map(String.init) ?? ""
            return ["orders", "order_items", "order_totals"].contains(name) ? name : nil
        }
        // Relations ranked by name among equals; libedit itself would have listed functions in between too.
        #expect(listed == ["order_items", "order_totals", "orders"], "\(screen)")
        #expect(!screen.contains("Display all"), "\(screen)")
        try tmux.waitFor("the input line back") { Self.inputLine($0) == "\(db)=# select * from order" }
    }

    // The DDL itself triggers the refresh (no `:refresh`, no timer). How fast is for the
    // bench; the 10 s here only bounds a loaded CI machine.
    @Test func newTableIsOfferedAfterItsDDLWithoutRefresh() throws {
        let (tmux, db) = try Self.start()
        defer { tmux.kill() }
        try InteractiveTests.enter(tmux, "create table fresh_t (a int);")
        try tmux.waitFor(text: "CREATE TABLE")
        let created = Date()
        try tmux.type("select * from fresh")
        var completed = false
        while Date().timeIntervalSince(created) < 10.0 {
            try tmux.press("Tab")
            usleep(100_000)
            if Self.inputLine(try tmux.screen()) == "\(db)=# select * from fresh_t" { completed = true; break }
        }
        let final = try tmux.screen()
        #expect(completed, "fresh_t not offered within 10 s: \(final)")
    }

    @Test func tableCreatedInATransactionIsOfferedAfterCommit() throws {
        let (tmux, db) = try Self.start()
        defer { tmux.kill() }
        try InteractiveTests.enter(tmux, "begin;")
        try InteractiveTests.enter(tmux, "create table in_tx_t (a int);")
        try InteractiveTests.enter(tmux, "commit;")
        try tmux.waitFor(text: "COMMIT")
        try tmux.type("select * from in_tx")
        let deadline = Date().addingTimeInterval(10)
        var completed = false
        while Date() < deadline && !completed {
            try tmux.press("Tab")
            usleep(100_000)
            completed = Self.inputLine(try tmux.screen()) == "\(db)=# select * from in_tx_t"
        }
        let final = try tmux.screen()
        #expect(completed, "\(final)")
    }

    @Test func starAndTabExpandsTheColumnList() throws {
        let (tmux, db) = try Self.start()
        defer { tmux.kill() }
        try tmux.type("select * from orders")
        for _ in 0..<" from orders".count { try tmux.press("Left") }
        try tmux.press("Tab")
        try tmux.waitFor("the star expanded") {
            Self.inputLine($0) == "\(db)=# select id, customer_id, status, ordered_at, note from orders"
        }
    }

    @Test func dropConstraintTabTabListsTheTablesConstraints() throws {
        let (tmux, _) = try Self.start()
        defer { tmux.kill() }
        try tmux.type("ALTER TABLE orders DROP CONSTRAINT ")
        try tmux.press("Tab")
        try tmux.press("Tab")
        let screen = try tmux.waitFor(text: "orders_customer_id_fkey")
        #expect(screen.contains("orders_pkey") && screen.contains("orders_status_check"), "\(screen)")
        #expect(!screen.contains("customers_pkey"), "another table's constraint: \(screen)")
    }

    @Test func aFileNameWithASpaceCompletesQuoted() throws {
        let dir = NSTemporaryDirectory() + "tab-files-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        FileManager.default.createFile(atPath: dir + "/my file.sql", contents: Data("select 1;\n".utf8))
        let (tmux, db) = try Self.start()
        defer { tmux.kill() }
        try tmux.type("\\i \(dir)/my")
        try tmux.press("Tab")
        try tmux.waitFor("the file name quoted") { Self.inputLine($0) == "\(db)=# \\i '\(dir)/my file.sql'" }
    }

    /// The session's own objects are asked of the session at Tab time (as psql does):
    /// a cursor declared in this transaction completes after FETCH, a prepared
    /// statement after EXECUTE, and the transaction is still usable afterwards.
    @Test func sessionCursorsAndPreparedStatementsComplete() throws {
        let (tmux, db) = try Self.start()
        defer { tmux.kill() }
        try InteractiveTests.enter(tmux, "prepare tab_plan as select 1;")
        try tmux.waitFor(text: "PREPARE")
        try InteractiveTests.enter(tmux, "begin;")
        try InteractiveTests.enter(tmux, "declare tab_cursor cursor for select 42 as answer;")
        try tmux.waitFor(text: "DECLARE CURSOR")
        try tmux.type("fetch next from tab_")
        try tmux.press("Tab")
        try tmux.waitFor("the cursor completed") { Self.inputLine($0) == "\(db)=*# fetch next from tab_cursor" }
        try tmux.type(";")
        try tmux.press("Enter")
        try tmux.waitFor(text: "42")
        try tmux.type("execute tab_p")
        try tmux.press("Tab")
        try tmux.waitFor("the prepared statement completed") { Self.inputLine($0) == "\(db)=*# execute tab_plan" }
        try tmux.press("C-u")
        try InteractiveTests.enter(tmux, "commit;")
        try tmux.waitFor(text: "COMMIT")
    }
}
