import FoundationEssentials

/// A parsed `\copy` command (psql's copy.c): the server-side `COPY … FROM STDIN` or
/// `… TO STDOUT` to send, and where the client reads or writes the data.
public struct ClientCopyRequest: Equatable, Sendable {
    /// Where the data comes from or goes to.
    public enum Endpoint: Equatable, Sendable {
        case file(String)
        /// psql's `stdin`/`stdout`: the script's own input or the query output.
        case scriptStream
        /// psql's `pstdin`/`pstdout`: the process's standard input or output.
        case processStream
        /// `PROGRAM 'command'`: a shell command's output or input.
        case program(String)
    }

    public let isFrom: Bool
    public let endpoint: Endpoint
    /// The statement for the server: `COPY <table/query> FROM STDIN …` or `… TO STDOUT …`.
    public let serverSQL: String

    public struct Problem: Error, Equatable, Sendable {
        public let message: String
    }

    /// Parses the text after `\copy`.
    public static func parse(_ line: String) -> Result<ClientCopyRequest, Problem> {
        let bytes = Array(line.utf8)
        let tokens = SqlTokenizer.tokenize(bytes)
        var depth = 0
        var directionIndex: Int?
        for (i, t) in tokens.enumerated() {
            switch t.kind {
            case .openParen: depth += 1
            case .closeParen: depth -= 1
            case .word where depth == 0 && i > 0:
                let w = String(decoding: bytes[t.start..<t.end], as: UTF8.self).lowercased()
                if w == "from" || w == "to" { directionIndex = i }
            default: break
            }
            if directionIndex != nil { break }
        }
        guard let d = directionIndex, d + 1 < tokens.count else {
            return .failure(Problem(message: "parse error at end of line"))
        }
        func text(_ t: SqlToken) -> String { String(decoding: bytes[t.start..<t.end], as: UTF8.self) }
        let isFrom = text(tokens[d]).lowercased() == "from"
        let subject = String(decoding: bytes[..<tokens[d].start], as: UTF8.self).trimmingBlanks()
        var next = d + 1
        let target = tokens[next]
        let endpoint: Endpoint
        switch (target.kind, text(target).lowercased()) {
        case (.word, "stdin"), (.word, "stdout"): endpoint = .scriptStream
        case (.word, "pstdin"), (.word, "pstdout"): endpoint = .processStream
        case (.word, "program"):
            next += 1
            guard next < tokens.count, tokens[next].kind == .string else {
                return .failure(Problem(message: "PROGRAM needs a quoted command"))
            }
            endpoint = .program(unquote(text(tokens[next])))
        case (.string, _):
            endpoint = .file(unquote(text(target)))
        default:
            // An unquoted file name runs to the next white space (psql's rule).
            var end = target.end
            while end < bytes.count, bytes[end] != 0x20, bytes[end] != 0x09 { end += 1 }
            endpoint = .file(String(decoding: bytes[target.start..<end], as: UTF8.self))
            next = tokens.lastIndex(where: { $0.start < end }) ?? next
        }
        let optionsStart = next + 1 < tokens.count ? tokens[next + 1].start : bytes.count
        let options = String(decoding: bytes[optionsStart...], as: UTF8.self).trimmingBlanks()
        let sql = "COPY \(subject) \(isFrom ? "FROM STDIN" : "TO STDOUT")" + (options.isEmpty ? "" : " " + options)
        return .success(ClientCopyRequest(isFrom: isFrom, endpoint: endpoint, serverSQL: sql))
    }

    private static func unquote(_ s: String) -> String {
        guard s.count >= 2, s.hasPrefix("'"), s.hasSuffix("'") else { return s }
        return String(s.dropFirst().dropLast()).replacingEvery("''", with: "'")
    }
}
