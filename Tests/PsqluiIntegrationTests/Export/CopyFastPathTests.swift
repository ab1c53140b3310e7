import Foundation
import Testing

/// The COPY fast path as users see it: psqlui sends a single query as
/// `COPY (…) TO STDOUT` for csv/tsv, and what comes out is byte for byte what the
/// ordinary path (and psql) writes, errors included.
@Suite struct CopyFastPathTests {
    static func database() throws -> String {
        let db = try TestServer.makeDatabase(prefix: "copyfast")
        try TestServer.admin(ExporterFormatTests.setup, database: db)
        return db
    }

    static let env = ExporterFormatTests.env

    @Test func theFastPathIsTaken() throws {
        let db = try TestServer.makeDatabase(prefix: "copyfast")
        let out = try TestServer.psqlui(["-X", "--csv", "-c", "select current_query() as q"], database: db)
        #expect(out.status == 0)
        #expect(out.out.contains("COPY (select current_query() as q\n) TO STDOUT (FORMAT csv, HEADER)"), "\(out.out)")
        let rows = try TestServer.psqlui(["-X", "--csv", "-c", "select current_query() as q; select 1"], database: db)
        #expect(!rows.out.contains("COPY"), "several statements keep the ordinary path")
    }

    @Test(arguments: [
        ExporterFormatTests.query, ExporterFormatTests.query + ";", "select txt from mixed order by id",
        "select txt, 1 from mixed where txt = '\\.'", "table mixed", "values (''), (null), ('\\.')",
        "with x as (select * from mixed) select * from x order by id",
    ])
    func csvEqualsPsqlCSV(_ query: String) throws {
        let db = try Self.database()
        let variants: [([String], [String])] = [
            (["--csv"], ["--csv"]), (["--csv", "-t"], ["--csv", "-t"]),
            (["-c", ":format csv delimiter=;"], ["--csv", "-P", "csv_fieldsep=;"]),
            (["-c", ":format csv delimiter=tab"], ["--csv", "-P", "csv_fieldsep=\t"]),
        ]
        for (flags, psqlFlags) in variants {
            let ours = try TestServer.psqlui(["-X"] + flags + ["-c", query], database: db, extraEnv: Self.env)
            let theirs = try TestServer.psql(["-X"] + psqlFlags + ["-c", query], database: db, extraEnv: Self.env)
            #expect(ours.status == 0 && theirs.status == 0, "\(ours) \(theirs)")
            #expect(ours.stdout == theirs.stdout, "\(flags) \(query):\n\(ours.out)\npsql:\n\(theirs.out)")
        }
    }

    @Test func roundTripAndTSVEqualCopy() throws {
        let db = try Self.database()
        let q = ExporterFormatTests.query
        let pairs: [([String], String)] = [
            (["--format", "tsv"], "\\copy (\(q)) to stdout (format text, header)"),
            (["-c", ":format csv roundtrip=on"], "\\copy (\(q)) to stdout (format csv, header)"),
        ]
        for (ours, copy) in pairs {
            let args = ours.first == "-c" ? ["-X"] + ours + ["-c", q] : ["-X"] + ours + ["-c", q]
            let a = try TestServer.psqlui(args, database: db, extraEnv: Self.env)
            let b = try TestServer.psql(["-X", "-c", copy], database: db, extraEnv: Self.env)
            #expect(a.status == 0 && b.status == 0, "\(a) \(b)")
            #expect(a.stdout == b.stdout, "\(ours):\n\(a.out)\ncopy:\n\(b.out)")
        }
    }

    /// Random rows of awkward text (quotes, delimiters, `\.`, empty, NULL, line ends,
    /// tabs, non-ASCII), drawn by the server from a fixed seed: psqlui's csv is
    /// psql's, byte for byte.
    @Test func randomRowsEqualPsqlCSV() throws {
        let db = try TestServer.makeDatabase(prefix: "copyfast")
        try TestServer.admin(#"""
            select setseed(0.13);
            create table pieces (i int, p text);
            insert into pieces values (0, '"'), (1, ','), (2, '\'), (3, '.'), (4, '\.'), (5, E'\n'), (6, E'\r'),
              (7, ' '), (8, 'é'), (9, 'a'), (10, ';'), (11, E'\t'), (12, 'NULL'), (13, ''''), (14, '漢');
            create table cells as
            select g, c, case when random() < 0.15 then null when random() < 0.15 then ''
                         else (select string_agg(p, '' order by k) from generate_series(1, 1 + (g * c) % 4) k
                               join pieces on i = floor(random() * 15 + k * 0)::int) end v
            from generate_series(1, 300) g, generate_series(1, 3) c;
            create table rows3 as select g, max(v) filter (where c = 1) a, max(v) filter (where c = 2) b,
                max(v) filter (where c = 3) c from cells group by g;
            """#, database: db)
        for query in ["select a, b, c from rows3 order by g", "select a from rows3 order by g",
                      "select a, b from rows3 where a is not null order by g"] {
            let ours = try TestServer.psqlui(["-X", "--csv", "-c", query], database: db)
            let theirs = try TestServer.psql(["-X", "--csv", "-c", query], database: db)
            #expect(theirs.status == 0, "\(theirs)")
            #expect(theirs.stdout.count > 1000)
            #expect(ours.stdout == theirs.stdout, "\(query)")
        }
    }

    /// Errors read as without the wrapper: the same message, `LINE n:` and caret
    /// from the user's statement, no COPY anywhere.
    @Test(arguments: [
        "select nope from mixed", "select 1 +", "select 1 +;", "select (1", "select 'x'::int",
        "select id,\n  txt,\n\tnope\nfrom mixed", "select 'é漢字', nope", "select id / 0 from mixed",
        "select " + (1...30).map { "id as c\($0)" }.joined(separator: ", ") + ", nope from mixed",
        "select 1 -- comment\n+", "update mixed set nope = 1 returning *", "select * from missing_table",
    ])
    func errorsReadAsWithoutTheFastPath(_ query: String) throws {
        let db = try Self.database()
        let ours = try TestServer.psqlui(["-X", "--csv", "-c", query], database: db)
        let theirs = try TestServer.psql(["-X", "--csv", "-c", query], database: db)
        #expect(ours.status == theirs.status)
        #expect(ours.err == theirs.err, "\(query)")
        #expect(!ours.err.contains("COPY"))
    }

    @Test func returningRowsAndNoticesAsBefore() throws {
        let db = try Self.database()
        for query in ["update mixed set id = id where id < 3 returning id", "do $$begin raise notice 'hi'; end$$; select 1"] {
            let ours = try TestServer.psqlui(["-X", "--csv", "-c", query], database: db)
            let theirs = try TestServer.psql(["-X", "--csv", "-c", query], database: db)
            #expect(ours.status == theirs.status)
            #expect(ours.err == theirs.err)
            #expect(ours.out.hasPrefix("id\n") || ours.out.contains("1"), "\(ours.out)")
        }
    }
}
