import PsqluiCore
import Testing

/// The TOML reader by one-line cases (`TOMLOneLineCases`: what each valid document
/// means, and the exact error for each invalid one), plus what one line cannot show.
@Suite struct TOMLParserTests {
    @Test(arguments: TOMLOneLineCases.valid)
    func validDocumentMeans(_ text: String, _ expected: String) throws {
        let table = try TOMLParser.parse(text)
        #expect(TOMLDump.dump(table) == expected, "\(text.debugDescription)")
    }

    @Test(arguments: TOMLOneLineCases.invalid)
    func invalidDocumentIsRefused(_ text: String, _ expected: String) {
        do {
            let table = try TOMLParser.parse(text)
            Issue.record("\(text.debugDescription) parsed as \(TOMLDump.dump(table))")
        } catch {
            #expect(error.description == expected, "\(text.debugDescription)")
        }
    }

    @Test func keysKeepTheirDocumentOrder() throws {
        let table = try TOMLParser.parse("z = 1\na = 2\n[m]\n[b]\ny.x = 3\n")
        #expect(table.keys == ["z", "a", "m", "b"])
        #expect(table["b"]?.table?["y"]?.table?.keys == ["x"])
    }

    @Test func invalidUTF8IsAnErrorAtItsByte() {
        let bytes = Array("a = \"ok\"\nb = \"".utf8) + [0xC3, 0x28] + Array("\"\n".utf8)
        #expect(throws: TOMLError(line: 2, column: 6, reason: .invalidUTF8)) { try TOMLParser.parse(bytes: bytes) }
        #expect(throws: TOMLError(line: 1, column: 1, reason: .invalidUTF8)) { try TOMLParser.parse(bytes: [0xFF]) }
        // An overlong encoding of '/' and a UTF-16 surrogate are not UTF-8 either.
        #expect(throws: TOMLError.self) { try TOMLParser.parse(bytes: Array("a = '".utf8) + [0xC0, 0xAF, 0x27]) }
        #expect(throws: TOMLError.self) { try TOMLParser.parse(bytes: Array("a = '".utf8) + [0xED, 0xA0, 0x80, 0x27]) }
    }

    @Test func aByteOrderMarkAtTheStartIsSkipped() throws {
        let table = try TOMLParser.parse(bytes: [0xEF, 0xBB, 0xBF] + Array("a = 1\n".utf8))
        #expect(TOMLDump.dump(table) == "{a=1}")
        #expect(throws: TOMLError.self) { try TOMLParser.parse("a = 1\n\u{FEFF}b = 2") }
    }

    @Test func columnsCountCharactersNotBytes() {
        #expect(throws: TOMLError(line: 1, column: 9, reason: .expected("the end of the line after the value", found: "'x'"))) {
            try TOMLParser.parse("a = \"é\" x")
        }
    }

    @Test func errorsDescribeThemselvesWithTheirPosition() throws {
        let error = try #require(throws: TOMLError.self) { try TOMLParser.parse("[plugins]\nyaml = \n") }
        #expect(error.line == 2 && error.column == 8)
        #expect(error.problem == "expected a value, found the end of the line")
        #expect(error.description == "line 2, column 8: expected a value, found the end of the line")
    }

    @Test func datesKeepTheirPartsAndFullPrecision() throws {
        let table = try TOMLParser.parse("a = 1979-05-27T00:32:00.123456789-07:30")
        let d = try #require(table["a"]?.dateTime)
        #expect(d.kind == .offsetDateTime)
        #expect(d.date == TOMLDateTime.Date(year: 1979, month: 5, day: 27))
        #expect(d.time == TOMLDateTime.Time(hour: 0, minute: 32, second: 0, fraction: "123456789"))
        #expect(d.offsetMinutes == -450)
        #expect(d.description == "1979-05-27T00:32:00.123456789-07:30")
    }

    @Test func aLargeDocumentParses() throws {
        var text = ""
        for i in 0..<2000 { text += "[t\(i)]\nname = \"table \(i)\"\nvalues = [\(i), \(i + 1)]\nsub.x = \(i)\n" }
        let table = try TOMLParser.parse(text)
        #expect(table.count == 2000)
        #expect(table["t1999"]?.table?["sub"]?.table?["x"] == .integer(1999))
    }
}

/// The writer: what it writes reads back to the same values.
@Suite struct TOMLWriterTests {
    @Test(arguments: TOMLOneLineCases.valid.map(\.0))
    func writtenDocumentReadsBackTheSame(_ text: String) throws {
        let table = try TOMLParser.parse(text)
        let written = TOMLWriter.document(table)
        #expect(TOMLDump.dump(try TOMLParser.parse(written)) == TOMLDump.dump(table), "\(written)")
    }

    @Test func namedQueriesStayReadable() {
        let table: TOMLTable = ["queries": .table(["by_status": .string("select *\nfrom orders\nwhere status = '$1'"),
                                                   "two words": .string("select \"x\" -- \\ back")])]
        #expect(TOMLWriter.document(table) == "[queries]\nby_status = \"\"\"\nselect *\nfrom orders\nwhere status = '$1'\"\"\"\n"
                + "\"two words\" = \"select \\\"x\\\" -- \\\\ back\"\n")
    }

    @Test(arguments: [
        ("plain", "\"plain\""), ("tab\t", "\"tab\\t\""), ("quote\"", "\"quote\\\"\""), ("back\\", "\"back\\\\\""),
        ("\u{7F}\u{01}\u{1F}", "\"\\u007F\\u0001\\u001F\""), ("\r", "\"\\r\""), ("é😀", "\"é😀\""),
        ("a\r\nb", "\"\"\"\na\\r\nb\"\"\""), ("\"\"\"\n", "\"\"\"\n\\\"\\\"\\\"\n\"\"\""),
    ])
    func stringsAreEscapedAsTOMLRequires(_ value: String, _ written: String) throws {
        #expect(TOMLWriter.string(value) == written)
        #expect(try TOMLParser.parse("a = " + written)["a"] == .string(value))
    }

    @Test(arguments: [
        (1.0, "1.0"), (-0.0, "-0.0"), (1e100, "1e+100"), (0.1, "0.1"), (Double.infinity, "inf"), (-Double.infinity, "-inf"),
        (Double.nan, "nan"), (123456789.0, "123456789.0"),
    ])
    func floatsAlwaysReadBackAsFloats(_ value: Double, _ written: String) throws {
        #expect(TOMLWriter.float(value) == written)
        let back = try #require(try TOMLParser.parse("a = " + written)["a"]?.float)
        #expect(back.bitPattern == value.bitPattern || (back.isNaN && value.isNaN))
    }

    @Test(arguments: [("a", "a"), ("a-b_9", "a-b_9"), ("", "\"\""), ("a.b", "\"a.b\""), ("é", "\"é\""), ("a b", "\"a b\"")])
    func keysAreBareOnlyWhenTheyCanBe(_ key: String, _ written: String) {
        #expect(TOMLWriter.key(key) == written)
    }
}
