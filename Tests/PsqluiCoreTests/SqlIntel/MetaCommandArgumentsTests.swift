import Testing
@testable import PsqluiCore

/// OT_NORMAL argument lexing; expected words checked with `\echo` in psql 15
/// (psql prints the words joined by one space).
@Suite struct MetaCommandArgumentsTests {
    static let vars: [String: String] = ["v": "val ue", "w": "o'k\\"]

    /// The words psql shows in "extra argument … ignored" (checked with psql 15's `\pset`).
    @Test(arguments: [
        ("| `nosuchcommand` :foo :'foo' :\"foo\"", ["|", "nosuchcommand", ":foo", ":'foo'", ":\"foo\""]),
        ("'a b' \"q\" x`y z`w", ["a b", "\"q\"", "xy zw"]),
    ])
    func ignoredWordsAreNotEvaluated(_ raw: String, _ expected: [String]) {
        #expect(MetaCommandArguments.ignoredWords(Array(raw.utf8)) == expected)
    }

    @Test(arguments: [
        ("", [String]()),
        ("   ", []),
        (" a b  c", ["a", "b", "c"]),
        ("'a  b'   c", ["a  b", "c"]),
        ("\"a  b\" x\"y z\"w", ["\"a  b\"", "x\"y z\"w"]),
        ("'it\\'s' 'x''y' 'tab\\there' '\\101\\x41' a'b c'd", ["it's", "x'y", "tab\there", "AA", "ab cd"]),
        ("'\\n\\r\\f\\b'", ["\n\r\u{0C}\u{08}"]),
        ("a\\echo b", ["a"]),
        ("a \\\\ b", ["a"]),
        ("'a \\\\ b'", ["a \\ b"]),
        ("lead  ; trail;", ["lead", ";", "trail;"]),
        ("''", [""]),
        ("'unterminated", ["unterminated"]),
        ("`echo hi` x", ["`echo hi`", "x"]),
        ("a\tb\rc", ["a", "b", "c"]),
        ("é 'ü'", ["é", "ü"]),
    ])
    func splitsWithoutVariables(_ raw: String, _ expected: [String]) {
        #expect(MetaCommandArguments.split(Array(raw.utf8), variables: nil) == expected)
    }

    @Test(arguments: [
        (":v :'v' :\"v\" :'w' :nope :'nope' pre:v :v:v", ["val ue", "'val ue'", "\"val ue\"", " E'o''k\\\\'", ":nope", ":'nope'", "preval ue", "val ueval ue"]),
        (":{?v} :{?nope}", ["TRUE", "FALSE"]),
        ("'a:v'", ["a:v"]),
        ("\":v\"", ["\":v\""]),
        ("x::v", ["x:val ue"]),
    ])
    func interpolatesVariables(_ raw: String, _ expected: [String]) {
        let vars = Self.vars
        #expect(MetaCommandArguments.split(Array(raw.utf8), variables: { vars[$0] }) == expected)
    }

    @Test(arguments: [
        ("t;", ["t"]),
        ("t;;", ["t"]),
        ("'t;'", ["t;"]),
        ("t ;", ["t"]),
    ])
    func stripsUnquotedTrailingSemicolonsWhenAsked(_ raw: String, _ expected: [String]) {
        #expect(MetaCommandArguments.split(Array(raw.utf8), variables: nil, stripTrailingSemicolons: true) == expected)
    }

    @Test(arguments: [
        ("  echo a \\echo b", false, "echo a \\echo b"),
        (" t from 'x';  ", false, "t from 'x';  "),
        (" t from 'x';  ", true, "t from 'x'"),
        ("", false, ""),
    ])
    func restOfLine(_ raw: String, _ strip: Bool, _ expected: String) {
        #expect(MetaCommandArguments.restOfLine(Array(raw.utf8), stripTrailingSemicolons: strip) == expected)
    }
}
