import Foundation
import Testing

/// psql is the reference, live: the same input through `psql -X` and `psqlui -X`
/// must give the same stdout, the same stderr (with psql's name swapped for ours)
/// and the same exit status.
@Suite struct PsqlComparisonTests {
    /// Read-only queries over the demo schema and over tricky values.
    static let queries: [String] = [
        "select 1",
        "select 1 as a, 'x' as b",
        "select 1 as a, 'x' as b; select 2",
        "select * from customers order by id limit 5",
        "select * from products order by id limit 7",
        "select * from orders order by id limit 3",
        "select * from order_totals order by order_id limit 4",
        "select customer_total(1)",
        "select null::int as n, '' as empty, 'x' as x",
        "select E'line1\\nline2' as multi, 'b' as other",
        "select E'a\\nb\\nc' as x, E'1\\n2' as y, 3 as z",
        "select E'tab\\there' as t, E'cr\\rhere' as c, E'bell\\x07' as b",
        "select 'ＣＪＫ漢字' as wide, 'é' as accent, '😀' as emoji",
        "select 'naïve café' as text, 12.50::numeric(10,2) as price",
        "select 1.5::float8 as f, 'NaN'::float8 as nan, '-Infinity'::float8 as ninf",
        "select 123456789012::bigint as big, -1::int2 as small, 42::oid as o",
        "select true as t, false as f, null::bool as n",
        "select '{1,2,3}'::int[] as arr, '{\"a\":1}'::jsonb as j",
        "select now()::date - now()::date as zero_days",
        "select g, repeat('x', g) from generate_series(1, 12) g",
        "select g as longheader, 'x' as b from generate_series(1, 3) g",
        "select from generate_series(1, 2)",
        "select 1 where false",
        "select",
        "select 'a' as \"Mixed Case\", 'b' as \"with space\", 'c' as \"a\"\"quote\"",
        "select 'x' as \"multi\nline header\", 1 as n",
        "values (1, 'one'), (2, 'two'), (3, null)",
        "create temp table tt(a int); insert into tt values (1),(2); select * from tt",
        "create temp table tr(a int); insert into tr values (1) returning a, 'r'",
        "set search_path = public; show search_path",
        "select pg_typeof(1), pg_typeof('a'::text)",
        "do $$ begin raise notice 'hello from %', 'plpgsql'; end $$",
        "select 'x' as a \\gset",
        "begin; select 1; commit",
        "select * from (values (1, E'one\\ntwo', 3)) v(a, b, c)",
    ]

    /// Output flag combinations, each run on a handful of queries.
    static let flagSets: [[String]] = [
        ["-A"], ["-t"], ["-At"], ["-x"], ["-F", ";", "-A"], ["-A", "-R", "#"], ["-P", "null=<null>"],
        ["-q"], ["-P", "footer=off"], ["-x", "-t"],
        // psql's option spellings of print settings and echo variables (issue 11).
        ["-z", "-A"], ["-0", "-A"], ["-z", "-0", "-At"], ["--field-separator-zero", "--record-separator-zero", "-A"],
        ["--csv", "-x"], ["--csv", "-x", "-t"], ["-H"], ["-T", "border=1", "-H"], ["--table-attr=class=x", "-H"], ["-b"], ["--echo-errors", "-q"], ["-E"],
    ]

    /// `-l` lists the databases and exits without running `-c`; `-E` shows a
    /// backslash command's queries; `-b` echoes a failed statement.
    @Test(arguments: [["-l"], ["--list", "-c", "select 5"], ["-E", "-c", "\\dn"], ["-b", "-c", "selec 1"], ["-b", "-c", "select 1"]])
    func optionsMatchPsql(_ args: [String]) throws {
        try compare(["-X"] + args, database: Self.database)
    }

    static let flagQueries = [
        "select 1 as a, 'x' as b union all select 2, null",
        "select E'a\\nb' as m, 'c' as n",
        "select 1 where false",
        "insert into orders(customer_id) values (1) returning id > 0 as ok",
    ]

    static let database: String = { try! TestServer.makeDatabase(prefix: "cmp") }()

    @Test(arguments: queries)
    func queryMatchesPsql(_ query: String) throws {
        try compare(["-X", "-c", query], database: Self.database)
    }

    /// Results longer than the 1000 rows kept in memory (the rest is spooled to a
    /// temporary file) match plain psql: widths over the whole result (DESIGN), and
    /// with FETCH_COUNT they match psql's chunked widths.
    static let longQueries = [
        "select g, md5(g::text) from generate_series(1, 1500) g",
        "select g, repeat('y', (g % 1003)) as grows from generate_series(1, 2100) g",
        "select g, case when g > 1000 then 'wider value in the second chunk' else 'x' end from generate_series(1, 1001) g",
        "select g, case when g = 1500 then repeat('x', 30) else 'y' end as v from generate_series(1, 3000) g",
    ]

    @Test(arguments: longQueries)
    func longResultMatchesPlainPsql(_ query: String) throws {
        try compare(["-X", "-c", query], database: Self.database)
    }

    @Test(arguments: longQueries)
    func longResultMatchesPsqlFetchCount(_ query: String) throws {
        for count in ["1000", "7"] {
            let ours = try TestServer.psqlui(["-X", "-v", "FETCH_COUNT=\(count)", "-c", query], database: Self.database)
            let theirs = try TestServer.psql(["-X", "-v", "FETCH_COUNT=\(count)", "-c", query], database: Self.database)
            #expect(ours.out == theirs.out)
            #expect(ours.status == 0)
        }
    }

    @Test func thousandRowsMatchPlainPsql() throws {
        try compare(["-X", "-c", "select g, repeat('z', g % 17) from generate_series(1, 1000) g"], database: Self.database)
    }

    @Test(arguments: flagSets)
    func outputFlagsMatchPsql(_ flags: [String]) throws {
        let db = try TestServer.makeDatabase(prefix: "flags")
        for query in Self.flagQueries {
            try compare(["-X"] + flags + ["-c", query], database: db)
        }
    }

    /// Runs both clients and compares everything a script would see.
    static func compareOutputs(_ args: [String], database: String?, stdin: Data? = nil,
                               directory: String? = nil, env: [String: String] = [:]) throws -> (ProcessOutput, ProcessOutput) {
        let ours = try TestServer.psqlui(args, database: database, stdin: stdin, extraEnv: env, currentDirectory: directory)
        let theirs = try TestServer.psql(args, database: database, stdin: stdin, extraEnv: env, currentDirectory: directory)
        return (ours, theirs)
    }

    func compare(_ args: [String], database: String?, stdin: Data? = nil) throws {
        let (ours, theirs) = try Self.compareOutputs(args, database: database, stdin: stdin)
        #expect(ours.out == theirs.out, "stdout differs for \(args)")
        #expect(ours.err == Self.asPsqlui(theirs.err), "stderr differs for \(args)")
        #expect(ours.status == theirs.status, "status differs for \(args)")
    }

    /// psql's messages name psql; ours name psqlui.
    static func asPsqlui(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix("psql:") ? "psqlui:" + line.dropFirst(5) : String(line)
        }.joined(separator: "\n")
    }
}
