import Foundation
import Testing
import PsqluiPluginAPI
@testable import PsqluiCore

/// Exporters against the real server: the rows come from the server exactly (COPY text
/// output, decoded), and each format is compared with what psql or the server itself
/// produces for the same query.
@Suite(.serialized) struct ExporterFormatTests {
    static let setup = #"""
        create table mixed (id int, big bigint, num numeric, txt text, flag bool, ts timestamptz, d date,
            doc jsonb, bin bytea, u uuid, ints int[], f float8, "Weird ""Name""" text, "a,b|<c>" text, tags text[]);
        insert into mixed values
          (1, 9007199254740993, 1.50, 'plain, with comma', true, '2024-01-01 00:00:00+00', '2024-01-01',
           '{"b":1,"a":[1,2]}', '\x00ff', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{1,2,NULL}', 'NaN',
           'say "hi"', 'x<y & z>', '{"a b",NULL,"c\"d","NULL"}'),
          (2, -1, 'NaN', E'line1\nline2\r\n"quoted"\ttab', false, '2024-06-30 12:34:56.789+05:30', '0044-03-15 BC',
           '[1, "two", null, {"k": "v\u0001"}]', '\x', '00000000-0000-0000-0000-000000000000', '{}', 'Infinity',
           '', '', '{}'),
          (3, null, null, null, null, null, null, null, null, null, null, '-Infinity', null, null, null),
          (4, 0, -0.000, '\.', true, 'infinity', '-infinity', '"just a string"', '\x5c2c', null, '[0:1]={7,8}', -0.0,
           E'é漢字 \u0001 ctrl', 'a|b', '{{"x,y",z},{"",NULL}}'),
          (5, 1, 1e30, '', false, '1999-12-31 23:59:59.999999-08', '2000-02-29', '3.14', '\xdeadbeef', null, '{-5}', 1e-300,
           ' leading space', '\', '{"\\"}');
        """#
    static let query = "select id, txt as dup, txt as dup, * from mixed order by id"
    static let env = ["PGTZ": "Asia/Kolkata"]

    /// A database with `mixed` loaded.
    static func database() throws -> String {
        let db = try TestServer.makeDatabase(prefix: "export")
        try TestServer.admin(setup, database: db)
        return db
    }

    /// The query's columns (names from `\gdesc`, type OIDs via regtype).
    static func columns(_ query: String, database: String) throws -> [ColumnInfo] {
        let desc = try TestServer.psql(["-X", "-A", "-t", "-F", "\u{1F}"], database: database,
                                       stdin: Data((query + " \\gdesc\n").utf8))
        #expect(desc.status == 0, "\(desc)")
        return try desc.out.split(separator: "\n").map { line in
            let parts = line.split(separator: "\u{1F}", omittingEmptySubsequences: false)
            let oid = try TestServer.admin("select '\(parts[1])'::regtype::oid", database: database)
            return ColumnInfo(name: String(parts[0]), typeOID: UInt32(oid.trimmingCharacters(in: .whitespacesAndNewlines))!)
        }
    }

    /// The query's rows, exactly: COPY text output decoded (`\N` is NULL).
    static func rows(_ query: String, database: String) throws -> [[[UInt8]?]] {
        let copy = try TestServer.psql(["-X", "-c", "copy (\(query)) to stdout"], database: database, extraEnv: env)
        #expect(copy.status == 0, "\(copy)")
        var rows: [[[UInt8]?]] = []
        for line in copy.stdout.split(separator: 10, omittingEmptySubsequences: false).dropLast() {
            rows.append(line.split(separator: 9, omittingEmptySubsequences: false).map(decodeCopyField))
        }
        return rows
    }

    static func decodeCopyField(_ field: ArraySlice<UInt8>) -> [UInt8]? {
        if field.elementsEqual(Array("\\N".utf8)) { return nil }
        var out: [UInt8] = []
        var i = field.startIndex
        while i < field.endIndex {
            if field[i] == UInt8(ascii: "\\"), i + 1 < field.endIndex {
                let escapes: [UInt8: UInt8] = [UInt8(ascii: "b"): 8, UInt8(ascii: "f"): 12, UInt8(ascii: "n"): 10,
                                               UInt8(ascii: "r"): 13, UInt8(ascii: "t"): 9, UInt8(ascii: "v"): 11]
                out.append(escapes[field[i + 1]] ?? field[i + 1])
                i += 2
            } else {
                out.append(field[i])
                i += 1
            }
        }
        return out
    }

    static func export(_ format: String, _ options: [String: String] = [:], query: String = query,
                       database: String) async throws -> Data {
        let spec = try #require(BuiltinExporters.named(format))
        let bytes = try await ExportRunner.run(try spec.make(ExportOptions(options)),
                                               columns: try columns(query, database: database),
                                               rows: try rows(query, database: database), batchSize: 2)
        return Data(bytes)
    }

    static func psql(_ args: [String], database: String) throws -> Data {
        let out = try TestServer.psql(["-X"] + args, database: database, extraEnv: env)
        #expect(out.status == 0, "\(out)")
        return out.stdout
    }

    @Test func csvEqualsPsqlCSV() async throws {
        let db = try Self.database()
        let ours = try await Self.export("csv", database: db)
        let theirs = try Self.psql(["--csv", "-c", Self.query], database: db)
        #expect(String(decoding: ours, as: UTF8.self) == String(decoding: theirs, as: UTF8.self))
    }

    @Test func csvRoundTripEqualsCopyCSV() async throws {
        let db = try Self.database()
        let ours = try await Self.export("csv", ["roundtrip": "on"], database: db)
        let theirs = try Self.psql(["-c", "copy (\(Self.query)) to stdout (format csv, header)"], database: db)
        #expect(String(decoding: ours, as: UTF8.self) == String(decoding: theirs, as: UTF8.self))
    }

    @Test func tsvEqualsCopyText() async throws {
        let db = try Self.database()
        let ours = try await Self.export("tsv", database: db)
        let theirs = try Self.psql(["-c", "copy (\(Self.query)) to stdout (format text, header)"], database: db)
        #expect(String(decoding: ours, as: UTF8.self) == String(decoding: theirs, as: UTF8.self))
    }

    @Test(arguments: [("html", ["-H"]), ("aligned", []), ("expanded", ["-x"])])
    func textFormatsEqualPsql(_ format: String, _ flags: [String]) async throws {
        let db = try Self.database()
        let ours = try await Self.export(format, database: db)
        let theirs = try Self.psql(flags + ["-c", Self.query], database: db)
        #expect(String(decoding: ours, as: UTF8.self) == String(decoding: theirs, as: UTF8.self))
    }

    @Test func jsonEqualsServerJSONAgg() async throws {
        let db = try Self.database()
        let ours = try JSONSerialization.jsonObject(with: try await Self.export("json", database: db)) as? NSArray
        let server = try Self.psql(["-A", "-t", "-c", "select json_agg(t) from (\(Self.query)) t"], database: db)
        let theirs = try JSONSerialization.jsonObject(with: server) as? NSArray
        #expect(ours != nil && ours == theirs)
        // Row by row, to name the first difference.
        if let ours, let theirs, ours.count == theirs.count {
            for (a, b) in zip(ours, theirs) { #expect((a as! NSDictionary) == (b as! NSDictionary)) }
        }
    }

    @Test func ndjsonLinesEqualRowToJSON() async throws {
        let db = try Self.database()
        let ours = String(decoding: try await Self.export("ndjson", database: db), as: UTF8.self)
        let server = try Self.psql(["-A", "-t", "-c", "select row_to_json(t) from (\(Self.query)) t"], database: db)
        let theirs = String(decoding: server, as: UTF8.self)
        let ourLines = ours.split(separator: "\n"), theirLines = theirs.split(separator: "\n")
        #expect(ourLines.count == 5 && ourLines.count == theirLines.count)
        // Spot checks of the to_json forms (PGTZ is Asia/Kolkata).
        #expect(ours.contains(#""ts":"2024-01-01T05:30:00+05:30""#))
        #expect(ours.contains(#""f":"NaN""#) && ours.contains(#""num":"NaN""#) && ours.contains(#""big":9007199254740993"#))
        #expect(ours.contains(#""tags":[["x,y","z"],["",null]]"#))
        for (a, b) in zip(ourLines, theirLines) {
            let x = try JSONSerialization.jsonObject(with: Data(a.utf8)) as? NSDictionary
            let y = try JSONSerialization.jsonObject(with: Data(b.utf8)) as? NSDictionary
            #expect(x != nil && x == y, "ours: \(a)\nserver: \(b)")
            // Keys, duplicates included, in column order: the text up to each key is the same.
            #expect(a.hasPrefix("{\"id\":") && a.contains(",\"dup\":") && a.components(separatedBy: "\"dup\":").count == 3)
        }
    }

    @Test func sqlReloadsToTheSameRows() async throws {
        let db = try Self.database()
        let ours = try await Self.export("sql", ["table": "mixed_copy"], query: "select * from mixed", database: db)
        try TestServer.admin("create table mixed_copy (like mixed)", database: db)
        let load = try TestServer.psql(["-X", "-q", "-v", "ON_ERROR_STOP=1"], database: db, stdin: ours)
        #expect(load.status == 0, "\(load)")
        let diff = try TestServer.admin("""
            select (select count(*) from mixed_copy),
                   (select count(*) from (select * from mixed except all select * from mixed_copy) a),
                   (select count(*) from (select * from mixed_copy except all select * from mixed) b)
            """, database: db)
        #expect(diff.trimmingCharacters(in: .whitespacesAndNewlines) == "5|0|0")
    }

    @Test func markdownKeepsOneLinePerRow() async throws {
        let db = try Self.database()
        let out = String(decoding: try await Self.export("markdown", database: db), as: UTF8.self)
        let lines = out.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 2 + 5 + 1)   // header, rule, 5 rows, final empty
        #expect(out.contains("| a,b\\|&lt;c> |"))
        #expect(out.contains("line1<br>line2<br>\"quoted\""))
        #expect(out.contains("| a\\|b |"))
        #expect(out.contains("x&lt;y &amp; z>"))
    }
}
