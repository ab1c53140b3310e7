import Testing
@testable import PsqluiREPL

@Suite struct HistoryFileTests {
    @Test(arguments: [
        ("select\\0401;", "select 1;"),
        ("a\\012b", "a\nb"),
        ("back\\134slash", "back\\slash"),
        ("no escapes", "no escapes"),
        ("trailing\\04", "trailing\\04"),
        ("\\999", "\\999"),
    ])
    func decodesLibeditEscapes(_ line: String, _ expected: String) {
        #expect(HistoryFile.decode(line) == expected)
    }

    @Test func entriesSkipTheHeaderAndNumberTheLastN() {
        let entries = HistoryFile.entries(in: "_HiStOrY_V2_\nselect\\0401;\nselect\\0402;\nselect\\0403;\n")
        #expect(entries == ["select 1;", "select 2;", "select 3;"])
        #expect(HistoryFile.paneLines(entries: entries, limit: 2) == ["    2  select 2;", "    3  select 3;"])
    }
}
