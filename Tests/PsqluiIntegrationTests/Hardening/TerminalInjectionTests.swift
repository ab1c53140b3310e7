import Foundation
import Testing

/// Issue 9 item 11: object names from the server reach the terminal escaped, as
/// aligned output escapes a cell: a table named `evil<ESC>[2Jtbl` in the second-Tab
/// list shows as `evil\x1B[2Jtbl` and does not clear the screen.
@Suite struct TerminalInjectionTests {
    @Test func theCompletionListEscapesControlCharactersInNames() throws {
        let db = try TestServer.makeDatabase(prefix: "inject")
        try TestServer.admin("create table \"evil\u{1b}[2Jtbl\" (a int); create table evil_other (a int);", database: db)
        let (tmux, _, _) = try InteractiveTests.start(database: db)
        defer { tmux.kill() }
        try tmux.type("select * from evil")
        // The metadata loads in the background: Tab until the list shows.
        let deadline = Date().addingTimeInterval(20)
        var screen = ""
        while Date() < deadline {
            try tmux.press("Tab")
            usleep(300_000)
            screen = try tmux.screen()
            if screen.contains("evil_other") && screen.contains("2Jtbl") { break }
        }
        #expect(screen.contains("evil\\x1B[2Jtbl"), "escaped as aligned output does: \(screen)")
        #expect(screen.contains("psqlui "), "the screen was not cleared: \(screen)")
        let raw = try tmux.command("capture-pane", "-p", "-e", "-t", "t", "-S", "-200").out
        #expect(!raw.contains("\u{1b}[2J"), "no raw escape sequence")
        #expect(!raw.contains("evil\u{1b}"), "no raw ESC after the name: \(raw.debugDescription)")
    }

    /// The other sinks: a notice and an error whose text carries ESC, and an
    /// `:explain` pane naming such a table, reach the terminal escaped; the screen is
    /// not cleared.
    @Test func noticesErrorsAndPanesEscapeControlCharactersAtATerminal() throws {
        let db = try TestServer.makeDatabase(prefix: "inject")
        try TestServer.admin("create table \"evil\u{1b}[2Jtbl\" (a int); create view evil_view as select * from \"evil\u{1b}[2Jtbl\";", database: db)
        let (tmux, _, _) = try InteractiveTests.start(database: db)
        defer { tmux.kill() }
        try InteractiveTests.enter(tmux, "do $$ begin raise notice 'notice%', chr(27) || '[2J'; end $$;")
        try tmux.waitFor(text: "DO")
        try InteractiveTests.enter(tmux, "do $$ begin raise exception 'error%', chr(27) || '[2J'; end $$;")
        try tmux.waitFor(text: "ERROR:")
        try InteractiveTests.enter(tmux, ":explain select * from evil_view")
        let screen = try tmux.waitFor(text: "Seq Scan")
        #expect(screen.contains("NOTICE:  notice\\x1B[2J"), "\(screen)")
        #expect(screen.contains("ERROR:  error\\x1B[2J"), "\(screen)")
        #expect(screen.contains("evil\\x1B[2Jtbl"), "\(screen)")
        #expect(screen.contains("psqlui "), "the screen was not cleared: \(screen)")
        let raw = try tmux.command("capture-pane", "-p", "-e", "-t", "t", "-S", "-200").out
        #expect(!raw.contains("\u{1b}[2J"), "no raw escape sequence: \(raw.debugDescription)")
    }

    /// Into a pipe or a file the bytes stay psql's: the same notice and error reach
    /// stderr raw, byte for byte as psql writes them.
    @Test func intoAPipeMessagesKeepPsqlsBytes() throws {
        let db = try TestServer.makeDatabase(prefix: "inject")
        let sql = "do $$ begin raise notice 'notice%', chr(27) || '[2J'; end $$; do $$ begin raise exception 'error%', chr(27) || '[2J'; end $$;"
        let psql = try TestServer.psql(["-X", "-c", sql], database: db)
        let psqlui = try TestServer.psqlui(["-X", "-c", sql], database: db)
        #expect(psqlui.stderr == psql.stderr, "\(psqlui)\n\(psql)")
        #expect(psqlui.stdout == psql.stdout)
        #expect(psql.err.contains("\u{1b}[2J"))
    }

    /// Confirmations that name the database (`\conninfo`, `\c`) escape it at a
    /// terminal too, as the prompt's `%/` does.
    @Test func connectionMessagesEscapeAHostileDatabaseName() throws {
        let name = "evil\u{1b}[2Jdb_\(getpid())"
        try TestServer.admin("create database \"\(name)\"")
        defer { _ = try? TestServer.admin("drop database if exists \"\(name)\"") }
        let tmux = try TmuxSession(command: "\(TestServer.psqluiBinary) -X", environment: TestServer.environment(database: name))
        defer { tmux.kill() }
        try tmux.waitFor(text: "2Jdb_\(getpid())=#")
        try tmux.type("\\conninfo"); try tmux.press("Enter")
        try tmux.waitFor(text: "You are connected to database")
        try tmux.type("\\c -"); try tmux.press("Enter")
        let screen = try tmux.waitFor(text: "You are now connected to database")
        #expect(screen.contains("database \"evil\\x1B[2Jdb_\(getpid())\""), "\(screen)")
        #expect(screen.contains("psqlui "), "the screen was not cleared: \(screen)")
        let raw = try tmux.command("capture-pane", "-p", "-e", "-t", "t", "-S", "-200").out
        #expect(!raw.contains("\u{1b}[2J"), "no raw escape sequence: \(raw.debugDescription)")
    }
}
