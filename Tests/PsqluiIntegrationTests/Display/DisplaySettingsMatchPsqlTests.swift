import Foundation
import Testing

/// Every `\pset` display setting, live against psql: the same script through
/// `psql -X` and `psqlui -X` on stdin gives the same stdout and stderr — formats,
/// borders, line styles, expanded modes, titles, separators and psql's
/// confirmation lines.
@Suite struct DisplaySettingsMatchPsqlTests {
    static let database: String = { try! TestServer.makeDatabase(prefix: "disp") }()

    /// Queries run under each setting: plain, multi-line values and header, NULL,
    /// numbers, wide characters, an empty result.
    static let probe = """
    select 1 as a, 'x' as bb, null as c;
    select 12.5::numeric as num, E'multi\\nline' as "two\\nlines", 'ＣＪＫ' as wide;
    select repeat('abc ', 12) as long, 'short' as s;
    select 1 as a where false;

    """

    /// One `\pset` (or `\x`) set-up per case; the probe runs after it.
    static let setups: [String] = [
        "",
        "\\pset border 0", "\\pset border 2", "\\pset border 3",
        "\\pset linestyle unicode\n\\pset border 2",
        "\\pset linestyle old-ascii", "\\pset linestyle old-ascii\n\\pset border 0",
        "\\pset linestyle unicode\n\\pset unicode_border_linestyle double\n\\pset unicode_header_linestyle double\n\\pset border 2",
        "\\x", "\\x\n\\pset border 0", "\\x\n\\pset border 2\n\\pset linestyle unicode", "\\x\n\\pset linestyle old-ascii",
        "\\pset columns 30\n\\x auto", "\\pset format wrapped\n\\pset columns 30",
        "\\pset format wrapped\n\\pset columns 30\n\\x",
        "\\pset format unaligned", "\\pset format unaligned\n\\x", "\\pset fieldsep_zero\n\\pset format unaligned",
        "\\pset format csv", "\\pset format csv\n\\x", "\\pset format csv\n\\pset csv_fieldsep ;",
        "\\pset format html", "\\pset format html\n\\x", "\\pset format html\n\\pset tableattr class=x\n\\pset title T",
        "\\pset format asciidoc", "\\pset format asciidoc\n\\x",
        "\\pset format latex", "\\pset format latex\n\\x", "\\pset format latex-longtable\n\\pset border 2",
        "\\pset format troff-ms", "\\pset format troff-ms\n\\x",
        "\\pset title 'My title'", "\\pset title 'My title'\n\\x", "\\pset footer off", "\\pset tuples_only on",
        "\\pset tuples_only on\n\\x", "\\pset null (null)", "\\pset numericlocale on",
        "\\pset", "\\pset format a", "\\pset format l", "\\pset bogus", "\\pset expanded maybe", "\\pset pager always\n\\pset pager",
        "\\set FETCH_COUNT 1\n\\pset border 2", "\\set FETCH_COUNT 1\n\\x",
    ]

    @Test(arguments: setups)
    func displayMatchesPsql(_ setup: String) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("disp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data((setup + "\n" + Self.probe).utf8).write(to: dir.appendingPathComponent("probe.sql"))
        let ours = try TestServer.psqlui(["-X", "-f", "probe.sql"], database: Self.database, currentDirectory: dir.path)
        let theirs = try TestServer.psql(["-X", "-f", "probe.sql"], database: Self.database, currentDirectory: dir.path)
        #expect(ours.out == theirs.out)
        #expect(ours.err.replacingOccurrences(of: "psqlui:", with: "psql:") == theirs.err)
    }

    /// `-x -A`, `--csv -x`, `-H -t`, `-P` options: psql's command-line forms.
    static let flagSets: [[String]] = [
        ["-x", "-A"], ["-x", "-A", "-t"], ["-H"], ["-H", "-t"], ["-H", "-x"], ["-P", "border=2"], ["-P", "linestyle=unicode"],
        ["-P", "format=wrapped", "-P", "columns=20"], ["-P", "pager=off"], ["-P", "title=T"], ["-P", "expanded=auto", "-P", "columns=10"],
    ]

    @Test(arguments: flagSets)
    func commandLineDisplayMatchesPsql(_ flags: [String]) throws {
        let query = "select 1 as a, E'x\\ny' as bb, null as c union all select 22, 'z', 'w'"
        let ours = try TestServer.psqlui(["-X"] + flags + ["-c", query], database: Self.database)
        let theirs = try TestServer.psql(["-X"] + flags + ["-c", query], database: Self.database)
        #expect(ours.out == theirs.out)
        #expect(ours.status == theirs.status)
    }

    /// Colour is for terminals only: a pipe never gets an escape byte, errors and
    /// NULLs included, whatever the environment says.
    @Test func noColourBytesInPipes() throws {
        for flags in [["-P", "null=NULL"], ["--csv"], ["-x"]] {
            let run = try TestServer.psqlui(["-X"] + flags + ["-c", "select null as n, 1 as a", "-c", "select nosuch"],
                                            database: Self.database, extraEnv: ["TERM": "xterm-256color"])
            #expect(!run.stdout.contains(0x1B))
            #expect(!run.stderr.contains(0x1B))
            #expect(run.err.contains("ERROR:"))
        }
    }
}
