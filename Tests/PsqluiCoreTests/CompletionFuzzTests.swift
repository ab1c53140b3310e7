import Foundation
import Testing
@testable import PsqluiCore

/// A small deterministic generator (SplitMix64) so every run fuzzes the same inputs.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The lexer, analyzer and engine must return (never trap or hang) on any bytes.
/// Fixed seed and iteration count; open-ended fuzzing belongs in `make fuzz`.
@Suite struct CompletionFuzzTests {
    static let seeds: [String] = analyzerBaseCases.map { $0.text.replacingOccurrences(of: "‸", with: "") } + [
        "select \"a\"\"b\" from $q$ x $q$ where e'\\'' = 1 /* /* nested */ */ -- end",
        "with recursive r(n) as (select 1 union all select n+1 from r) select * from r, lateral (select 1) s(x) join t using (",
        ":export csv > out.csv", "\\g | cat", "select :'v', :\"w\", ::int, := 1",
    ]
    static let fragments: [String] = [
        "(", ")", "'", "\"", "$$", "$a$", "/*", "*/", "--", "\n", ";", ",", ".", "::", ":", "\\", " ", "select ", " from ",
        " join ", " on ", " where ", " as ", "with x as ", "(select ", " using (", "é", "\u{0}", "insert into t (", "update t set ",
    ]

    static func mutate(_ input: [UInt8], _ rng: inout SplitMix64) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            let at = bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &rng)
            switch Int.random(in: 0..<5, using: &rng) {
            case 0: bytes.insert(contentsOf: Array(fragments.randomElement(using: &rng)!.utf8), at: at)
            case 1: bytes.insert(UInt8.random(in: 0...255, using: &rng), at: at) // invalid UTF-8 too
            case 2: if at < bytes.count { bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...8, using: &rng))) }
            case 3: bytes.insert(contentsOf: Array(seeds.randomElement(using: &rng)!.utf8), at: at)
            default: bytes.insert(contentsOf: [UInt8](repeating: Array("(".utf8)[0], count: Int.random(in: 1...50, using: &rng)), at: at)
            }
        }
        return bytes
    }

    // The limits catch runaway (quadratic) analysis, not slowness: the parallel suite
    // on 2 cores stretches a 10 s run several times.
    @Test(.timeLimit(.minutes(5)))
    func mutatedSQLNeverTraps() {
        var rng = SplitMix64(state: 20_240_601)
        var checked = 0
        for _ in 0..<4_000 {
            let seed = Array(Self.seeds.randomElement(using: &rng)!.utf8)
            let bytes = Self.mutate(seed, &rng)
            let cursor = Int.random(in: 0...bytes.count, using: &rng)
            _ = SqlTokenizer.tokenize(bytes)
            let context = CompletionAnalyzer.suggest(bytes: bytes, cursor: cursor)
            #expect(context.wordStartUTF8 <= cursor)
            let candidates = demoEngine.candidates(for: context)
            for c in candidates { #expect(c.start >= 0) }
            checked += 1
        }
        #expect(checked == 4_000)
    }

    @Test(.timeLimit(.minutes(5)))
    func randomBytesNeverTrap() {
        var rng = SplitMix64(state: 7)
        for _ in 0..<1_000 {
            let bytes = (0..<Int.random(in: 0...200, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            let tokens = SqlTokenizer.tokenize(bytes)
            // Tokens are in order, inside the text, and never empty.
            var last = 0
            for t in tokens { #expect(t.start >= last && t.end > t.start && t.end <= bytes.count); last = t.end }
            _ = demoEngine.complete(bytes: bytes, cursorUTF8: Int.random(in: 0...bytes.count, using: &rng))
        }
    }

    @Test(.timeLimit(.minutes(5)), arguments: [
        String(repeating: "(", count: 100_000),
        String(repeating: "select * from (", count: 7_000),
        String(repeating: "'", count: 100_001),
        "select " + String(repeating: "a, ", count: 33_000) + "b from t where ",
        String(repeating: "with x as (select 1), ", count: 4_500) + "select ",
        String(repeating: "/* ", count: 30_000),
        String(repeating: "drop table if exists t, ", count: 4_000),
    ])
    func hundredKilobytesOfText(_ text: String) {
        #expect(text.utf8.count >= 90_000)
        _ = demoEngine.complete(text: text, cursor: text.count)
        _ = demoEngine.complete(text: text, cursor: text.count / 2)
    }

    /// Edge inputs kept as cases (a `:export ` with the cursor after the space trapped during development).
    @Test(arguments: [
        ":export csv ", // a trailing space after an argument indexed past the end
        ":export ",
        "\\",
        "select * from ((",
        "select * from t join (",
        "\"",
        "e'",
        "$",
        "select 1::",
        ":",
        "::",
    ])
    func foundByFuzzing(_ text: String) {
        _ = demoEngine.complete(text: text, cursor: text.count)
        for cursor in 0...text.count { _ = demoEngine.complete(text: text, cursor: cursor) }
    }
}
