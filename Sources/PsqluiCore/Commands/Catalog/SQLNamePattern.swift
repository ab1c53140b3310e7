import FoundationEssentials
/// psql's object-name patterns (`ord*`, `sales.*`, `"MixedCase"`, `*.x`) turned into
/// the SQL conditions psql's `processSQLNamePattern` produces, so a listing shows the
/// same objects as psql for the same pattern.
///
/// Rules (as psql 15 measures): outside double quotes letters fold to lower case, `*`
/// is `.*`, `?` is `.`, `.` separates database, schema and name; inside quotes text is
/// literal (`""` is one quote) and regex characters are escaped. `$` is always
/// escaped, and so is `[` right before `]`. Other regex characters outside quotes keep
/// their regex meaning.
public struct SQLNamePattern: Equatable, Sendable {
    /// The regex for the database part (`db.schema.name`), when given.
    public var databaseRegex: String?
    /// The regex for the schema part, when given.
    public var schemaRegex: String?
    /// The regex for the name part (nil for an empty pattern).
    public var nameRegex: String?

    /// Why a pattern cannot be used.
    public enum Problem: Error, Equatable, CustomStringConvertible {
        case tooManyDots(String)
        case crossDatabase(String)
        public var description: String {
            switch self {
            case .tooManyDots(let p): return "improper qualified name (too many dotted names): \(p)"
            case .crossDatabase(let p): return "cross-database references are not implemented: \(p)"
            }
        }
    }

    /// Splits and translates `pattern`; `maxParts` is 2 (schema.name) or 3 (db too),
    /// as psql allows for the command. `escapingRegex`: regex characters are literal
    /// outside quotes too (`\do ||`: operator names are made of them); `*`, `?` and `.`
    /// keep their pattern meaning.
    public static func parse(_ pattern: String, maxParts: Int = 3, escapingRegex: Bool = false) throws -> SQLNamePattern {
        var parts: [String] = [""]
        var inQuotes = false
        let chars = Array(pattern.unicodeScalars)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "\"" {
                if inQuotes, i + 1 < chars.count, chars[i + 1] == "\"" {
                    parts[parts.count - 1].append("\"")
                    i += 1
                } else {
                    inQuotes.toggle()
                }
            } else if !inQuotes, c.properties.isUppercase, c.isASCII {
                parts[parts.count - 1].unicodeScalars.append(contentsOf: String(c).lowercased().unicodeScalars)
            } else if !inQuotes, c == "*" {
                parts[parts.count - 1] += ".*"
            } else if !inQuotes, c == "?" {
                parts[parts.count - 1] += "."
            } else if !inQuotes, c == "." {
                parts.append("")
            } else if c == "$" {
                parts[parts.count - 1] += "\\$"
            } else if !inQuotes, c == "[", i + 1 < chars.count, chars[i + 1] == "]" {
                // `[]` is literal (array type names such as `aclitem[]`); `[` before
                // anything else starts a regex class.
                parts[parts.count - 1] += "\\["
            } else {
                if inQuotes || escapingRegex, "|*+?()[]{}.^\\".unicodeScalars.contains(c) { parts[parts.count - 1] += "\\" }
                parts[parts.count - 1].unicodeScalars.append(c)
            }
            i += 1
        }
        if parts.count > maxParts { throw Problem.tooManyDots(pattern) }
        var result = SQLNamePattern()
        guard !pattern.isEmpty else { return result }
        let wrapped = parts.map { "^(" + $0 + ")$" }
        result.nameRegex = wrapped[wrapped.count - 1]
        if wrapped.count >= 2 { result.schemaRegex = wrapped[wrapped.count - 2] }
        if wrapped.count == 3 { result.databaseRegex = wrapped[0] }
        return result
    }

    /// The `AND …` lines psql adds for `pattern` (each line starts with two spaces and
    /// `AND`), checking the database part against `currentDatabase`. `visibility` is
    /// added when no schema is given; `alternateName` is OR-ed with `name` (as `\dT`
    /// does with `format_type`).
    public static func conditions(_ pattern: String?, schema: String?, name: String, alternateName: String? = nil,
                                  visibility: String?, currentDatabase: String? = nil, maxParts: Int = 3,
                                  escapingRegex: Bool = false) throws -> [String] {
        guard let pattern else { return visibility.map { [$0] } ?? [] }
        let parsed = try parse(pattern, maxParts: maxParts, escapingRegex: escapingRegex)
        if let db = parsed.databaseRegex, let current = currentDatabase,
           db != "^(.*)$", db != "^(" + regexLiteral(current) + ")$", db.lowercased() != "^(" + current.lowercased() + ")$" {
            throw Problem.crossDatabase(pattern)
        }
        var lines: [String] = []
        if let n = parsed.nameRegex, n != "^(.*)$" {
            let lit = literal(n)
            if let alt = alternateName {
                lines.append("(\(name) OPERATOR(pg_catalog.~) \(lit) COLLATE pg_catalog.default\n        OR \(alt) OPERATOR(pg_catalog.~) \(lit) COLLATE pg_catalog.default)")
            } else {
                lines.append("\(name) OPERATOR(pg_catalog.~) \(lit) COLLATE pg_catalog.default")
            }
        }
        if let s = parsed.schemaRegex {
            if s != "^(.*)$", let schema { lines.append("\(schema) OPERATOR(pg_catalog.~) \(literal(s)) COLLATE pg_catalog.default") }
        } else if let visibility {
            lines.append(visibility)
        }
        return lines
    }

    /// A SQL string literal for `text`, in psql's form: `E'…'` with doubled backslashes
    /// when the text has a backslash.
    public static func literal(_ text: String) -> String {
        var body = text.replacingEvery("'", with: "''")
        if body.contains("\\") {
            body = body.replacingEvery("\\", with: "\\\\")
            return "E'" + body + "'"
        }
        return "'" + body + "'"
    }

    private static func regexLiteral(_ s: String) -> String { s }
}

extension SQLNamePattern {
    /// True when `pattern` names no schema (no dot outside double quotes).
    public static func isSchemaless(_ pattern: String) -> Bool {
        var inQuotes = false
        for c in pattern {
            if c == "\"" { inQuotes.toggle() } else if c == ".", !inQuotes { return false }
        }
        return true
    }
}

extension SQLNamePattern {
    /// Throws psql's error for a `db.schema.name` pattern naming another database.
    /// As psql, the first of `maxParts` parts is the database (`db.schema.name` for 3).
    /// For the listings that take `db.name` (`\dn`, `\dL`) psql 15 compares that
    /// database part with an empty name, so any two-part pattern is refused as
    /// cross-database (measured: `\dn postgres.public` in database postgres).
    public static func validate(_ pattern: String, currentDatabase: String, maxParts: Int = 3) throws {
        let parsed = try parse(pattern, maxParts: maxParts)
        let parts = [parsed.databaseRegex, parsed.schemaRegex, parsed.nameRegex].compactMap { $0 }
        guard maxParts > 1, parts.count == maxParts else { return }
        if maxParts < 3 || parts[0] != "^(" + currentDatabase + ")$" { throw Problem.crossDatabase(pattern) }
    }
}
