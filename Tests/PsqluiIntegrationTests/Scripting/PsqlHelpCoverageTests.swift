import Foundation
import PsqluiCore
@testable import PsqluiREPL
import Testing

/// Issue 11's `\?` figure: every meta-command live psql 15 lists in `\?` is a name in
/// psqlui's command table, each of its option letters (`\df[anptw][S+]`) included.
@Suite struct PsqlHelpCoverageTests {
    /// A `\?` entry: the base name and the option letters its brackets allow
    /// (`\c[onnect]` is two names, `\connect` and `\c`).
    struct Entry: Hashable {
        var names: [String]
        var letters: [Character]
    }

    /// The entries of psql's `\?` text: lines starting `  \`, their first word.
    static func entries(_ help: String) -> [Entry] {
        var seen: Set<Entry> = []
        var result: [Entry] = []
        for line in help.split(separator: "\n") where line.hasPrefix("  \\") {
            let word = line.dropFirst(2).prefix { $0 != " " }
            var base = "", letters: [Character] = [], longName: String? = nil
            var inBracket = false, bracket = ""
            for ch in word {
                if ch == "[" { inBracket = true; bracket = ""; continue }
                if ch == "]" {
                    inBracket = false
                    // `[onnect]` completes the name; `[S+]`, `[anptw]` are option letters.
                    if bracket.allSatisfy(\.isLowercase) && bracket.count > 3 { longName = base + bracket } else { letters += bracket }
                    continue
                }
                if inBracket { bracket.append(ch) } else { base.append(ch) }
            }
            let entry = Entry(names: [base] + (longName.map { [$0] } ?? []), letters: letters)
            if seen.insert(entry).inserted { result.append(entry) }
        }
        return result
    }

    @Test func everyMetaCommandOfPsqlsHelpIsInTheCommandTable() throws {
        let help = try TestServer.psql(["-X", "-c", "\\?"], database: "postgres", extraEnv: ["PAGER": "", "PSQL_PAGER": ""])
        let entries = Self.entries(help.out)
        #expect(entries.count > 90, "psql's \\? lists \(entries.count) entries:\n\(help.out)\(help.err)")
        let table = HostCommands.table(plugins: PluginRegistry())
        var missing: [String] = []
        for entry in entries {
            for name in entry.names where table.entry(named: name) == nil { missing.append(name) }
            for letter in entry.letters where table.entry(named: entry.names[0] + String(letter)) == nil {
                missing.append(entry.names[0] + String(letter))
            }
        }
        let names = Set(entries.flatMap(\.names))
        print("psql 15 \\? meta-commands: \(names.count), in psqlui's command table: \(names.count - Set(missing).intersection(names).count)")
        #expect(missing.isEmpty, "not in psqlui's command table: \(missing)")
    }
}
