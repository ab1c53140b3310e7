import PsqluiCore

/// A parsed document as one line of text, for table tests and for comparing with
/// Python's tomllib (`TOMLReferenceTests` prints tomllib's result the same way):
/// `{a=1,b="x",c=[true,1.5],d={e=ld(1979-05-27)}}`, keys sorted by their UTF-8 bytes.
enum TOMLDump {
    /// `.readable`: floats as TOML writes them, dates as `kind(text)`.
    /// `.reference`: floats as their bit pattern, dates with microseconds (tomllib's
    /// precision), so that the text matches the Python side exactly.
    enum Style { case readable, reference }

    static func dump(_ table: TOMLTable, _ style: Style = .readable) -> String {
        "{" + table.sorted { Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }
            .map { key($0.key) + "=" + dump($0.value, style) }.joined(separator: ",") + "}"
    }

    static func dump(_ value: TOMLValue, _ style: Style) -> String {
        switch value {
        case .string(let s): return quoted(s)
        case .integer(let i): return String(i)
        case .boolean(let b): return b ? "true" : "false"
        case .float(let d):
            if d.isNaN { return "nan" }
            if style == .readable { return TOMLWriter.float(d) }
            let hex = String(d.bitPattern, radix: 16)
            return "f:" + String(repeating: "0", count: 16 - hex.count) + hex
        case .dateTime(let d):
            return style == .readable ? readable(d) : reference(d)
        case .array(let items): return "[" + items.map { dump($0, style) }.joined(separator: ",") + "]"
        case .table(let t): return dump(t, style)
        }
    }

    static func key(_ k: String) -> String {
        let bare = !k.isEmpty && k.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-") }
        return bare ? k : quoted(k)
    }

    static func quoted(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default:
                if u.value < 0x20 || u.value == 0x7F { out += "\\u{" + String(u.value, radix: 16, uppercase: true) + "}" } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }

    private static func readable(_ d: TOMLDateTime) -> String {
        let tag: String
        switch d.kind {
        case .offsetDateTime: tag = "odt"
        case .localDateTime: tag = "ldt"
        case .localDate: tag = "ld"
        case .localTime: tag = "lt"
        }
        return tag + "(" + d.description + ")"
    }

    private static func reference(_ d: TOMLDateTime) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        var date = ""
        if let x = d.date {
            let y = String(x.year)
            date = String(repeating: "0", count: max(0, 4 - y.count)) + y + "-" + two(x.month) + "-" + two(x.day)
        }
        var time = ""
        if let t = d.time {
            let micro = String((t.fraction + "000000").prefix(6))
            time = two(t.hour) + ":" + two(t.minute) + ":" + two(t.second) + "." + micro
        }
        switch d.kind {
        case .localDate: return "ld:" + date
        case .localTime: return "lt:" + time
        case .localDateTime: return "ldt:" + date + "T" + time
        case .offsetDateTime:
            let m = d.offsetMinutes!
            return "odt:" + date + "T" + time + (m < 0 ? "-" : "+") + two(abs(m) / 60) + ":" + two(abs(m) % 60)
        }
    }
}
