/// A TOML 1.0 reader over UTF-8 bytes, with no Foundation: the document's structure
/// (key-value pairs, `[tables]`, `[[arrays of tables]]`, comments, line ends) here;
/// values in `TOMLParser+Strings.swift` and `TOMLParser+Scalars.swift`; the rules on
/// defining tables in `TOMLTableBuilder`.
///
/// ```swift
/// let table = try TOMLParser.parse("[display]\nborder = 2\n")
/// table["display"]?.table?["border"]   // .integer(2)
/// ```
///
/// Every error is a `TOMLError` with the line and column of the problem. A UTF-8 byte
/// order mark at the start is skipped; a carriage return is only allowed before a line
/// feed; multi-line strings turn CRLF into LF.
public struct TOMLParser {
    /// Parses a document.
    public static func parse(_ text: String) throws(TOMLError) -> TOMLTable {
        try parse(bytes: Array(text.utf8))
    }

    /// Parses a document's bytes (invalid UTF-8 is an error, not replaced).
    public static func parse(bytes: [UInt8]) throws(TOMLError) -> TOMLTable {
        var parser = TOMLParser(bytes: bytes)
        return try parser.document()
    }

    let bytes: [UInt8]
    var pos = 0
    var builder = TOMLTableBuilder()
    /// The path of the table being filled (for messages): the header's, plus the keys
    /// of the inline tables being read.
    var tablePath: [String] = []

    init(bytes: [UInt8]) { self.bytes = bytes }

    private mutating func document() throws(TOMLError) -> TOMLTable {
        if let bad = UTF8Check.firstInvalidByte(in: bytes) { throw error(.invalidUTF8, at: bad) }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { pos = 3 }
        var table = TOMLTableBuilder.root
        var section = 0
        while true {
            skipWhitespace()
            guard pos < bytes.count else { break }
            switch bytes[pos] {
            case UInt8(ascii: "#"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                try lineEnd(after: "")
            case UInt8(ascii: "["):
                (table, section, tablePath) = try header()
                try lineEnd(after: "the table header")
            default:
                try keyValue(in: table, section: section)
                try lineEnd(after: "the value")
            }
        }
        return builder.table(TOMLTableBuilder.root)
    }

    /// `[a.b]` or `[[a.b]]`: the table it opens and its new section.
    private mutating func header() throws(TOMLError) -> (table: Int, section: Int, path: [String]) {
        let isArray = peek(1) == UInt8(ascii: "[")
        pos += isArray ? 2 : 1
        skipWhitespace()
        let keyStart = pos
        let path = try key()
        skipWhitespace()
        if isArray {
            guard peek(0) == UInt8(ascii: "]"), peek(1) == UInt8(ascii: "]") else {
                throw error(.expected("']]' to close the array-of-tables header", found: found(at: pos)), at: pos)
            }
            pos += 2
        } else {
            guard peek(0) == UInt8(ascii: "]") else {
                throw error(.expected("']' to close the table header", found: found(at: pos)), at: pos)
            }
            pos += 1
        }
        let section = builder.newSection()
        do {
            let table = isArray ? try builder.appendTable(path) : try builder.defineTable(path)
            return (table, section, path)
        } catch {
            throw self.error(error, at: keyStart)
        }
    }

    /// `key = value` (the key may be dotted), assigned in `table`.
    mutating func keyValue(in table: Int, section: Int) throws(TOMLError) {
        let keyStart = pos
        let path = try key()
        skipWhitespace()
        guard peek(0) == UInt8(ascii: "=") else {
            throw error(.expected("'=' after the key", found: found(at: pos)), at: pos)
        }
        pos += 1
        skipWhitespace()
        let outer = tablePath
        tablePath = outer + path
        let value = try self.value()
        tablePath = outer
        do {
            try builder.assign(path, value, in: table, section: section, prefix: outer)
        } catch {
            throw self.error(error, at: keyStart)
        }
    }

    /// A key: bare or quoted parts joined by dots (whitespace around the dots allowed).
    mutating func key() throws(TOMLError) -> [String] {
        var path: [String] = []
        while true {
            skipWhitespace()
            path.append(try simpleKey())
            skipWhitespace()
            guard peek(0) == UInt8(ascii: ".") else { return path }
            pos += 1
        }
    }

    private mutating func simpleKey() throws(TOMLError) -> String {
        guard pos < bytes.count else { throw error(.expected("a key", found: found(at: pos)), at: pos) }
        let c = bytes[pos]
        if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
            if peek(1) == c && peek(2) == c {
                throw error(.expected("a key (a multi-line string cannot be one)", found: found(at: pos)), at: pos)
            }
            return c == UInt8(ascii: "\"") ? try basicString() : try literalString()
        }
        let start = pos
        while pos < bytes.count && Self.isBareKeyByte(bytes[pos]) { pos += 1 }
        guard pos > start else { throw error(.expected("a key", found: found(at: pos)), at: pos) }
        return String(decoding: bytes[start..<pos], as: UTF8.self)
    }

    static func isBareKeyByte(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }

    /// What may follow a statement: whitespace, a comment, then a line end or the end
    /// of the file.
    private mutating func lineEnd(after what: String) throws(TOMLError) {
        skipWhitespace()
        if peek(0) == UInt8(ascii: "#") { try comment() }
        guard pos < bytes.count else { return }
        guard try newline() else {
            throw error(.expected("the end of the line after \(what)", found: found(at: pos)), at: pos)
        }
    }

    // MARK: Whitespace, comments, newlines

    mutating func skipWhitespace() {
        while pos < bytes.count && (bytes[pos] == UInt8(ascii: " ") || bytes[pos] == UInt8(ascii: "\t")) { pos += 1 }
    }

    /// Consumes a line end (LF or CRLF); false when there is none here.
    mutating func newline() throws(TOMLError) -> Bool {
        guard pos < bytes.count else { return false }
        if bytes[pos] == UInt8(ascii: "\n") { pos += 1; return true }
        if bytes[pos] == UInt8(ascii: "\r") {
            guard peek(1) == UInt8(ascii: "\n") else { throw error(.bareCarriageReturn, at: pos) }
            pos += 2
            return true
        }
        return false
    }

    /// `# …` up to (not including) the line end; control characters are refused.
    mutating func comment() throws(TOMLError) {
        pos += 1
        while pos < bytes.count {
            let c = bytes[pos]
            if c == UInt8(ascii: "\n") { return }
            if c == UInt8(ascii: "\r") {
                guard peek(1) == UInt8(ascii: "\n") else { throw error(.bareCarriageReturn, at: pos) }
                return
            }
            if (c < 0x20 && c != UInt8(ascii: "\t")) || c == 0x7F {
                throw error(.controlCharacter(UInt32(c), context: "a comment"), at: pos)
            }
            pos += 1
        }
    }

    /// Whitespace, comments and line ends (inside arrays).
    mutating func skipBlank() throws(TOMLError) {
        while true {
            skipWhitespace()
            if peek(0) == UInt8(ascii: "#") { try comment() }
            guard try newline() else { return }
        }
    }

    // MARK: Positions and errors

    func peek(_ offset: Int) -> UInt8? {
        pos + offset < bytes.count ? bytes[pos + offset] : nil
    }

    /// What is at `offset`, in words: "the end of the file", "the end of the line", "'x'".
    func found(at offset: Int) -> String {
        guard offset < bytes.count else { return "the end of the file" }
        let c = bytes[offset]
        if c == UInt8(ascii: "\n") || c == UInt8(ascii: "\r") { return "the end of the line" }
        if c < 0x20 || c == 0x7F { return "control character U+00" + (c < 0x10 ? "0" : "") + String(c, radix: 16, uppercase: true) }
        var end = offset + 1
        while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end += 1 }
        let text = String(decoding: bytes[offset..<end], as: UTF8.self)
        return c == UInt8(ascii: "'") ? "\"'\"" : "'\(text)'"
    }

    /// An error at byte `offset`, with its line and column (in characters).
    func error(_ reason: TOMLError.Reason, at offset: Int) -> TOMLError {
        let (line, column) = position(of: offset)
        return TOMLError(line: line, column: column, reason: reason)
    }

    /// The 1-based line and column (in characters) of byte `offset`.
    func position(of offset: Int) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        let end = min(offset, bytes.count)
        for i in 0..<end where bytes[i] == UInt8(ascii: "\n") {
            line += 1
            lineStart = i + 1
        }
        var column = 1
        for i in lineStart..<end where bytes[i] & 0xC0 != 0x80 { column += 1 }
        return (line, column)
    }
}
