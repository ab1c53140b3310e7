import Foundation

/// DESIGN's rule for colon commands: after optional whitespace, `:` then a
/// *registered* command name or alias, then a space or the end of the line.
/// Anything else (`::int`, `:=`, `:'var'`, `:name`) is SQL.
public enum ColonCommandMatcher {
    /// The command name and the rest of the line, or nil when the line is SQL.
    public static func match(_ line: [UInt8], isRegistered: (String) -> Bool) -> (name: String, arguments: String)? {
        var i = 0
        while i < line.count, line[i] == UInt8(ascii: " ") || line[i] == UInt8(ascii: "\t") { i += 1 }
        guard i < line.count, line[i] == UInt8(ascii: ":") else { return nil }
        i += 1
        let nameStart = i
        while i < line.count, line[i] != UInt8(ascii: " "), line[i] != UInt8(ascii: "\t") { i += 1 }
        guard i > nameStart else { return nil }
        let name = String(decoding: line[nameStart..<i], as: UTF8.self)
        guard isRegistered(name) else { return nil }
        let rest = String(decoding: line[i...], as: UTF8.self).trimmingCharacters(in: .whitespaces)
        return (name, rest)
    }
}
