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
}
