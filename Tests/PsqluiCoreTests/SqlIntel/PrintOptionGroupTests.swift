import PsqluiCore
import Testing

/// `\g (name=value …) TARGET`: the option group psql 15 reads before the target.
@Suite struct PrintOptionGroupTests {
    typealias O = PrintOptionGroup.Option

    static let cases: [(String, [O]?, String)] = [
        ("", nil, ""),
        ("out.txt", nil, ""),
        ("  |cat", nil, ""),
        ("(format=csv)", [O(name: "format", value: "csv")], ""),
        ("(format=csv) out.csv", [O(name: "format", value: "csv")], " out.csv"),
        ("  (format=csv tuples_only=on) |wc -l", [O(name: "format", value: "csv"), O(name: "tuples_only", value: "on")], " |wc -l"),
        ("( border=2 )", [O(name: "border", value: "2")], ""),
        ("(expanded)", [O(name: "expanded", value: nil)], ""),
        ("(null='(none)')", [O(name: "null", value: "(none)")], ""),
        ("(title='a b' footer=off)x", [O(name: "title", value: "a b"), O(name: "footer", value: "off")], "x"),
        ("(fieldsep=;)", [O(name: "fieldsep", value: ";")], ""),
        ("(csv_fieldsep==)", [O(name: "csv_fieldsep", value: "=")], ""),
        ("()", [], ""),
    ]

    @Test(arguments: cases.indices)
    func parses(_ i: Int) throws {
        let (input, options, rest) = Self.cases[i]
        let group = try PrintOptionGroup.parse(Array(input.utf8), variables: nil)
        #expect(group?.options == options, "\(input)")
        if let group { #expect(String(decoding: group.rest, as: UTF8.self) == rest, "\(input)") }
    }

    @Test(arguments: ["(format=csv", "( border=2", "(title=')'", "(a=b c=d"])
    func missingParenthesis(_ input: String) {
        #expect(throws: PrintOptionGroup.ParseError.missingRightParenthesis) {
            try PrintOptionGroup.parse(Array(input.utf8), variables: nil)
        }
    }

    @Test func variablesAreInterpolatedInsideTheGroup() throws {
        let group = try PrintOptionGroup.parse(Array("(format=:f)".utf8), variables: { $0 == "f" ? "csv" : nil })
        #expect(group?.options == [O(name: "format", value: "csv")])
    }
}
