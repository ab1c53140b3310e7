import Foundation
import Testing

/// The `parquet` plugin end to end: psqlui writes the file (`--format parquet -o`,
/// `:export parquet > FILE`), pyarrow reads it, and every value is compared with the
/// server's own canonical form of the same value (integers and decimals as text,
/// floats as their IEEE bits from float8send, times as microseconds from
/// `extract(epoch …)`, infinity as the storage type's extremes, arrays as the
/// elements `unnest()` returns).
@Suite(.serialized) struct ParquetExportTests {
    static let env = ExporterFormatTests.env   // PGTZ=Asia/Kolkata: timestamptz text carries +05:30

    static func tempPath(_ name: String) -> String {
        let dir = NSTemporaryDirectory() + "psqlui-parquet-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir + "/" + name
    }

    /// The query's columns as (name, format_type) from `\gdesc`.
    static func describe(_ query: String, database: String) throws -> [(name: String, type: String)] {
        let desc = try TestServer.psql(["-X", "-A", "-t", "-F", "\u{1F}"], database: database, stdin: Data((query + " \\gdesc\n").utf8))
        #expect(desc.status == 0, "\(desc)")
        return desc.out.split(separator: "\n").map { line in
            let parts = line.split(separator: "\u{1F}", omittingEmptySubsequences: false)
            return (String(parts[0]), String(parts[1]))
        }
    }

    /// The server's canonical text of `expr` of type `type` (a `format_type` name), the
    /// form the reader script prints for the Parquet value.
    static func canonical(_ expr: String, type: String) -> String {
        if type.hasSuffix("[]") {
            let element = canonical("x", type: String(type.dropLast(2)))
            return "case when \(expr) is null then null else coalesce((select json_agg(\(element)) from unnest(\(expr)) x), '[]'::json) end"
        }
        let base = type.split(separator: "(").first.map(String.init) ?? type
        switch base {
        case "boolean": return "case when \(expr) is null then null when \(expr) then 'true' else 'false' end"
        case "double precision": return "encode(float8send(\(expr)), 'hex')"
        case "real": return "encode(float4send(\(expr)), 'hex')"
        case "bytea": return "encode(\(expr), 'hex')"
        case "uuid": return "replace(\(expr)::text, '-', '')"
        case "date":
            return "case when \(expr) = 'infinity' then '2147483647' when \(expr) = '-infinity' then '-2147483648' else (\(expr) - date '1970-01-01')::text end"
        case "timestamp with time zone", "timestamp without time zone":
            return "case when \(expr) = 'infinity' then '9223372036854775807' when \(expr) = '-infinity' then '-9223372036854775808' else (extract(epoch from \(expr)) * 1000000)::bigint::text end"
        default: return "\(expr)::text"
        }
    }

    /// Every row of `query` in canonical form, from the server.
    static func serverRows(_ query: String, database: String) throws -> [[Any]] {
        let columns = try describe(query, database: database)
        let aliases = columns.indices.map { "c\($0)" }
        let cells = zip(aliases, columns).map { canonical($0, type: $1.type) }
        let sql = "select json_build_array(\(cells.joined(separator: ", "))) from (\(query)) t(\(aliases.joined(separator: ", ")))"
        let out = try TestServer.psql(["-X", "-A", "-t", "-c", sql], database: database, extraEnv: env)
        #expect(out.status == 0, "\(out)")
        return try out.stdout.split(separator: 10).map { try JSONSerialization.jsonObject(with: Data($0)) as! [Any] }
    }

    static func expectSameRows(_ ours: [[Any]], _ server: [[Any]]) {
        #expect(ours.count == server.count)
        for (r, (a, b)) in zip(ours, server).enumerated() {
            #expect((a as NSArray) == (b as NSArray), "row \(r): parquet \(a)\nserver \(b)")
        }
    }

    static func requirePyArrow() throws -> Bool {
        if let reason = PyArrow.unavailable {
            print("skipping: \(reason)")
            return false
        }
        return true
    }

    // MARK: Tests

    @Test func mixedTableEveryValueEqualsTheServers() throws {
        guard try Self.requirePyArrow() else { return }
        let db = try ExporterFormatTests.database()
        let path = Self.tempPath("mixed.parquet")
        let out = try TestServer.psqlui(["-X", "-c", ExporterFormatTests.query, "--format", "parquet", "-o", path],
                                        database: db, extraEnv: Self.env)
        #expect(out.status == 0 && out.err.isEmpty, "\(out)")
        let dump = try PyArrow.read(path)
        #expect(dump.names == (try Self.describe(ExporterFormatTests.query, database: db)).map(\.name))
        #expect(dump.arrow == ["int32", "string", "string", "int32", "int64", "string", "string", "bool", "timestamp[us, tz=UTC]",
                               "date32[day]", "extension<arrow.json>", "binary", "extension<arrow.uuid>", "list<element: int32>",
                               "double", "string", "string", "list<element: string>"], "\(dump.arrow)")
        Self.expectSameRows(dump.rows, try Self.serverRows(ExporterFormatTests.query, database: db))
    }

    static let typedSetup = """
        create table typed (id int, price numeric(10,2), huge numeric(30,5), small numeric(4,0), sm smallint, r real,
            local timestamp, stamp timestamptz, code varchar(5), days date[], stamps timestamptz[], flags bool[], ids uuid[],
            prices numeric(6,2)[], floats float8[]);
        insert into typed values
          (1, 12.50, 123456789012345678901234.56789, 9999, -32768, 3.4028235e38, '2024-02-29 23:59:59.999999',
           '1800-01-01 00:00:00+00', 'abcde', '{2024-01-01,NULL,infinity}', '{"2000-01-01 00:00:00.5+00","0044-03-15 12:00:00+00 BC"}',
           '{t,f,NULL}', '{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}', '{1.25,-0.01,NULL}', '{NaN,-Infinity,1e-300,-0}'),
          (2, -0.01, -99999999999999999999999.99999, -9999, 32767, -1.5e-45, '0001-01-01 00:00:00 BC', '-infinity', '', '{}', '{}',
           '{}', '{}', '{}', '{}'),
          (3, null, null, null, null, null, null, null, null, null, null, null, null, null, null),
          (4, 0, 0, 0, 0, 'NaN', 'infinity', '1970-01-01 00:00:00.000001+00', 'é漢', '{0001-01-01 BC}', '{NULL}', '{NULL}', '{NULL}',
           '{0}', '{NULL}');
        """

    @Test func constrainedNumericsSmallIntsRealsTimestampsAndArraysOfThem() throws {
        guard try Self.requirePyArrow() else { return }
        let db = try TestServer.makeDatabase(prefix: "parquet")
        try TestServer.admin(Self.typedSetup, database: db)
        let query = "select * from typed order by id"
        let path = Self.tempPath("typed.parquet")
        let out = try TestServer.psqlui(["-X", "-c", query, "--format", "parquet", "-o", path], database: db, extraEnv: Self.env)
        #expect(out.status == 0 && out.err.isEmpty, "\(out)")
        let dump = try PyArrow.read(path)
        #expect(dump.arrow == ["int32", "decimal128(10, 2)", "decimal128(30, 5)", "decimal128(4, 0)", "int16", "float", "timestamp[us]",
                               "timestamp[us, tz=UTC]", "string", "list<element: date32[day]>", "list<element: timestamp[us, tz=UTC]>",
                               "list<element: bool>", "list<element: extension<arrow.uuid>>", "list<element: decimal128(6, 2)>",
                               "list<element: double>"], "\(dump.arrow)")
        Self.expectSameRows(dump.rows, try Self.serverRows(query, database: db))
    }

    @Test func exportCommandWithZstdWritesSeveralRowGroupsOfTheSameRows() throws {
        guard try Self.requirePyArrow() else { return }
        let path = Self.tempPath("series.parquet")
        let query = "select g as n, md5(g::text) as hash, g % 7 = 0 as seventh, case when g % 5 = 0 then null else g * 1.5 end::float8 as x from generate_series(1, 120000) g"
        let script = "\(query)\n:export parquet compression=zstd row_group_mb=1 > \(path)\nselect 'after' as marker;\n"
        let out = try TestServer.psqlui(["-X"], database: "postgres", stdin: Data(script.utf8))
        #expect(out.status == 0 && out.err.isEmpty, "\(out)")
        #expect(out.out.contains("after"))
        let dump = try PyArrow.read(path)
        #expect(dump.rowGroups > 1, "row groups are bounded in size: \(dump.rowGroups)")
        Self.expectSameRows(dump.rows, try Self.serverRows(query, database: "postgres"))
        let raw = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(raw.count < 120000 * 40, "zstd compressed the pages: \(raw.count) bytes")
    }

    @Test func rowGroupsOfManyPagesEachComeBackInOrder() throws {
        // Pages wait in a scratch file, interleaved across columns, until their row
        // group is complete: each column chunk must still come out whole and in order.
        guard try Self.requirePyArrow() else { return }
        let path = Self.tempPath("pages.parquet")
        let query = "select g as n, md5(g::text) || md5((g + 1)::text) as hash, case when g % 9 = 0 then null else 'v' || g end as label from generate_series(1, 300000) g"
        let out = try TestServer.psqlui(["-X", "--format", "parquet", "-o", path, "-c", query], database: "postgres")
        #expect(out.status == 0 && out.err.isEmpty, "\(out)")
        let dump = try PyArrow.read(path)
        #expect(dump.rowGroups == 1, "about 27 MB of columns fit the default 32 MiB row group: \(dump.rowGroups)")
        Self.expectSameRows(dump.rows, try Self.serverRows(query, database: "postgres"))
        let split = Self.tempPath("pages-split.parquet")
        let out2 = try TestServer.psqlui(["-X"], database: "postgres",
                                         stdin: Data("\(query)\n:export parquet row_group_mb=5 > \(split)\n".utf8))
        #expect(out2.status == 0 && out2.err.isEmpty, "\(out2)")
        let dump2 = try PyArrow.read(split)
        #expect(dump2.rowGroups > 2, "5 MiB row groups of several 1 MiB pages each: \(dump2.rowGroups)")
        Self.expectSameRows(dump2.rows, try Self.serverRows(query, database: "postgres"))
    }

    @Test func emptyResultIsAValidFileWithTheColumns() throws {
        guard try Self.requirePyArrow() else { return }
        let path = Self.tempPath("empty.parquet")
        let out = try TestServer.psqlui(["-X", "-c", "select 1::int8 as a, 'x'::text as b where false", "--format", "parquet", "-o", path],
                                        database: "postgres")
        #expect(out.status == 0, "\(out)")
        let dump = try PyArrow.read(path)
        #expect(dump.names == ["a", "b"] && dump.arrow == ["int64", "string"] && dump.rows.isEmpty)
    }

    @Test func valueThatDoesNotFitTheColumnTypeIsAClearErrorAndTheSessionGoesOn() throws {
        let path = Self.tempPath("nan.parquet")
        let script = "select 'NaN'::numeric(5,2) as price\n:export parquet > \(path)\nselect 'still here' as marker;\n"
        let out = try TestServer.psqlui(["-X"], database: "postgres", stdin: Data(script.utf8))
        #expect(out.err.contains("column \"price\": NaN does not fit DECIMAL(5,2); export the column as text (price::text)"), "\(out)")
        #expect(out.out.contains("still here"))
    }

    @Test func badOptionValuesAreRefusedBeforeTheQueryRuns() throws {
        let path = Self.tempPath("bad.parquet")
        let script = "select 1\n:export parquet compression=lz4 > \(path)\n:export parquet row_group_mb=0 > \(path)\n"
        let out = try TestServer.psqlui(["-X"], database: "postgres", stdin: Data(script.utf8))
        #expect(out.err.contains("invalid value \"lz4\" for option compression: expected none or zstd"), "\(out)")
        #expect(out.err.contains("invalid value \"0\" for option row_group_mb"), "\(out)")
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
