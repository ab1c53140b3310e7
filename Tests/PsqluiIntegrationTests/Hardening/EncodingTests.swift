import Foundation
import Testing

/// Issue 9 item 3: `\encoding [ENCODING]` and the `ENCODING` variable as psql's, on a
/// LATIN1 and a SQL_ASCII database: `é` round-trips, invalid UTF-8 in `\copy` data is
/// refused by the server, `PGCLIENTENCODING` is honoured — each compared with live
/// psql's bytes (at a terminal in tmux, and piped).
@Suite struct EncodingTests {
    static func database(_ encoding: String) throws -> String {
        let name = "enc_\(encoding.lowercased())_\(getpid())_\(UUID().uuidString.prefix(6).lowercased())"
        try TestServer.admin("create database \(name) encoding '\(encoding)' template template0 locale 'C'")
        return name
    }

    /// The screen after typing `lines` into `program` at a terminal, without the banner.
    static func screen(_ program: String, database: String, lines: [String]) throws -> String {
        let tmux = try TmuxSession(command: "\(program) -X", environment: TestServer.environment(database: database), width: 150, height: 60)
        defer { tmux.kill() }
        for (i, line) in lines.enumerated() {
            try tmux.waitForPrompts(i + 1)
            try tmux.type(line)
            try tmux.press("Enter")
        }
        try tmux.waitForPrompts(lines.count + 1)
        return try tmux.screen().split(separator: "\n", omittingEmptySubsequences: false).dropFirst(2)
            .joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test(arguments: ["LATIN1", "SQL_ASCII"])
    func atATerminalEncodingBehavesAsPsqls(_ encoding: String) throws {
        let db = try Self.database(encoding)
        let bad = NSTemporaryDirectory() + "bad-utf8-\(UUID().uuidString).txt"
        try Data([0xff, 0xfe, 0x0a]).write(to: URL(fileURLWithPath: bad))
        defer { try? FileManager.default.removeItem(atPath: bad) }
        let lines = [
            "\\encoding", "\\echo :ENCODING",
            "create temp table e (a text);",
            "insert into e values ('é');",
            "select a, encode(convert_to(a, 'UTF8'), 'hex') as utf8, length(a) from e;",
            "\\copy e from '\(bad)'",                 // invalid UTF-8: the server refuses it
            "select count(*) from e;",
            "\\encoding bogus", "\\encoding",
            "\\encoding LATIN1", "\\encoding", "\\echo :ENCODING",
            "set client_encoding to 'UTF8';", "\\echo :ENCODING", "\\encoding",
            "\\encoding SQL_ASCII extra", "\\echo :ENCODING",
        ]
        let psql = try Self.screen(TestServer.psqlBinary, database: db, lines: lines)
        let psqlui = try Self.screen(TestServer.psqluiBinary, database: db, lines: lines)
        #expect(psqlui == psql)
        // SQL_ASCII stores the bytes as they come: two characters.
        #expect(psql.contains(" é | c3a9 |      \(encoding == "LATIN1" ? 1 : 2)"), "\(psql)")
        #expect(psql.contains("invalid byte sequence for encoding \"UTF8\": 0xff"))
        #expect(psql.contains("bogus: invalid encoding name or conversion procedure not found"))
    }

    @Test(arguments: ["LATIN1", "SQL_ASCII"])
    func pipedAndWithPGCLIENTENCODINGAsPsql(_ encoding: String) throws {
        let db = try Self.database(encoding)
        let script = Data("""
            \\encoding
            \\echo :ENCODING
            select encode(convert_to('é', 'UTF8'), 'hex') as utf8, length('é');
            \\encoding bogus
            set client_encoding = 'LATIN1';
            \\echo :ENCODING
            \\encoding

            """.utf8)
        for extra in [[:], ["PGCLIENTENCODING": "UTF8"], ["PGCLIENTENCODING": "LATIN1"]] {
            let psql = try TestServer.psql(["-X", "-v", "ON_ERROR_STOP=1", "-f", "-"], database: db, stdin: script, extraEnv: extra)
            let psqlui = try TestServer.psqlui(["-X", "-v", "ON_ERROR_STOP=1", "-f", "-"], database: db, stdin: script, extraEnv: extra)
            #expect(psqlui.stdout == psql.stdout, "\(extra)\n\(psqlui)\n\(psql)")
            #expect(psqlui.err.replacingOccurrences(of: "psqlui:", with: "psql:") == psql.err, "\(extra)")
            #expect(psqlui.status == psql.status)
        }
        let utf8 = try TestServer.psqlui(["-X", "-At", "-c", "\\encoding"], database: db, extraEnv: ["PGCLIENTENCODING": "UTF8"])
        #expect(utf8.out == "UTF8\n")
    }

    /// Issue 9 item 9: bytes that are not UTF-8 from a SQL_ASCII database never reach a
    /// JSON or ndjson export raw: the export is refused, naming row and column; valid
    /// values export as JSON that parses.
    @Test(arguments: ["json", "ndjson"])
    func jsonExportsRefuseBytesThatAreNotUTF8(_ format: String) throws {
        let db = try Self.database("SQL_ASCII")
        try TestServer.admin("create table t (id int, a text); insert into t values (1, 'é'), (2, 'caf' || convert_from('\\xe9'::bytea, 'SQL_ASCII'))", database: db)
        let bad = try TestServer.psqlui(["-X", "-c", "select * from t order by id", "--format", format], database: db)
        #expect(bad.status == 1)
        #expect(bad.err.contains("\(format): row 2, column \"a\" is not valid UTF-8"), "\(bad)")
        #expect(!bad.out.utf8.contains(0xe9), "no raw byte: \(bad.out.debugDescription)")
        for out in [try TestServer.psqlui(["-X", "-c", "select * from t where id = 1", "--format", format], database: db),
                    try TestServer.psqlui(["-X", "-c", "select * from t where id = 1", "--format", format], database: db,
                                          extraEnv: ["PGCLIENTENCODING": "UTF8"])] {
            #expect(out.status == 0, "\(out)")
            let line = format == "json" ? out.stdout : Data(out.stdout.split(separator: 0x0a)[0])
            let parsed = try JSONSerialization.jsonObject(with: line)
            #expect("\(parsed)".contains("é"), "\(parsed)")
        }
        // An :export to a file keeps what it wrote under FILE.partial and says so.
        let dir = NSTemporaryDirectory() + "json9-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let staged = try TestServer.psqlui(["-X", "-f", "-"], database: db,
                                           stdin: Data("select * from t order by id\n:export \(format) > \(dir)/out.\(format)\n".utf8))
        #expect(staged.err.contains("is not valid UTF-8"), "\(staged)")
        #expect(!FileManager.default.fileExists(atPath: "\(dir)/out.\(format)"))
    }

    /// Issue 11: in a single-byte client encoding (LATIN1, WIN1252, SQL_ASCII) psql
    /// prints non-ASCII bytes raw, one column each, and in EUC_JP it measures by its
    /// own character widths; psqlui's bytes are psql's in every screen format.
    @Test(arguments: ["LATIN1", "WIN1252", "SQL_ASCII", "EUC_JP"])
    func nonUTF8ClientEncodingsDisplayAsPsql(_ encoding: String) throws {
        let db = try Self.database(encoding)
        let values: [String]
        switch encoding {
        case "LATIN1": values = ["'é'", "'naïve café'", "'ÿ¿ß' || E'\\tx\\ny'"]
        case "WIN1252": values = ["'€uro'", "'“quoted”'", "'Ÿ' || E'\\ny'"]
        case "EUC_JP": values = ["'日本語'", "'ｱｲｳ half'", "'ａ' || E'\\nb'"]
        default: values = ["'caf' || convert_from('\\xe9'::bytea, 'SQL_ASCII')",
                           "convert_from('\\xc3a980ff'::bytea, 'SQL_ASCII')", "'plain'"]
        }
        try TestServer.admin("set client_encoding = 'UTF8'; create table t (id int, a text); insert into t values "
            + values.enumerated().map { "(\($0.offset), \($0.element))" }.joined(separator: ", "), database: db)
        for mode in [[], ["-x"], ["-A"], ["--csv"], ["-H"], ["-P", "border=2", "-P", "linestyle=unicode"]] {
            let wrapped = mode == ["--csv"] ? "" : "\\pset format wrapped\n\\pset columns 12\nselect a, a from t order by id;\n"
            let script = Data(("select a, id, a as \"b\" from t order by id;\n" + wrapped).utf8)
            let psql = try TestServer.psql(["-X", "-f", "-"] + mode, database: db, stdin: script)
            let psqlui = try TestServer.psqlui(["-X", "-f", "-"] + mode, database: db, stdin: script)
            #expect(psqlui.stdout == psql.stdout, "\(encoding) \(mode)\n\(psqlui.stdout.map { String(format: "%02x", $0) }.joined())\n\(psql.stdout.map { String(format: "%02x", $0) }.joined())")
            #expect(psqlui.status == psql.status)
        }
    }
}
