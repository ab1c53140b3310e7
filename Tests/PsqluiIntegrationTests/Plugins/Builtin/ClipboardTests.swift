import Foundation
import Testing

/// The `clipboard` plugin in a real terminal: tmux with `set-clipboard on` turns the
/// OSC 52 sequence psqlui writes into a tmux paste buffer, which must hold exactly
/// the exported text (compared with live psql's output of the same query).
@Suite(.serialized) struct ClipboardTests {
    static let query = "select g as n, 'row ' || g || ', \"q\"' as label, null::text as gone from generate_series(1, 3) g"

    static func start(config: String? = nil) throws -> (TmuxSession, String) {
        let home = TestServer.makeHome()
        if let config {
            try FileManager.default.createDirectory(atPath: home + "/.config/psqlui", withIntermediateDirectories: true)
            try config.write(toFile: home + "/.config/psqlui/config.toml", atomically: true, encoding: .utf8)
        }
        let (tmux, db, _) = try InteractiveTests.start(database: "postgres", home: home, args: "")
        try tmux.command("set-option", "-s", "set-clipboard", "on")
        return (tmux, db)
    }

    @Test func yankCopiesThePreviousResultThroughOSC52IntoTmuxsBuffer() throws {
        let (tmux, _) = try Self.start()
        defer { tmux.kill() }
        try InteractiveTests.enter(tmux, Self.query + ";")
        try tmux.waitFor(text: "(3 rows)")
        try InteractiveTests.enter(tmux, ":yank csv")
        try tmux.waitFor(text: "Copied 3 rows (")
        let buffer = try tmux.command("show-buffer")
        #expect(buffer.status == 0, "no tmux buffer: \(buffer.out)")
        let expected = try TestServer.psql(["-X", "--csv", "-c", Self.query], database: "postgres").out
        #expect(buffer.out == expected)
        #expect(try tmux.screen().contains("to the clipboard (osc52)"))

        // The default format is tab-separated, header included, like :export tsv.
        try InteractiveTests.enter(tmux, ":yank")
        try tmux.waitFor(text: "tsv) to the clipboard")
        let tsv = try tmux.command("show-buffer").out
        #expect(tsv.hasPrefix("n\tlabel\tgone\n1\trow 1, \"q\"\t"), "\(tsv)")
    }

    @Test func overTheSizeLimitNothingIsCopiedAndTheMessageSaysWhatToDo() throws {
        let (tmux, _) = try Self.start(config: "[plugins.clipboard]\nmax_bytes = 100\n")
        defer { tmux.kill() }
        try InteractiveTests.enter(tmux, "select repeat('x', 50) as big from generate_series(1, 3);")
        try tmux.waitFor(text: "(3 rows)")
        try InteractiveTests.enter(tmux, ":yank csv")
        let screen = try tmux.waitFor(text: "clipboard limit")
        #expect(screen.contains("over the clipboard limit of 100 bytes ([plugins.clipboard] max_bytes); use :export csv"), "\(screen)")
        #expect(try tmux.command("show-buffer").status != 0, "no buffer was created")
        try InteractiveTests.enter(tmux, "select 'still here';")
        try tmux.waitFor(text: "still here")
    }

    @Test func yankRefusesBatchAndBinaryFormats() throws {
        let out = try TestServer.psqlui(["-X"], database: "postgres", stdin: Data("select 1;\n:yank\n:yank parquet\n".utf8))
        #expect(out.err.contains(":yank copies at a terminal; in a script use :export FORMAT | wl-copy"), "\(out)")
    }

    @Test func disablingTheClipboardPluginRemovesYank() throws {
        let home = TestServer.makeHome()
        try FileManager.default.createDirectory(atPath: home + "/.config/psqlui", withIntermediateDirectories: true)
        try "[plugins]\nclipboard = false\nparquet = false\n".write(toFile: home + "/.config/psqlui/config.toml", atomically: true, encoding: .utf8)
        let listing = try TestServer.psqlui(["-c", ":plugins"], database: "postgres", home: home)
        #expect(listing.out.contains("clipboard") && listing.out.contains("parquet"), "\(listing)")
        #expect(listing.out.split(separator: "\n").filter { $0.contains("disabled") }.count == 2, "\(listing)")
        let yank = try TestServer.psqlui(["-c", "select 1", "-c", ":yank"], database: "postgres", home: home)
        #expect(yank.status != 0 && yank.err.contains("clipboard"), "\(yank)")
        let parquet = try TestServer.psqlui(["-c", "select 1", "--format", "parquet", "-o", "/dev/null"], database: "postgres", home: home)
        #expect(parquet.status != 0 && parquet.err.contains("parquet"), "\(parquet)")
    }
}
