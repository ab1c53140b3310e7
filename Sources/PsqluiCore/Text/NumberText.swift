/// Numbers as C's `printf` would write them in the POSIX locale (`%.3f`, `%02x`),
/// whatever `LC_NUMERIC` says: timings, progress lines and event attributes always
/// use a decimal point. Replaces Foundation's `String(format:)`.
package enum NumberText {
    /// `value` with `places` digits after the point, rounded (`"%.3f"`); `width`
    /// pads on the left with spaces (`"%7.3f"`).
    package static func fixed(_ value: Double, places: Int, width: Int = 0) -> String {
        let text: String
        if value.isNaN {
            text = "nan"
        } else if value.isInfinite {
            text = value < 0 ? "-inf" : "inf"
        } else {
            var scale = 1.0
            for _ in 0..<places { scale *= 10 }
            let scaled = (abs(value) * scale).rounded(.toNearestOrEven)
            if scaled >= 9.0e18 {
                text = String(value)  // beyond Int64: never happens for the figures shown
            } else {
                let units = UInt64(scaled)
                let factor = UInt64(scale)
                let whole = units / factor
                var fraction = places > 0 ? String(units % factor) : ""
                if fraction.count < places { fraction = String(repeating: "0", count: places - fraction.count) + fraction }
                let sign = value < 0 && units > 0 ? "-" : (value.sign == .minus && units == 0 ? "-" : "")
                text = sign + String(whole) + (places > 0 ? "." + fraction : "")
            }
        }
        guard text.count < width else { return text }
        return String(repeating: " ", count: width - text.count) + text
    }

    /// A byte as two hex digits (`"%02x"`, or `"%02X"` when `uppercase`).
    package static func hex(_ byte: UInt8, uppercase: Bool = false) -> String {
        let digits = String(byte, radix: 16, uppercase: uppercase)
        return byte < 16 ? "0" + digits : digits
    }
}
