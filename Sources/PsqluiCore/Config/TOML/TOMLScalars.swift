/// TOML's bare scalars from their token's bytes: integers (decimal, `0x`, `0o`, `0b`,
/// underscores between digits), floats, and RFC 3339 dates and times. Pure functions;
/// errors say which rule the text breaks.
enum TOMLScalars {
    private static let underscore = UInt8(ascii: "_")

    /// An integer or float.
    static func number(_ t: [UInt8], text: String) throws(TOMLError.Reason) -> TOMLValue {
        var i = 0
        var negative = false
        if t[0] == UInt8(ascii: "+") || t[0] == UInt8(ascii: "-") {
            negative = t[0] == UInt8(ascii: "-")
            i = 1
        }
        guard i < t.count else { throw .invalidNumber(text, why: "a sign must be followed by digits") }
        if t[i] == UInt8(ascii: "0"), i + 1 < t.count, let radix = radix(t[i + 1]) {
            guard i == 0 else { throw .invalidNumber(text, why: "a sign is not allowed before 0x, 0o or 0b") }
            return .integer(try radixInteger(t, from: 2, radix: radix, text: text))
        }
        let intEnd = try digits(t, from: i, text: text, part: "the number")
        if intEnd - i > 1 && t[i] == UInt8(ascii: "0") {
            throw .invalidNumber(text, why: "leading zeros are not allowed")
        }
        var end = intEnd
        var isFloat = false
        if end < t.count && t[end] == UInt8(ascii: ".") {
            isFloat = true
            guard end + 1 < t.count, TOMLParser.isDigit(t[end + 1]) else {
                throw .invalidNumber(text, why: "a decimal point must have digits on both sides")
            }
            end = try digits(t, from: end + 1, text: text, part: "the fraction")
        }
        if end < t.count && (t[end] == UInt8(ascii: "e") || t[end] == UInt8(ascii: "E")) {
            isFloat = true
            var e = end + 1
            if e < t.count && (t[e] == UInt8(ascii: "+") || t[e] == UInt8(ascii: "-")) { e += 1 }
            guard e < t.count, TOMLParser.isDigit(t[e]) else { throw .invalidNumber(text, why: "an exponent needs digits") }
            end = try digits(t, from: e, text: text, part: "the exponent")
        }
        guard end == t.count else {
            let rest = String(decoding: t[end...], as: UTF8.self)
            throw .invalidNumber(text, why: rest.first == "." && isFloat ? "more than one decimal point" : "unexpected \"\(rest)\"")
        }
        let clean = String(decoding: t.filter { $0 != underscore }, as: UTF8.self)
        if isFloat {
            guard let d = Double(clean) else { throw .invalidNumber(text, why: "not a float") }
            return .float(d)
        }
        var value = 0
        for c in t[i...] where c != underscore {
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.subtractingReportingOverflow(Int(c - UInt8(ascii: "0")))
            guard !o1 && !o2 else { throw .integerOutOfRange(text) }
            value = s
        }
        if !negative {
            guard value != Int.min else { throw .integerOutOfRange(text) }
            value = -value
        }
        return .integer(value)
    }

    private static func radix(_ c: UInt8) -> Int? {
        switch c {
        case UInt8(ascii: "x"): return 16
        case UInt8(ascii: "o"): return 8
        case UInt8(ascii: "b"): return 2
        default: return nil
        }
    }

    private static func radixInteger(_ t: [UInt8], from start: Int, radix: Int, text: String) throws(TOMLError.Reason) -> Int {
        let name = radix == 16 ? "hexadecimal" : radix == 8 ? "octal" : "binary"
        guard start < t.count else { throw .invalidNumber(text, why: "\(name) digits must follow the prefix") }
        var value = 0
        var previous: UInt8 = underscore
        for c in t[start...] {
            if c == underscore {
                guard previous != underscore else { throw .invalidNumber(text, why: "an underscore must be between two digits") }
                previous = c
                continue
            }
            guard let d = TOMLParser.hexDigit(c), Int(d) < radix else {
                throw .invalidNumber(text, why: "\(String(decoding: [c], as: UTF8.self)) is not a \(name) digit")
            }
            let (m, o1) = value.multipliedReportingOverflow(by: radix)
            let (s, o2) = m.addingReportingOverflow(Int(d))
            guard !o1 && !o2 else { throw .integerOutOfRange(text) }
            value = s
            previous = c
        }
        guard previous != underscore else { throw .invalidNumber(text, why: "an underscore must be between two digits") }
        return value
    }

    /// The end of a run of decimal digits starting at `start` (a digit), with
    /// underscores only between digits.
    private static func digits(_ t: [UInt8], from start: Int, text: String, part: String) throws(TOMLError.Reason) -> Int {
        guard start < t.count, TOMLParser.isDigit(t[start]) else {
            throw .invalidNumber(text, why: start < t.count && t[start] == underscore
                                 ? "an underscore must be between two digits" : "\(part) must start with a digit")
        }
        var i = start + 1
        while i < t.count {
            if TOMLParser.isDigit(t[i]) {
                i += 1
            } else if t[i] == underscore {
                guard i + 1 < t.count, TOMLParser.isDigit(t[i + 1]) else {
                    throw .invalidNumber(text, why: "an underscore must be between two digits")
                }
                i += 1
            } else {
                break
            }
        }
        return i
    }

    // MARK: Dates and times

    /// `1979-05-27`, `07:32:00.999`, `1979-05-27T07:32:00`, `1979-05-27T07:32:00-07:00`
    /// (`t` and `z` also in lower case; the parser has already turned a space
    /// separator into part of the token).
    static func dateTime(_ t: [UInt8], text: String) throws(TOMLError.Reason) -> TOMLDateTime {
        var i = 0
        var date: TOMLDateTime.Date?
        if TOMLParser.looksLikeDate(t[...]) {
            date = try parseDate(t, text: text)
            i = 10
            if i == t.count { return TOMLDateTime(date: date, time: nil) }
            guard t[i] == UInt8(ascii: "T") || t[i] == UInt8(ascii: "t") || t[i] == UInt8(ascii: " ") else {
                throw .invalidDateTime(text, why: "expected T or a space between the date and the time")
            }
            i += 1
        }
        let (time, end) = try parseTime(t, from: i, text: text)
        i = end
        guard i < t.count else { return TOMLDateTime(date: date, time: time) }
        guard date != nil else { throw .invalidDateTime(text, why: "a local time cannot have an offset") }
        if (t[i] == UInt8(ascii: "Z") || t[i] == UInt8(ascii: "z")) && i + 1 == t.count {
            return TOMLDateTime(date: date, time: time, offsetMinutes: 0)
        }
        guard t[i] == UInt8(ascii: "+") || t[i] == UInt8(ascii: "-"), t.count - i == 6, t[i + 3] == UInt8(ascii: ":"),
              let h = twoDigits(t, i + 1), let m = twoDigits(t, i + 4) else {
            throw .invalidDateTime(text, why: "the offset must be Z or ±HH:MM")
        }
        guard h <= 23, m <= 59 else { throw .invalidDateTime(text, why: "the offset must be between -23:59 and +23:59") }
        let minutes = h * 60 + m
        return TOMLDateTime(date: date, time: time, offsetMinutes: t[i] == UInt8(ascii: "-") ? -minutes : minutes)
    }

    private static func parseDate(_ t: [UInt8], text: String) throws(TOMLError.Reason) -> TOMLDateTime.Date {
        guard t.count >= 10, t[7] == UInt8(ascii: "-"), let y1 = twoDigits(t, 0), let y2 = twoDigits(t, 2),
              let month = twoDigits(t, 5), let day = twoDigits(t, 8) else {
            throw .invalidDateTime(text, why: "a date must be YYYY-MM-DD")
        }
        let year = y1 * 100 + y2
        guard (1...12).contains(month) else { throw .invalidDateTime(text, why: "there is no month \(month)") }
        let days = TOMLDateTime.daysIn(month: month, year: year)
        guard (1...days).contains(day) else {
            throw .invalidDateTime(text, why: "month \(month) of \(year) has \(days) days")
        }
        return TOMLDateTime.Date(year: year, month: month, day: day)
    }

    private static func parseTime(_ t: [UInt8], from i: Int, text: String) throws(TOMLError.Reason) -> (TOMLDateTime.Time, Int) {
        guard t.count >= i + 8, t[i + 2] == UInt8(ascii: ":"), t[i + 5] == UInt8(ascii: ":"),
              let hour = twoDigits(t, i), let minute = twoDigits(t, i + 3), let second = twoDigits(t, i + 6) else {
            throw .invalidDateTime(text, why: "a time must be HH:MM:SS (TOML 1.0 requires the seconds)")
        }
        guard hour <= 23 else { throw .invalidDateTime(text, why: "the hour must be 00 to 23") }
        guard minute <= 59 else { throw .invalidDateTime(text, why: "the minute must be 00 to 59") }
        guard second <= 59 else { throw .invalidDateTime(text, why: "the second must be 00 to 59") }
        var end = i + 8
        var fraction = ""
        if end < t.count && t[end] == UInt8(ascii: ".") {
            var k = end + 1
            while k < t.count && TOMLParser.isDigit(t[k]) { k += 1 }
            guard k > end + 1 else { throw .invalidDateTime(text, why: "a decimal point must be followed by digits") }
            fraction = String(decoding: t[(end + 1)..<k], as: UTF8.self)
            end = k
        }
        return (TOMLDateTime.Time(hour: hour, minute: minute, second: second, fraction: fraction), end)
    }

    private static func twoDigits(_ t: [UInt8], _ i: Int) -> Int? {
        guard i + 1 < t.count, TOMLParser.isDigit(t[i]), TOMLParser.isDigit(t[i + 1]) else { return nil }
        return Int(t[i] - UInt8(ascii: "0")) * 10 + Int(t[i + 1] - UInt8(ascii: "0"))
    }
}
