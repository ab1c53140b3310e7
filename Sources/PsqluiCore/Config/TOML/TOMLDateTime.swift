/// A TOML date, time or date-time, kept as its parts (no calendar library needed).
///
/// Which parts are present decides the kind: date and time with an offset is an
/// offset date-time, without one a local date-time; a date alone is a local date, a
/// time alone a local time. `description` is the value's RFC 3339 text, normalized:
/// `T` between date and time, `Z` for a zero offset, the fraction's digits as written.
public struct TOMLDateTime: Sendable, Hashable, CustomStringConvertible {
    /// The four TOML date-time types.
    public enum Kind: Sendable, Hashable, CustomStringConvertible {
        case offsetDateTime, localDateTime, localDate, localTime

        /// "an offset date-time", … (for messages).
        public var description: String {
            switch self {
            case .offsetDateTime: return "an offset date-time"
            case .localDateTime: return "a local date-time"
            case .localDate: return "a local date"
            case .localTime: return "a local time"
            }
        }
    }

    /// A calendar date (proleptic Gregorian), already checked: the day exists.
    public struct Date: Sendable, Hashable {
        public var year: Int
        public var month: Int
        public var day: Int

        public init(year: Int, month: Int, day: Int) {
            self.year = year
            self.month = month
            self.day = day
        }
    }

    /// A time of day, already checked (hour 0–23, minute and second 0–59).
    public struct Time: Sendable, Hashable {
        public var hour: Int
        public var minute: Int
        public var second: Int
        /// The digits after the decimal point, as written ("" for none): TOML allows any
        /// precision, so none is lost here.
        public var fraction: String

        public init(hour: Int, minute: Int, second: Int, fraction: String = "") {
            self.hour = hour
            self.minute = minute
            self.second = second
            self.fraction = fraction
        }
    }

    /// The date, nil for a local time.
    public var date: Date?
    /// The time, nil for a local date.
    public var time: Time?
    /// The offset from UTC in minutes (`Z` is 0), nil for the local kinds.
    public var offsetMinutes: Int?

    public init(date: Date?, time: Time?, offsetMinutes: Int? = nil) {
        self.date = date
        self.time = time
        self.offsetMinutes = offsetMinutes
    }

    /// Which of the four TOML types this is.
    public var kind: Kind {
        if date == nil { return .localTime }
        if time == nil { return .localDate }
        return offsetMinutes == nil ? .localDateTime : .offsetDateTime
    }

    /// `1979-05-27T07:32:00.5-07:00`, `1979-05-27`, `07:32:00`.
    public var description: String {
        var out = ""
        if let date {
            out += Self.digits(date.year, 4) + "-" + Self.digits(date.month, 2) + "-" + Self.digits(date.day, 2)
        }
        if let time {
            if date != nil { out += "T" }
            out += Self.digits(time.hour, 2) + ":" + Self.digits(time.minute, 2) + ":" + Self.digits(time.second, 2)
            if !time.fraction.isEmpty { out += "." + time.fraction }
        }
        if let offset = offsetMinutes {
            if offset == 0 {
                out += "Z"
            } else {
                out += (offset < 0 ? "-" : "+") + Self.digits(abs(offset) / 60, 2) + ":" + Self.digits(abs(offset) % 60, 2)
            }
        }
        return out
    }

    /// Days in `month` of `year` (February: 29 in leap years).
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func digits(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
