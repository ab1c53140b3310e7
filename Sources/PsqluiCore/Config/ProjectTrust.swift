import Glibc
import PsqluiPluginAPI

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
        guard let resolved = realpath(directory, nil) else { throw Failure(description: "\(directory) is not a directory") }
        let dir = String(cString: resolved)
        free(resolved)
        guard FileContents.isDirectory(dir) else { throw Failure(description: "\(directory) is not a directory") }
        let old: String
        do {
            old = try FileContents.read(configPath).map { String(decoding: $0, as: UTF8.self) } ?? ""
        } catch {
            throw Failure(description: FileError(path: configPath, errno: error.code).description)
        }
        let new = try addingTrust(dir, to: old, path: configPath)
        if new != old {
            do {
                try FileContents.createDirectories(FileContents.directory(of: configPath))
                try FileContents.writeAtomically(configPath, Array(new.utf8), mode: FileContents.mode(of: configPath) ?? 0o644)
            } catch {
                throw Failure(description: FileError(path: error.path, errno: error.code).description)
            }
        }
        return dir
    }

    /// `text` with `dir` added to `trusted_projects` (unchanged when already there).
    /// Only the `trusted_projects` assignment is rewritten; a file without one gets it
    /// as its first line, where top-level keys must be.
    public static func addingTrust(_ dir: String, to text: String, path: String) throws -> String {
        let table: TOMLTable
        do {
            table = try TOMLParser.parse(text)
        } catch {
            throw Failure(description: "\(path):\(error.line):\(error.column): \(error.problem); fix it first")
        }
        var current: [String] = []
        if let existing = table["trusted_projects"] {
            guard let array = existing.array else { throw Failure(description: "\(path): trusted_projects is not an array; fix it first") }
            current = array.compactMap { $0.string }
        }
        if current.contains(dir) { return text }
        let assignment = "trusted_projects = " + TOMLWriter.value(.array((current + [dir]).map { .string($0) }))
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
