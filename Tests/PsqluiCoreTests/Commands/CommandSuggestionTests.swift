import Testing
@testable import PsqluiCore

@Suite struct CommandSuggestionTests {
    static let names = ["describe", "d", "d+", "format", "help", "tables", "types", "views", "\\dt", "export", "expanded"]

    @Test(arguments: [
        ("formt", "format"), ("fromat", "format"), ("tabels", "tables"), ("descrbe", "describe"),
        ("hlep", "help"), ("exprot", "export"), ("view", "views"),
    ])
    func suggestsTheClosestName(_ typed: String, _ expected: String) {
        #expect(CommandSuggestion.closest(to: typed, among: Self.names) == expected)
    }

    @Test func nothingCloseMeansNoSuggestion() {
        #expect(CommandSuggestion.closest(to: "zzzzzz", among: Self.names) == nil)
        #expect(CommandSuggestion.message(for: "zzzzzz", among: Self.names) == "unknown command :zzzzzz (:help lists the commands)")
        #expect(CommandSuggestion.message(for: "formt", among: Self.names) == "unknown command :formt — did you mean :format?")
    }

    @Test(arguments: [
        (":formt", "formt"), ("  :formt csv > x", "formt"), (":foo", "foo"), (":d2 x", "d2"),
        (":var;", nil), ("::int", nil), (":'v'", nil), (":\"v\"", nil), (":=", nil), ("select :x", nil),
        (":x + 1;", nil), (":1abc", nil), (":a-b", nil), ("", nil),
    ] as [(String, String?)])
    func recognisesMistypedCommandLines(_ line: String, _ expected: String?) {
        #expect(CommandSuggestion.unknownCommandWord(in: Array(line.utf8), isVariable: { _ in false }) == expected)
    }

    @Test func aSetVariableIsSQL() {
        #expect(CommandSuggestion.unknownCommandWord(in: Array(":cols".utf8), isVariable: { $0 == "cols" }) == nil)
    }

    @Test func distance() {
        #expect(CommandSuggestion.distance("formt", "format") == 1)
        #expect(CommandSuggestion.distance("ab", "ba") == 1)
        #expect(CommandSuggestion.distance("", "abc") == 3)
    }
}
