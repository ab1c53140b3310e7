import Foundation
import PsqluiPluginAPI

/// Where an export's bytes go: the query output (stdout or `\o`), a file
/// (`> FILE`), the end of a file (`>> FILE`), or a shell pipeline (`| CMD`, run by
/// `/bin/sh -c` with its stdin on a pipe from psqlui).
public enum ExportDestination: Equatable, Sendable {
    case queryOutput
    case file(path: String, append: Bool)
    case pipeline(command: String)

    /// How the destination is named in messages and the progress summary.
    public var displayName: String {
        switch self {
        case .queryOutput: return "stdout"
        case .file(let path, _): return path
        case .pipeline(let command): return "| " + command
        }
    }

    /// Splits `:export` arguments into the part before the destination (format and
    /// options) and the destination. The first `>`, `>>` or `|` outside quotes starts
    /// the destination; everything after `|` is the shell command, verbatim.
    public static func split(_ arguments: String) throws -> (head: String, destination: ExportDestination) {
        let chars = Array(arguments)
        var quote: Character?
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "'" || c == "\"" {
                quote = c
            } else if c == "|" || c == ">" {
                let head = String(chars[..<i])
                var rest = String(chars[(i + 1)...])
                if c == "|" {
                    let command = rest.trimmingCharacters(in: .whitespaces)
                    guard !command.isEmpty else { throw DestinationError(message: "| needs a shell command") }
                    return (head, .pipeline(command: command))
                }
                let append = rest.hasPrefix(">")
                if append { rest.removeFirst() }
                let words = MetaCommandArguments.split(Array(rest.utf8), grammar: .words, variables: nil)
                guard words.count == 1 else {
                    throw DestinationError(message: words.isEmpty ? "\(append ? ">>" : ">") needs a file name" : "one file name expected after \(append ? ">>" : ">"), got \(words.count) words")
                }
                return (head, .file(path: (words[0] as NSString).expandingTildeInPath, append: append))
            }
            i += 1
        }
        return (arguments, .queryOutput)
    }

    /// A destination that cannot be used, with the reason.
    public struct DestinationError: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }
}
