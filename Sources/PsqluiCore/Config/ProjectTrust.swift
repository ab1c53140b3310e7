import Foundation
import PsqluiPluginAPI
import TOMLKit

/// `psqlui --trust-project DIR`: adds DIR to the user config's top-level
/// `trusted_projects`, creating the file if needed and keeping everything else in it
/// (comments, order, other settings) as it was.
public enum ProjectTrust {
    /// Why trust could not be recorded.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Records trust in `directory` (made absolute, symlinks resolved) in the config
    /// at `configPath`. Returns the directory as recorded.
    @discardableResult
    public static func trust(directory: String, configPath: String) throws -> String {
        let dir = URL(fileURLWithPath: directory).resolvingSymlinksInPath().standardizedFileURL.path
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
            throw Failure(description: "\(directory) is not a directory")
        }
        let old = FileManager.default.contents(atPath: configPath).map { String(decoding: $0, as: UTF8.self) } ?? ""
        let new = try addingTrust(dir, to: old, path: configPath)
        if new != old {
            try FileManager.default.createDirectory(atPath: (configPath as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try Data(new.utf8).write(to: URL(fileURLWithPath: configPath), options: .atomic)
        }
        return dir
    }

    /// `text` with `dir` added to `trusted_projects` (unchanged when already there).
    /// Only the `trusted_projects` assignment is rewritten; a file without one gets it
    /// as its first line, where top-level keys must be.
    public static func addingTrust(_ dir: String, to text: String, path: String) throws -> String {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw Failure(description: "\(path):\(error.source.begin.line):\(error.source.begin.column): \(error.description); fix it first")
        }
        var current: [String] = []
        if let existing = table["trusted_projects"] {
            guard let array = existing.array else { throw Failure(description: "\(path): trusted_projects is not an array; fix it first") }
            current = array.compactMap { $0.string }
        }
        if current.contains(dir) { return text }
        let assignment = "trusted_projects = " + ConfigStore.tomlText(.array((current + [dir]).map { .string($0) }))
        guard table["trusted_projects"] != nil, let range = assignmentRange(in: text) else {
            return assignment + "\n" + text
        }
        return String(text[..<range.lowerBound]) + assignment + String(text[range.upperBound...])
    }

    /// The text of the top-level `trusted_projects = [...]` assignment (through its
    /// closing bracket), which may span lines.
    static func assignmentRange(in text: String) -> Range<String.Index>? {
        var lineStart = text.startIndex
        while lineStart < text.endIndex {
            let lineEnd = text[lineStart...].firstIndex(of: "\n") ?? text.endIndex
            let line = text[lineStart..<lineEnd].drop { $0 == " " || $0 == "\t" }
            if line.hasPrefix("[") { return nil }  // a table header: past the top level
            if line.hasPrefix("trusted_projects") || line.hasPrefix("\"trusted_projects\""),
               let open = text[lineStart..<lineEnd].firstIndex(of: "["),
               let close = closingBracket(in: text, from: open) {
                return line.startIndex..<text.index(after: close)
            }
            lineStart = lineEnd < text.endIndex ? text.index(after: lineEnd) : text.endIndex
        }
        return nil
    }

    /// The `]` matching the `[` at `open`, skipping strings and comments.
    private static func closingBracket(in text: String, from open: String.Index) -> String.Index? {
        var depth = 0
        var quote: Character?
        var inComment = false
        var i = open
        while i < text.endIndex {
            let c = text[i]
            if inComment {
                if c == "\n" { inComment = false }
            } else if let q = quote {
                if c == "\\" && q == "\"" { i = text.index(after: i) } else if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "#" {
                inComment = true
            } else if c == "[" {
                depth += 1
            } else if c == "]" {
                depth -= 1
                if depth == 0 { return i }
            }
            if i < text.endIndex { i = text.index(after: i) }
        }
        return nil
    }
}
