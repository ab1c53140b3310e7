/// Values: strings (in `TOMLParser+Strings.swift`), arrays, inline tables, and the
/// bare tokens — booleans, integers, floats, dates and times.
extension TOMLParser {
    /// The value at `pos`.
    mutating func value() throws(TOMLError) -> TOMLValue {
        guard pos < bytes.count else { throw error(.expected("a value", found: found(at: pos)), at: pos) }
        switch bytes[pos] {
        case UInt8(ascii: "\""), UInt8(ascii: "'"): return .string(try stringValue())
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "{"): return try inlineTable()
        default: return try bareValue()
        }
    }

    /// `[ v, v, ]`: may span lines, hold comments, end with a comma.
    private mutating func array() throws(TOMLError) -> TOMLValue {
        let start = pos
        pos += 1
        var items: [TOMLValue] = []
        while true {
            try skipBlank()
            guard pos < bytes.count else {
                throw error(.expected("']' to close the array opened at line \(position(of: start).line)", found: found(at: pos)), at: pos)
            }
            if peek(0) == UInt8(ascii: "]") {
                pos += 1
                return .array(items)
            }
            items.append(try value())
            try skipBlank()
            guard pos < bytes.count else {
                throw error(.expected("']' to close the array opened at line \(position(of: start).line)", found: found(at: pos)), at: pos)
            }
            switch peek(0) {
            case UInt8(ascii: ","): pos += 1
            case UInt8(ascii: "]"): pos += 1; return .array(items)
            default: throw error(.expected("',' or ']' in the array", found: found(at: pos)), at: pos)
            }
        }
    }

    /// `{ k = v, k.j = v }`: one line, no trailing comma, closed once written.
    private mutating func inlineTable() throws(TOMLError) -> TOMLValue {
        pos += 1
        let section = builder.newSection()
        let table = builder.detachedTable(section: section)
        skipWhitespace()
        if peek(0) == UInt8(ascii: "}") {
            pos += 1
            return .table(TOMLTable())
        }
        while true {
            skipWhitespace()
            if peek(0) == UInt8(ascii: "}") {
                throw error(.expected("a key (an inline table cannot end with a comma)", found: found(at: pos)), at: pos)
            }
            try keyValue(in: table, section: section)
            skipWhitespace()
            switch peek(0) {
            case UInt8(ascii: ","): pos += 1
            case UInt8(ascii: "}"): pos += 1; return .table(builder.table(table))
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                throw error(.expected("',' or '}' (an inline table must be on one line)", found: found(at: pos)), at: pos)
            default:
                throw error(.expected("',' or '}' in the inline table", found: found(at: pos)), at: pos)
            }
        }
    }

    /// A boolean, number, date or time: a run of `[A-Za-z0-9_+-.:]` (a date, a space
    /// and a time count as one run).
    private mutating func bareValue() throws(TOMLError) -> TOMLValue {
        let start = pos
        scanToken()
        if pos - start == 10, Self.looksLikeDate(bytes[start..<pos]), peek(0) == UInt8(ascii: " "),
           let h1 = peek(1), let h2 = peek(2), Self.isDigit(h1), Self.isDigit(h2), peek(3) == UInt8(ascii: ":") {
            pos += 1
            scanToken()
        }
        guard pos > start else { throw error(.expected("a value", found: found(at: pos)), at: pos) }
        let token = Array(bytes[start..<pos])
        let text = String(decoding: token, as: UTF8.self)
        switch text {
        case "true": return .boolean(true)
        case "false": return .boolean(false)
        case "inf", "+inf": return .float(.infinity)
        case "-inf": return .float(-.infinity)
        case "nan", "+nan": return .float(.nan)
        case "-nan": return .float(-Double.nan)
        default: break
        }
        do {
            if Self.looksLikeDate(token[...]) || (token.count >= 3 && Self.isDigit(token[0]) && Self.isDigit(token[1]) && token[2] == UInt8(ascii: ":")) {
                return .dateTime(try TOMLScalars.dateTime(token, text: text))
            }
            if Self.isDigit(token[0]) || token[0] == UInt8(ascii: "+") || token[0] == UInt8(ascii: "-") || token[0] == UInt8(ascii: ".") {
                return try TOMLScalars.number(token, text: text)
            }
        } catch {
            throw self.error(error, at: start)
        }
        throw self.error(.invalidValue(text), at: start)
    }

    private mutating func scanToken() {
        while pos < bytes.count {
            switch bytes[pos] {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "_"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: ":"):
                pos += 1
            default:
                return
            }
        }
    }

    static func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }

    /// Four digits and a dash: a date (or a broken one), not a number.
    static func looksLikeDate(_ t: ArraySlice<UInt8>) -> Bool {
        let t = Array(t)
        return t.count >= 5 && t[0..<4].allSatisfy(isDigit) && t[4] == UInt8(ascii: "-")
    }
}
