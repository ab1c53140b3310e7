import Foundation
import Testing

/// Results and panes share one paged-view path: a pager when output is taller or
/// wider than the terminal, plain output otherwise.
@Suite struct PagerTests {
    @Test func tallResultOpensThePagerAndQReturnsToThePrompt() throws {
        let (tmux, db, _) = try InteractiveTests.start()
        defer { tmux.kill() }
        try InteractiveTests.enter(tmux, "select g as tall_row from generate_series(1, 300) g;")
        // less shows the first screenful and waits; psqlui's prompt is not there yet.
        try tmux.waitFor("the pager") { $0.contains("tall_row") && $0.components(separatedBy: "\n").contains { $0.trimmingCharacters(in: .whitespaces) == ":" } }
        #expect(try !tmux.screen().contains("(300 rows)"))
        try tmux.press("q")
        try InteractiveTests.waitForPrompt(tmux)
        try InteractiveTests.enter(tmux, "select 'still here' as x;")
        try tmux.waitFor(text: "still here\n(1 row)")
        _ = db
    }

    @Test func shortResultIsPrintedAndPagerOffPrintsEverything() throws {
        let (tmux, db, _) = try InteractiveTests.start()
        defer { tmux.kill() }
        try InteractiveTests.enter(tmux, "select 1 as short;")
        try tmux.waitFor(text: "(1 row)\n\n\(db)=#")
        try InteractiveTests.enter(tmux, ":pager off")
        try tmux.waitFor(text: "Pager usage is off.")
        try InteractiveTests.enter(tmux, "select g from generate_series(1, 300) g;")
        try tmux.waitFor(text: "(300 rows)\n\n\(db)=#")
    }

    @Test func historyPaneListsStatements() throws {
        let (tmux, db, home) = try InteractiveTests.start()
        defer { tmux.kill() }
        try InteractiveTests.enter(tmux, "select 'first entry';")
        try tmux.waitFor(text: "(1 row)\n\n\(db)=#")
        try InteractiveTests.enter(tmux, ":history 5")
        let screen = try tmux.waitFor(text: "select 'first entry';\n\(db)=#")
        #expect(screen.contains("    1  select 'first entry';"))
        _ = home
    }
}
