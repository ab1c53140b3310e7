import Foundation
import Testing

/// The exporters as users reach them: `--csv`, `-H`, `--format`, `:export`,
/// `:format`, against live psql's output, real files, real pipes and a real terminal.
@Suite struct ExportWiringTests {
    /// A table whose rows and column names trip up naive CSV/HTML writers.
    static let tableSQL = """
        create table mixed (id int, "odd, name" text, "quote""d" text, amount numeric, flag boolean,
                            at timestamptz, doc jsonb, tags text[], raw bytea, "Mixed Case" float8);
        insert into mixed values
          (1, 'plain', 'a,b', 1.50, true, '2024-01-02 03:04:05+00', '{"a": [1, "x"]}', '{a,"b c"}', '\\x00ff', 1.5e300),
          (2, null, '', null, null, null, null, null, null, null),
          (3, ' leading space', 'say "hi"', -0.001, false, '1999-12-31 23:59:59.999+00', '"str"', '{}', '\\x', 'NaN'),
          (4, E'line1\\nline2', E'tab\\there', 123456789012345678901234567890, true, null, 'null', '{NULL}', null, '-Infinity'),
          (5, '<b>&amp;</b>', E'cr\\rhere', 0, false, null, '[]', '{"x,y"}', null, 0),
          (6, 'ünïcödé 日本', '\\N', 1e-10, null, null, '{}', null, null, -0.0);
        """
    static let query = "select * from mixed order by id"

    static func makeDatabase() throws -> String {
        let db = try TestServer.makeDatabase(prefix: "exp")
        try TestServer.admin(tableSQL, database: db)
        return db
    }

    static let psqlComparisons: [[String]] = [
        ["--csv"], ["-H"], ["-A"], ["-At"], ["-A", "-F", ";"], ["-x"], ["-P", "format=csv"], ["-P", "format=html"],
        ["--csv", "-t"],
    ]

    @Test(arguments: psqlComparisons)
    func outputEqualsPsql(_ flags: [String]) throws {
        let db = try Self.makeDatabase()
        let ours = try TestServer.psqlui(["-X"] + flags + ["-c", Self.query], database: db)
        let theirs = try TestServer.psql(["-X"] + flags + ["-c", Self.query], database: db)
        #expect(theirs.status == 0, "\(theirs)")
        #expect(ours.status == theirs.status)
        #expect(ours.out == theirs.out, "psqlui \(flags):\n\(ours.out)\npsql:\n\(theirs.out)")
        #expect(ours.err == "")
    }

    @Test func formatCsvIsPsqlCsv() throws {
        let db = try Self.makeDatabase()
        let ours = try TestServer.psqlui(["-X", "--format", "csv", "-c", Self.query], database: db)
        let theirs = try TestServer.psql(["-X", "--csv", "-c", Self.query], database: db)
        #expect(ours.out == theirs.out)
    }

    @Test func ndjsonStreamsOneObjectPerRowToAPipe() throws {
        let db = try Self.makeDatabase()
        let env = TestServer.environment(database: db)
        let out = try ProcessRunner.shell("\(TestServer.psqluiBinary) -X --format ndjson -c 'select id, amount from mixed order by id' | wc -l", environment: env)
        #expect(out.out.trimmingCharacters(in: .whitespacesAndNewlines) == "6")
        let one = try TestServer.psqlui(["-X", "--format", "ndjson", "-c", "select 1 as a, 'x' as b, null as c"], database: db)
        #expect(one.out == "{\"a\":1,\"b\":\"x\",\"c\":null}\n")
    }

    @Test func unknownFormatFailsBeforeConnectingWork() throws {
        let out = try TestServer.psqlui(["-X", "--format", "nope", "-c", "select 1"], database: "postgres")
        #expect(out.status == 1)
        #expect(out.err.contains("unknown format \"nope\""))
        #expect(out.out == "")
    }

    // MARK: :export in a script

    @Test func exportOfTheQueryBufferWritesTheFileAndNotTheScreen() throws {
        let db = try Self.makeDatabase()
        let dir = NSTemporaryDirectory() + "psqlui-export-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let script = """
            \(Self.query)
            :export csv > \(dir)/mixed.csv
            select 'after' as marker;
            :export csv >> \(dir)/mixed.csv
            :export tsv header=off | cat > \(dir)/piped.tsv

            """
        let out = try TestServer.psqlui(["-X"], database: db, stdin: Data(script.utf8))
        #expect(out.status == 0, "\(out)")
        #expect(out.err == "")
        #expect(!out.out.contains("plain"), "the exported rows are not shown: \(out.out)")
        #expect(out.out.contains("after"))
        let reference = try TestServer.psql(["-X", "--csv", "-c", Self.query], database: db).out
        let written = try String(contentsOfFile: "\(dir)/mixed.csv", encoding: .utf8)
        // The buffer's query, then the previous statement again (>> appends).
        #expect(written == reference + "marker\nafter\n")
        let piped = try String(contentsOfFile: "\(dir)/piped.tsv", encoding: .utf8)
        #expect(piped == "after\n")
    }

    @Test func exportWithNothingToRunIsAnError() throws {
        let out = try TestServer.psqlui(["-X"], database: "postgres", stdin: Data(":export csv\nselect 'still here';\n".utf8))
        #expect(out.err.contains(":export: no query to run"))
        #expect(out.out.contains("still here"))
    }

    @Test func formatCommandSwitchesEveryFollowingResult() throws {
        let db = try Self.makeDatabase()
        let script = ":format csv\n\(Self.query);\n:format aligned\nselect 1 as one;\n"
        let out = try TestServer.psqlui(["-X"], database: db, stdin: Data(script.utf8))
        let csv = try TestServer.psql(["-X", "--csv", "-c", Self.query], database: db).out
        let aligned = try TestServer.psql(["-X", "-c", "select 1 as one"], database: db).out
        #expect(out.out == csv + aligned)
    }

    @Test func failuresGiveOneMessageAndTheSessionGoesOn() throws {
        let db = try Self.makeDatabase()
        // Each export re-runs the previous statement (a failed export spends the buffer).
        let script = """
            select 1 as x;
            :export csv > /nonexistent-dir/x.csv
            :export csv | no-such-command-psqlui
            :export csv > /dev/full
            :export csv nosuch=1
            :export yaml-nope
            select 'still here' as marker;

            """
        let out = try TestServer.psqlui(["-X"], database: db, stdin: Data(script.utf8))
        let lines = out.err.split(separator: "\n").map(String.init)
        #expect(lines.count == 5, "\(out.err)")
        #expect(lines.contains { $0.contains("/nonexistent-dir/x.csv") && $0.contains("No such file or directory") })
        #expect(lines.contains { $0.contains("command not found: no-such-command-psqlui") })
        #expect(lines.contains { $0.contains("/dev/full") && $0.contains("No space left on device") })
        #expect(lines.contains { $0.contains("no option \"nosuch\"") })
        #expect(lines.contains { $0.contains("unknown format \"yaml-nope\"") })
        #expect(out.out.contains("still here"))
    }

    // MARK: Early close

    @Test func batchExportIntoHeadEndsQuietlyWith141() throws {
        let db = try Self.makeDatabase()
        let env = TestServer.environment(database: db)
        let script = "set -o pipefail; \(TestServer.psqluiBinary) -X --csv -c 'select g, repeat($$x$$, 50) from generate_series(1, 3000000) g' | head -1; echo \"status=${PIPESTATUS[0]}\""
        let started = Date()
        let out = try ProcessRunner.run("/bin/bash", ["-c", script], environment: env)
        #expect(out.out == "g,repeat\nstatus=141\n")
        #expect(out.err == "")
        #expect(Date().timeIntervalSince(started) < 10)
    }

    @Test func replExportIntoHeadReturnsToThePromptAndCancelsTheQuery() throws {
        let (tmux, db, _) = try InteractiveTests.start(database: try Self.makeDatabase())
        defer { tmux.kill() }
        try InteractiveTests.enter(tmux, "select g, repeat('x', 50) from generate_series(1, 20000000) g")
        try InteractiveTests.enter(tmux, ":export csv | head -1")
        try tmux.waitFor(text: "g,repeat", timeout: 10)
        // From the moment head has printed its line and gone away.
        let started = Date()
        try tmux.waitFor("the prompt", timeout: 20) { $0.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("\(db)=#") }
        // The 20M-row query alone runs far longer; the cancellation itself is checked below.
        #expect(Date().timeIntervalSince(started) < 20.0)
        let active = try TestServer.admin("select count(*) from pg_stat_activity where datname = '\(db)' and query like '%generate_series(1, 20000000)%' and state = 'active' and pid <> pg_backend_pid()")
        #expect(active.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
        try InteractiveTests.enter(tmux, "select 'alive' as marker;")
        try tmux.waitFor(text: "alive")
    }

    // MARK: Terminal

    @Test func replExportShowsASummaryOnTheTerminal() throws {
        let db = try Self.makeDatabase()
        let file = NSTemporaryDirectory() + "psqlui-tty-\(UUID().uuidString).csv"
        let (tmux, _, _) = try InteractiveTests.start(database: db)
        defer { tmux.kill() }
        try InteractiveTests.enter(tmux, Self.query)
        try InteractiveTests.enter(tmux, ":export csv > \(file)")
        let screen = try tmux.waitFor(text: "6 rows → \(file) in ")
        #expect(!screen.contains("leading space"), "rows are not shown")
        let reference = try TestServer.psql(["-X", "--csv", "-c", Self.query], database: db).out
        #expect(try String(contentsOfFile: file, encoding: .utf8) == reference)
    }

    @Test func progressAppearsOnATerminalStderrOnly() throws {
        let db = try Self.makeDatabase()
        let out = NSTemporaryDirectory() + "psqlui-progress-\(UUID().uuidString)"
        let env = TestServer.environment(database: db)
        // A slow start (the elapsed-time line), then 3M rows (the rows line), then the summary.
        let sql = "select g, repeat('x', 40) from (select pg_sleep(1.5)) s, generate_series(1, 3000000) g"
        let tmux = try TmuxSession(command: "\(TestServer.psqluiBinary) -X --csv -c \"\(sql)\" > \(out).csv; echo done-$?; sleep 30", environment: env)
        defer { tmux.kill() }
        let screen = try tmux.waitFor(text: "done-0", timeout: 60)
        #expect(screen.contains("3,000,000 rows → stdout in "), "\(screen)")
        let data = try String(contentsOfFile: out + ".csv", encoding: .utf8)
        #expect(!data.contains("rows →") && !data.contains("rows/s"))
        #expect(data.hasPrefix("g,repeat\n1,"))

        // The same with stderr redirected, and with -q at a terminal: no progress bytes.
        let redirected = try TestServer.psqlui(["-X", "--csv", "-c", "select g from generate_series(1, 300000) g"], database: db)
        #expect(redirected.err == "")
        let quiet = try TmuxSession(command: "\(TestServer.psqluiBinary) -X -q --csv -c 'select g from generate_series(1, 3000000) g' > /dev/null; echo quiet-$?; sleep 30", environment: env)
        defer { quiet.kill() }
        let quietScreen = try quiet.waitFor(text: "quiet-0", timeout: 60)
        #expect(!quietScreen.contains("rows"), "\(quietScreen)")
    }

    @Test func slowQueryShowsElapsedTimeUntilRowsArrive() throws {
        let db = try Self.makeDatabase()
        let env = TestServer.environment(database: db)
        let tmux = try TmuxSession(command: "\(TestServer.psqluiBinary) -X --csv -c 'select pg_sleep(3)' > /dev/null; echo done-$?; sleep 30", environment: env)
        defer { tmux.kill() }
        try tmux.waitFor(text: "running… 2 s", timeout: 5)
        try tmux.waitFor(text: "done-0", timeout: 10)
    }
}
