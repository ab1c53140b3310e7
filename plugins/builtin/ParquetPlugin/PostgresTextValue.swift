import FoundationEssentials
import Glibc

/// Converts PostgreSQL's text output of one value (what libpq hands the exporter)
/// into the number Parquet stores. Pure functions over bytes; nil means "not in the
/// form this type prints" (the exporter turns it into an error naming the column).
///
/// Dates and times must be in the ISO `DateStyle` (PostgreSQL's default).
/// `infinity`/`-infinity` become the largest/smallest value of the storage type, as
/// in PostgreSQL's own binary format.
enum PostgresTextValue {
    static func int64(_ s: UnsafeBufferPointer<UInt8>) -> Int64? {
        var i = 0
        var negative = false
        if i < s.count, s[i] == UInt8(ascii: "-") || s[i] == UInt8(ascii: "+") { negative = s[i] == UInt8(ascii: "-"); i += 1 }
        guard i < s.count else { return nil }
        var v: Int64 = 0
        while i < s.count {
            let d = Int64(s[i]) - 48
            guard d >= 0 && d <= 9 else { return nil }
            // Accumulate negatively so Int64.min parses.
            let (m, o1) = v.multipliedReportingOverflow(by: 10)
            let (r, o2) = m.subtractingReportingOverflow(d)
            guard !o1 && !o2 else { return nil }
            v = r
            i += 1
        }
        if negative { return v }
        return v == Int64.min ? nil : -v
    }

    /// float8 text (`1.5`, `NaN`, `Infinity`, `-Infinity`, `1e-300`).
    static func double(_ s: UnsafeBufferPointer<UInt8>) -> Double? { parseC(s, strtod) }

    /// float4 text, parsed as a float directly (no double rounding).
    static func float(_ s: UnsafeBufferPointer<UInt8>) -> Float? { parseC(s, strtof) }

    /// Runs a C number parser (`strtod`, `strtof`) on a NUL-terminated copy of `s`; nil
    /// unless it consumes every byte.
    private static func parseC<T>(_ s: UnsafeBufferPointer<UInt8>,
                                  _ parse: (UnsafePointer<CChar>, UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> T) -> T? {
        guard s.count > 0, s.count < 64 else { return nil }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: s.count + 1) { buf -> T? in
            for i in 0..<s.count { buf[i] = CChar(bitPattern: s[i]) }
            buf[s.count] = 0
            var end: UnsafeMutablePointer<CChar>?
            let v = parse(buf.baseAddress!, &end)
            guard let end, end == buf.baseAddress! + s.count else { return nil }
            return v
        }
    }

    static func bool(_ s: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard s.count == 1 else { return nil }
        switch s[0] {
        case UInt8(ascii: "t"): return true
        case UInt8(ascii: "f"): return false
        default: return nil
        }
    }

    /// An exact decimal's unscaled value: `-12.30` at scale 2 → -1230. Nil for NaN,
    /// infinity, more fractional digits than `scale`, or more than 38 digits.
    static func unscaledDecimal(_ s: UnsafeBufferPointer<UInt8>, scale: Int) -> Int128? {
        var i = 0
        var negative = false
        if i < s.count, s[i] == UInt8(ascii: "-") || s[i] == UInt8(ascii: "+") { negative = s[i] == UInt8(ascii: "-"); i += 1 }
        var v: Int128 = 0
        var digits = 0
        var fraction = -1
        var sawDigit = false
        while i < s.count {
            let c = s[i]
            if c == UInt8(ascii: ".") {
                guard fraction < 0 else { return nil }
                fraction = 0
            } else {
                let d = Int128(c) - 48
                guard d >= 0 && d <= 9 else { return nil }
                sawDigit = true
                if fraction >= 0 { fraction += 1 }
                if v != 0 || d != 0 { digits += 1 }
                guard digits <= 38 else { return nil }
                v = v * 10 + d
            }
            i += 1
        }
        guard sawDigit else { return nil }
        let have = max(fraction, 0)
        guard have <= scale else { return nil }
        for _ in have..<scale {
            digits += 1
            guard digits <= 38 else { return nil }
            v *= 10
        }
        return negative ? -v : v
    }

    // MARK: Dates and times

    /// Days since 1970-01-01 of a proleptic Gregorian date (astronomical year: 1 BC is 0).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// `YYYY-MM-DD[ BC]` → days since the epoch; `infinity` → Int32.max.
    static func date(_ s: UnsafeBufferPointer<UInt8>) -> Int32? {
        if let inf = infinity(s) { return inf ? Int32.max : Int32.min }
        var p = Parser(s)
        guard let days = p.date() else { return nil }
        let bc = p.suffixBC()
        guard p.atEnd else { return nil }
        let adjusted = bc ? days.bcAdjusted : days.value
        guard let d = Int32(exactly: adjusted) else { return nil }
        return d
    }

    /// `YYYY-MM-DD HH:MM:SS[.ffffff][±HH[:MM[:SS]]][ BC]` → microseconds since the
    /// epoch, UTC (the offset, when present, is subtracted); `infinity` → Int64.max.
    static func timestampMicros(_ s: UnsafeBufferPointer<UInt8>, withZone: Bool) -> Int64? {
        if let inf = infinity(s) { return inf ? Int64.max : Int64.min }
        var p = Parser(s)
        guard let days = p.date(), p.take(UInt8(ascii: " ")),
              let hour = p.number(digits: 2), p.take(UInt8(ascii: ":")),
              let minute = p.number(digits: 2), p.take(UInt8(ascii: ":")),
              let second = p.number(digits: 2) else { return nil }
        var micros = 0
        if p.take(UInt8(ascii: ".")) {
            var n = 0
            while let d = p.digit() {
                guard n < 6 else { return nil }
                micros = micros * 10 + d
                n += 1
            }
            guard n > 0 else { return nil }
            for _ in n..<6 { micros *= 10 }
        }
        var offsetSeconds = 0
        if withZone {
            guard let sign = p.peek(), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return nil }
            p.advance()
            guard let h = p.number(digits: 2) else { return nil }
            var o = h * 3600
            if p.take(UInt8(ascii: ":")) {
                guard let m = p.number(digits: 2) else { return nil }
                o += m * 60
                if p.take(UInt8(ascii: ":")) {
                    guard let sec = p.number(digits: 2) else { return nil }
                    o += sec
                }
            }
            offsetSeconds = sign == UInt8(ascii: "-") ? -o : o
        }
        let bc = p.suffixBC()
        guard p.atEnd, hour < 25, minute < 60, second < 61 else { return nil }
        let day = bc ? days.bcAdjusted : days.value
        let seconds = day * 86400 + hour * 3600 + minute * 60 + second - offsetSeconds
        let (m, o1) = Int64(seconds).multipliedReportingOverflow(by: 1_000_000)
        let (r, o2) = m.addingReportingOverflow(Int64(micros))
        return o1 || o2 ? nil : r
    }

    /// `infinity` → true, `-infinity` → false, anything else nil.
    static func infinity(_ s: UnsafeBufferPointer<UInt8>) -> Bool? {
        if s.elementsEqual("infinity".utf8) { return true }
        if s.elementsEqual("-infinity".utf8) { return false }
        return nil
    }

    // MARK: Bytes

    /// `a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11` → 16 bytes.
    static func uuid(_ s: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) -> Bool {
        var n = 0
        var high: UInt8?
        for c in s {
            if c == UInt8(ascii: "-") { continue }
            guard let v = hexValue(c) else { return false }
            if let h = high { out.append(h << 4 | v); high = nil; n += 1 } else { high = v }
        }
        return n == 16 && high == nil
    }

    /// bytea text output, hex (`\x00ff`) or escape format, decoded and appended.
    static func bytea(_ s: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) -> Bool {
        if s.count >= 2, s[0] == UInt8(ascii: "\\"), s[1] == UInt8(ascii: "x") {
            guard s.count % 2 == 0 else { return false }
            var i = 2
            while i < s.count {
                guard let h = hexValue(s[i]), let l = hexValue(s[i + 1]) else { return false }
                out.append(h << 4 | l)
                i += 2
            }
            return true
        }
        var i = 0
        while i < s.count {
            if s[i] != UInt8(ascii: "\\") { out.append(s[i]); i += 1; continue }
            if i + 1 < s.count, s[i + 1] == UInt8(ascii: "\\") { out.append(s[i]); i += 2; continue }
            guard i + 3 < s.count else { return false }
            var v = 0
            for k in 1...3 {
                let d = Int(s[i + k]) - 48
                guard d >= 0 && d <= 7 else { return false }
                v = v * 8 + d
            }
            guard v <= 255 else { return false }
            out.append(UInt8(v))
            i += 4
        }
        return true
    }

    static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case 48...57: return c - 48
        case 97...102: return c - 87
        case 65...70: return c - 55
        default: return nil
        }
    }

    // MARK: Scanner

    /// A date's day number, and what it is when the year is BC (year Y BC is
    /// astronomical year 1 - Y).
    struct CivilDays {
        var value: Int
        var bcAdjusted: Int
    }

    struct Parser {
        let s: UnsafeBufferPointer<UInt8>
        var i = 0
        init(_ s: UnsafeBufferPointer<UInt8>) { self.s = s }

        var atEnd: Bool { i == s.count }
        func peek() -> UInt8? { i < s.count ? s[i] : nil }
        mutating func advance() { i += 1 }
        mutating func take(_ c: UInt8) -> Bool {
            guard peek() == c else { return false }
            i += 1
            return true
        }
        mutating func digit() -> Int? {
            guard let c = peek(), c >= 48, c <= 57 else { return nil }
            i += 1
            return Int(c) - 48
        }
        mutating func number(digits: Int) -> Int? {
            var v = 0
            for _ in 0..<digits {
                guard let d = digit() else { return nil }
                v = v * 10 + d
            }
            return v
        }
        /// `YYYY[Y…]-MM-DD`.
        mutating func date() -> CivilDays? {
            var year = 0
            var n = 0
            while let d = digit() { year = year * 10 + d; n += 1; guard n <= 9 else { return nil } }
            guard n >= 4, take(UInt8(ascii: "-")), let month = number(digits: 2), take(UInt8(ascii: "-")),
                  let day = number(digits: 2), (1...12).contains(month), (1...31).contains(day) else { return nil }
            return CivilDays(value: PostgresTextValue.daysFromCivil(year: year, month: month, day: day),
                             bcAdjusted: PostgresTextValue.daysFromCivil(year: 1 - year, month: month, day: day))
        }
        mutating func suffixBC() -> Bool {
            guard s.count - i == 3, s[i] == UInt8(ascii: " "), s[i + 1] == UInt8(ascii: "B"), s[i + 2] == UInt8(ascii: "C") else { return false }
            i += 3
            return true
        }
    }
}

