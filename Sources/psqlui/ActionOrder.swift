import PsqluiREPL

/// Recovers the order of `-c` and `-f` options, which psql runs as given
/// (swift-argument-parser collects them into two arrays and loses it).
enum ActionOrder {
    /// Short options of psql that take a value: the rest of the word (or the next
    /// word) is that value, never more options.
    static let shortWithValue: Set<Character> = ["h", "p", "U", "d", "c", "f", "v", "F", "R", "P", "o", "T", "L"]

    static func ordered(commands: [String], files: [String], argv: [String]) -> [LaunchOptions.Action] {
        var kinds: [Character] = []
        var i = 0
        while i < argv.count {
            let word = argv[i]
            i += 1
            if word == "--" { break }
            if word.hasPrefix("--") {
                let name = word.dropFirst(2).split(separator: "=", maxSplits: 1).first.map(String.init) ?? ""
                if name == "command" { kinds.append("c") }
                if name == "file" { kinds.append("f") }
                if !word.contains("="), ["command", "file", "host", "port", "username", "dbname", "set", "variable",
                                         "field-separator", "record-separator", "pset", "output", "format", "complete", "cursor"].contains(name) {
                    i += 1
                }
                continue
            }
            guard word.hasPrefix("-"), word.count > 1 else { continue }
            var chars = word.dropFirst()
            while let ch = chars.first {
                chars = chars.dropFirst()
                if shortWithValue.contains(ch) {
                    if ch == "c" || ch == "f" { kinds.append(ch) }
                    if chars.isEmpty { i += 1 }
                    break
                }
            }
        }
        var c = commands.makeIterator(), f = files.makeIterator()
        var actions: [LaunchOptions.Action] = []
        for kind in kinds {
            if kind == "c", let next = c.next() { actions.append(.command(next)) }
            if kind == "f", let next = f.next() { actions.append(.file(next)) }
        }
        while let next = c.next() { actions.append(.command(next)) }
        while let next = f.next() { actions.append(.file(next)) }
        return actions
    }
}
