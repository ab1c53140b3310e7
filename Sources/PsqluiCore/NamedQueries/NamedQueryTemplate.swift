import FoundationEssentials

/// A named query's positional parameters, as pgcli's named queries have them:
/// `$1`, `$2`, … take the arguments in order, `$*` the rest joined by `, `, and
/// `$@` the rest as string literals joined by `, ` (`'a', 'b'`). A placeholder
/// is replaced wherever it appears, inside string literals too (`'$1%'`); `$`
/// after an identifier character (`a$1`) or before another `$` (`$$`) is not one.
public enum NamedQueryTemplate {
    /// One placeholder in a query.
    enum Placeholder: Equatable {
        case position(Int)
        /// `$*`
        case rest
        /// `$@`
        case restQuoted
    }

    /// The placeholders of `query` with their byte ranges, in order.
    static func placeholders(_ query: [UInt8]) -> [(range: Range<Int>, placeholder: Placeholder)] {
        var out: [(Range<Int>, Placeholder)] = []
        var i = 0
        while i < query.count {
            defer { i += 1 }
            guard query[i] == UInt8(ascii: "$"), i + 1 < query.count else { continue }
            if i > 0, isIdentifierByte(query[i - 1]) { continue }
            let next = query[i + 1]
            if next == UInt8(ascii: "*") { out.append((i..<i + 2, .rest)); i += 1; continue }
            if next == UInt8(ascii: "@") { out.append((i..<i + 2, .restQuoted)); i += 1; continue }
            var j = i + 1
            var n = 0
            while j < query.count, query[j] >= 0x30, query[j] <= 0x39, n < 100_000 { n = n * 10 + Int(query[j] - 0x30); j += 1 }
            guard j > i + 1, n > 0 else { continue }
            out.append((i..<j, .position(n)))
            i = j - 1
        }
        return out
    }

    static func isIdentifierByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "_") || b >= 0x80
    }

    /// True when `query` has any placeholder (else it takes no arguments).
    public static func hasPlaceholders(_ query: String) -> Bool { !placeholders(Array(query.utf8)).isEmpty }

    /// `query` with its placeholders replaced by `arguments`. Throws
    /// `NamedQueryError.missingArgument` when an argument is missing and
    /// `.unusedArgument` when one would be left over.
    public static func substitute(_ query: String, arguments: [String]) throws -> String {
        let bytes = Array(query.utf8)
        let found = placeholders(bytes)
        let positions = found.compactMap { if case .position(let n) = $0.placeholder { return n } else { return nil } }
        let highest = positions.max() ?? 0
        let takesRest = found.contains { $0.placeholder == .rest || $0.placeholder == .restQuoted }
        if arguments.count < highest {
            let missing = positions.filter { $0 > arguments.count }.min() ?? highest
            throw NamedQueryError.missingArgument(placeholder: "$\(missing)", query: query)
        }
        let rest = Array(arguments.dropFirst(highest))
        if !takesRest, !rest.isEmpty { throw NamedQueryError.unusedArgument(position: highest + 1, query: query) }
        if takesRest, rest.isEmpty {
            let which = found.first { $0.placeholder == .rest || $0.placeholder == .restQuoted }!
            throw NamedQueryError.missingArgument(placeholder: which.placeholder == .rest ? "$*" : "$@", query: query)
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var p = 0
        for (range, placeholder) in found {
            out += bytes[p..<range.lowerBound]
            switch placeholder {
            case .position(let n): out += Array(arguments[n - 1].utf8)
            case .rest: out += Array(rest.joined(separator: ", ").utf8)
            case .restQuoted: out += Array(rest.map(literal).joined(separator: ", ").utf8)
            }
            p = range.upperBound
        }
        out += bytes[p...]
        return String(decoding: out, as: UTF8.self)
    }

    /// A SQL string literal: `'it''s'`.
    static func literal(_ s: String) -> String { "'" + s.replacingEvery("'", with: "''") + "'" }
}
