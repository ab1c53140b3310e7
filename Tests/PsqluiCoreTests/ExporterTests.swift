import Testing
import PsqluiPluginAPI
@testable import PsqluiCore

// Expected bytes below were taken from live psql 15 / PostgreSQL 15 runs of the same
// values (psql --csv, psql -H, psql -x, to_json, COPY … TO STDOUT), not from our output.

private func col(_ name: String, _ oid: UInt32 = TypeOID.text) -> ColumnInfo { ColumnInfo(name: name, typeOID: oid) }

private func export(_ format: String, _ columns: [ColumnInfo], _ rows: [[String?]], batchSize: Int = 100) async throws -> String {
    try await export(format, [:], columns, rows, batchSize: batchSize)
}

private func export(_ format: String, _ options: [String: String], _ columns: [ColumnInfo],
                    _ rows: [[String?]], batchSize: Int = 100) async throws -> String {
    let spec = try #require(BuiltinExporters.named(format))
    return try await ExportRunner.run(try spec.make(ExportOptions(options)), columns: columns, rows: rows, batchSize: batchSize)
}

@Suite struct CSVExporterTests {
    @Test func quotesLikePsql() async throws {
        // psql -X --csv -c "select ' a ' as \"x,y\", '' as \"\\.\", null as \"q\"\"\", E'a\rb' as \" \", E'tab\there' as t"
        let out = try await export("csv", [col("x,y"), col("\\."), col("q\""), col(" "), col("t")],
                                   [[" a ", "", nil, "a\rb", "tab\there"]])
        #expect(out == "\"x,y\",\"\\.\",\"q\"\"\", ,t\n a ,,,\"a\rb\",tab\there\n")
    }

    @Test func endOfDataMarkerIsQuotedInEveryColumn() async throws {
        #expect(try await export("csv", [col("a"), col("b", TypeOID.int4)], [["\\.", "1"]]) == "a,b\n\"\\.\",1\n")
    }

    @Test func roundTripMatchesCopyCSV() async throws {
        // copy (select '\.' as a, 1 as b, '' as c, null as d) to stdout csv → \.,1,"",
        let out = try await export("csv", ["roundtrip": "on", "header": "off"],
                                   [col("a"), col("b", TypeOID.int4), col("c"), col("d")], [["\\.", "1", "", nil]])
        #expect(out == "\\.,1,\"\",\n")
        #expect(try await export("csv", ["roundtrip": "on", "header": "off"], [col("a")], [["\\."]]) == "\"\\.\"\n")
    }

    @Test func delimiterOption() async throws {
        // psql --csv -P csv_fieldsep=';'
        #expect(try await export("csv", ["delimiter": ";"], [col("x,y"), col("z")], [["a;b", "c,d"]]) == "x,y;z\n\"a;b\";c,d\n")
        #expect(try await export("csv", ["delimiter": "tab"], [col("x,y"), col("z")], [["a;b", "c\td"]]) == "x,y\tz\na;b\t\"c\td\"\n")
        // psql quotes everything when the separator is '.'
        #expect(try await export("csv", ["delimiter": "."], [col("x"), col("y")], [["a", "b"]]) == "\"x\".\"y\"\n\"a\".\"b\"\n")
    }

    @Test(arguments: ["\"", "ab", "\n", ""])
    func rejectsBadDelimiter(_ delimiter: String) throws {
        #expect(throws: ExportOptionError.self) { try CSVExporter.spec.make(ExportOptions(["delimiter": delimiter])) }
    }
}

@Suite struct TSVExporterTests {
    @Test func matchesCopyText() async throws {
        // copy (select E'a\tb\\c\nd\re\x01f\x0b\x08' as "h\tx", null as n, '\.' as z) to stdout (format text, header)
        let out = try await export("tsv", [col("h\\tx"), col("n"), col("z")], [["a\tb\\c\nd\re\u{01}f\u{0B}\u{08}", nil, "\\."]])
        #expect(out == "h\\\\tx\tn\tz\na\\tb\\\\c\\nd\\re\u{01}f\\v\\b\t\\N\t\\\\.\n")
    }
}

@Suite struct JSONExporterTests {
    @Test func scalarsRenderAsToJSON() async throws {
        let columns = [col("t"), col("i", TypeOID.int8), col("n", TypeOID.numeric), col("nan", TypeOID.float8),
                       col("inf", TypeOID.float8), col("b", TypeOID.bool), col("j", TypeOID.jsonb),
                       col("ts", TypeOID.timestamptz), col("lt", TypeOID.timestamp), col("d", TypeOID.date),
                       col("bc", TypeOID.timestamptz), col("x", TypeOID.bytea), col("o", TypeOID.oid)]
        let row: [String?] = ["a\u{01}b\u{7F}\tc\n\"\\/é😀", "2", "1.50", "NaN", "-Infinity", "t", "{\"a\": [1, 2], \"b\": 1}",
                              "2024-01-01 00:00:00+00", "2024-01-01 12:34:56.789", "2024-01-01",
                              "0044-03-15 10:00:00+05:30 BC", "\\x00ff", "1"]
        let out = try await export("ndjson", columns, [row])
        #expect(out == #"{"t":"a\u0001b"# + "\u{7F}" + #"\tc\n\"\\/é😀","i":2,"n":1.50,"nan":"NaN","inf":"-Infinity","b":true,"#
            + #""j":{"a": [1, 2], "b": 1},"ts":"2024-01-01T00:00:00+00:00","lt":"2024-01-01T12:34:56.789","d":"2024-01-01","#
            + #""bc":"0044-03-15T10:00:00+05:30 BC","x":"\\x00ff","o":"1"}"# + "\n")
    }

    @Test func arraysBecomeNestedJSON() async throws {
        // to_json(array[1,2,null]), to_json(array[['a','b'],['c,d',null]]), to_json(array['NULL','', E'q"\\']),
        // to_json('{}'::int[]), to_json('[2:3]={1,2}'::int[]), numeric[] with NaN, jsonb[]
        let columns = [col("a", 1007), col("b", 1009), col("c", 1009), col("d", 1007), col("e", 1007), col("f", 1231),
                       col("g", 3807), col("h", 1185)]
        let row: [String?] = ["{1,2,NULL}", "{{a,b},{\"c,d\",NULL}}", "{\"NULL\",\"\",\"q\\\"\\\\\"}", "{}", "[2:3]={1,2}",
                              "{1.5,NaN}", "{\"{\\\"a\\\": 1}\"}", "{\"2024-01-01 00:00:00+00\"}"]
        let out = try await export("ndjson", columns, [row])
        #expect(out == #"{"a":[1,2,null],"b":[["a","b"],["c,d",null]],"c":["NULL","","q\"\\"],"d":[],"e":[1,2],"#
            + #""f":[1.5,"NaN"],"g":[{"a": 1}],"h":["2024-01-01T00:00:00+00:00"]}"# + "\n")
    }

    @Test func arrayLayoutKeepsDuplicateKeysInOrder() async throws {
        let out = try await export("json", [col("a", TypeOID.int4), col("a"), col("q\"")], [["1", "x", nil], ["2", nil, "y"]], batchSize: 1)
        #expect(out == "[\n{\"a\":1,\"a\":\"x\",\"q\\\"\":null},\n{\"a\":2,\"a\":null,\"q\\\"\":\"y\"}\n]\n")
        #expect(try await export("json", [col("a")], []) == "[]\n")
    }
}

@Suite struct TableExporterTests {
    @Test func htmlMatchesPsqlH() async throws {
        // psql -H -c "select 1 as a, E' x<&>\"\n y' as \"b<\", null as c, '' as d, 1.5::numeric as e"
        let out = try await export("html", [col("a", TypeOID.int4), col("b<"), col("c"), col("d"), col("e", TypeOID.numeric)],
                                   [["1", " x<&>\"\n y", nil, "", "1.5"]])
        #expect(out == """
            <table border="1">
              <tr>
                <th align="center">a</th>
                <th align="center">b&lt;</th>
                <th align="center">c</th>
                <th align="center">d</th>
                <th align="center">e</th>
              </tr>
              <tr valign="top">
                <td align="right">1</td>
                <td align="left">&nbsp;x&lt;&amp;&gt;&quot;<br />
             y</td>
                <td align="left">&nbsp; </td>
                <td align="left">&nbsp; </td>
                <td align="right">1.5</td>
              </tr>
            </table>
            <p>(1 row)<br />
            </p>

            """)
    }

    @Test func markdownEscapesPipesMarkupAndNewlines() async throws {
        let out = try await export("markdown", [col("n", TypeOID.int4), col("a|b")], [["1", "x|y<z>&\\\r\nw\nv"], ["2", nil]])
        #expect(out == "| n | a\\|b |\n| ---: | --- |\n| 1 | x\\|y&lt;z>&amp;\\\\<br>w<br>v |\n| 2 |  |\n")
    }

    @Test func sqlInsertsQuoteLiteralsAndIdentifiers() async throws {
        let out = try await export("sql", ["table": "public.t"],
                                   [col("id", TypeOID.int4), col("Order"), col("f", TypeOID.float8), col("b", TypeOID.bytea), col("n", TypeOID.numeric)],
                                   [["1", "it's", "-0", "\\x00ff", "NaN"], ["-2", nil, "1.5", "\\x", "3.10"]])
        #expect(out == """
            INSERT INTO public.t (id, "Order", f, b, n) VALUES (1, 'it''s', '-0', '\\x00ff', 'NaN');
            INSERT INTO public.t (id, "Order", f, b, n) VALUES (-2, NULL, '1.5', '\\x', 3.10);

            """)
    }

    @Test func alignedMatchesPsql() async throws {
        // psql -X -c "select 1 as a, E'x\ny' as bb, null as c, 'é漢字' as d, 12.5::numeric as num, '' as e"
        let out = try await export("aligned", [col("a", TypeOID.int4), col("bb"), col("c"), col("d"), col("num", TypeOID.numeric), col("e")],
                                   [["1", "x\ny", nil, "é漢字", "12.5", ""]])
        #expect(out == " a | bb | c |   d   | num  | e \n---+----+---+-------+------+---\n 1 | x +|   | é漢字 | 12.5 | \n   | y  |   |       |      | \n(1 row)\n\n")
    }

    @Test func alignedSizesOverTheWholeResult() async throws {
        // psql -X -c "select repeat('y', 6-g) as n, repeat('x', g) as s from generate_series(1,5) g"
        let exporter = PrintFormatExporter(settings: PrintSettings(), chunkSize: 2)
        let rows: [[String?]] = (1...5).map { g in [String(repeating: "y", count: 6 - g), String(repeating: "x", count: g)] }
        let out = try await ExportRunner.run(exporter, columns: [col("n"), col("s")], rows: rows, batchSize: 3)
        #expect(out == "   n   |   s   \n-------+-------\n yyyyy | x\n yyyy  | xx\n yyy   | xxx\n yy    | xxxx\n y     | xxxxx\n(5 rows)\n\n")
    }

    @Test func alignedControlCharacters() async throws {
        // psql -X -c "select E'a\tb' as x, E'c\rd' as y, E'e\x01f' as z, 1::oid as o"
        let out = try await export("aligned", [col("x"), col("y"), col("z"), col("o", TypeOID.oid)], [["a\tb", "c\rd", "e\u{01}f", "1"]])
        #expect(out == "     x     |  y   |   z    | o \n-----------+------+--------+---\n a       b | c\\rd | e\\x01f | 1\n(1 row)\n\n")
    }

    @Test func expandedMatchesPsqlX() async throws {
        // psql 15.20 -X -x -c "select 1 as a, E'x\ny' as bbb, null as c union all select 22, 'z', 'w'"
        // (15.20 pads a wrapped value to the record header's width; 15.18 did not)
        let out = try await export("expanded", [col("a", TypeOID.int4), col("bbb"), col("c")], [["1", "x\ny", nil], ["22", "z", "w"]])
        #expect(out == "-[ RECORD 1 ]\na   | 1\nbbb | x     +\n    | y\nc   | \n-[ RECORD 2 ]\na   | 22\nbbb | z\nc   | w\n\n")
        // psql -X -x -c "select 1 as a_very_long_column_name, 'abcdefghijklmnopqrstuvwxyz' as b"
        let wide = try await export("expanded", [col("a_very_long_column_name", TypeOID.int4), col("b")], [["1", "abcdefghijklmnopqrstuvwxyz"]])
        #expect(wide == "-[ RECORD 1 ]-----------+---------------------------\na_very_long_column_name | 1\nb                       | abcdefghijklmnopqrstuvwxyz\n\n")
        #expect(try await export("expanded", [col("a")], []) == "(0 rows)\n\n")
        // multi-line column name: psql -x -c "select 'a' as x, 'b' as \"y\nz\""
        #expect(try await export("expanded", [col("x"), col("y\nz")], [["a", "b"]]) == "-[ RECORD 1 ]\nx | a\ny+| b\nz |\n\n")
    }

    @Test func everyBuiltinHasAUniqueName() {
        let names = BuiltinExporters.all.map(\.name)
        #expect(names == ["csv", "tsv", "json", "ndjson", "markdown", "html", "sql", "aligned", "expanded"])
    }
}
