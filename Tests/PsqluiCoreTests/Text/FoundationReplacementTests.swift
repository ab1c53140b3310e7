import Foundation
import Testing
@testable import PsqluiCore

/// The helpers that replaced Foundation in the binary give Foundation's answers
/// (tests may import Foundation; the product must not).
@Suite struct FoundationReplacementTests {
    static let texts = [
        "", " ", "\t\n", "  select 1  ", "\tx\t", "\r\nline\r\n", "\u{00A0}nbsp\u{2003}", "a\u{2028}", "e\u{301} ",
        "'it''s'", "a\\b\\\\c", "x\ny\r\nz", "ünïcödé  ", "--", "\u{85}next\u{85}",
    ]

    @Test(arguments: texts)
    func trimming(_ s: String) {
        #expect(s.trimmingWhitespace() == s.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(s.trimmingBlanks() == s.trimmingCharacters(in: .whitespaces))
        #expect(s.trimming(scalarsIn: " \t") == s.trimmingCharacters(in: CharacterSet(charactersIn: " \t")))
    }

    @Test(arguments: texts)
    func replacing(_ s: String) {
        for (target, replacement) in [("'", "''"), ("\\", "\\\\"), ("\n", "\\n"), ("--", "-"), ("x", ""), ("\r\n", "\n")] {
            #expect(s.replacingEvery(target, with: replacement) == s.replacingOccurrences(of: target, with: replacement), "\(s) \(target)")
        }
    }

    @Test func padding() {
        for s in ["", "ab", "abcdefgh", "abcdefghij"] {
            #expect(s.padded(toLength: 8) == s.padding(toLength: 8, withPad: " ", startingAt: 0))
        }
    }

    @Test func fixedDecimals() {
        let values: [Double] = [0, 1, -1, 0.5, 1.5, 2.5, 0.0004, 0.0006, 12.3456, 999.9996, 1234567.891, -0.0001, 1.7e12, 0.125, 3.14159]
        for v in values {
            for places in 0...3 {
                #expect(NumberText.fixed(v, places: places) == String(format: "%.\(places)f", v), "\(v) \(places)")
            }
            #expect(NumberText.fixed(v, places: 3, width: 7) == String(format: "%7.3f", v))
        }
        for b: UInt8 in [0, 9, 10, 15, 16, 171, 255] {
            #expect(NumberText.hex(b) == String(format: "%02x", b))
            #expect(NumberText.hex(b, uppercase: true) == String(format: "%02X", b))
        }
    }

    @Test func paths() {
        for p in ["/a/b/c", "/a", "a/b/", "/", "a/b//", "/a/b/c.sql", "rel/x"] {  // "" and "a" trap in Foundation 6.3.1
            #expect(PathText.deletingLastComponent(p) == (p as NSString).deletingLastPathComponent, "\(p)")
            #expect(PathText.lastComponent(p) == (p as NSString).lastPathComponent, "\(p)")
            #expect(PathText.appending("n", to: p) == (p as NSString).appendingPathComponent("n"), "\(p)")
        }
        #expect(PathText.deletingLastComponent("a") == "" && PathText.lastComponent("a") == "a")
        #expect(PathText.temporaryDirectory == NSTemporaryDirectory())
    }
}
