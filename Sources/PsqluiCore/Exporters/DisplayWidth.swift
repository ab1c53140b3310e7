/// Terminal display width of UTF-8 text, the way psql measures it: combining marks
/// take no column, East Asian wide and fullwidth characters (and emoji) take two,
/// everything else one. (psql's tables come from Unicode data; these ranges cover the
/// common blocks.)
enum DisplayWidth {
    /// Width of one Unicode scalar.
    static func of(_ scalar: UInt32) -> Int {
        if scalar == 0 { return 0 }
        if isCombining(scalar) { return 0 }
        if isWide(scalar) { return 2 }
        return 1
    }

    /// Width of UTF-8 bytes that hold no control characters or line breaks.
    static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var width = 0
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { width += 1; i += 1; continue }
            let (scalar, length) = decode(bytes, at: i)
            width += of(scalar)
            i += length
        }
        return width
    }

    /// Decodes the scalar at `i` (invalid bytes count as one column each).
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int) {
        let b = bytes[i]
        let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
        guard length > 1, i + length <= bytes.count else { return (UInt32(b), 1) }
        var scalar = UInt32(b) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length { scalar = scalar << 6 | UInt32(bytes[i + k] & 0x3F) }
        return (scalar, length)
    }

    private static func isCombining(_ c: UInt32) -> Bool {
        (0x0300...0x036F).contains(c) || (0x0483...0x0489).contains(c) || (0x0591...0x05BD).contains(c)
            || (0x0610...0x061A).contains(c) || (0x064B...0x065F).contains(c) || (0x0E31 == c)
            || (0x0E34...0x0E3A).contains(c) || (0x1AB0...0x1AFF).contains(c) || (0x1DC0...0x1DFF).contains(c)
            || (0x200B...0x200F).contains(c) || (0x20D0...0x20FF).contains(c) || (0xFE00...0xFE0F).contains(c)
            || (0xFE20...0xFE2F).contains(c) || (0xE0100...0xE01EF).contains(c)
    }

    private static func isWide(_ c: UInt32) -> Bool {
        (0x1100...0x115F).contains(c) || (0x231A...0x231B).contains(c) || (0x2329...0x232A).contains(c)
            || (0x23E9...0x23EC).contains(c) || (0x25FD...0x25FE).contains(c) || (0x2614...0x2615).contains(c)
            || (0x2E80...0x303E).contains(c) || (0x3041...0x33FF).contains(c) || (0x3400...0x4DBF).contains(c)
            || (0x4E00...0x9FFF).contains(c) || (0xA000...0xA4CF).contains(c) || (0xAC00...0xD7A3).contains(c)
            || (0xF900...0xFAFF).contains(c) || (0xFE30...0xFE4F).contains(c) || (0xFF00...0xFF60).contains(c)
            || (0xFFE0...0xFFE6).contains(c) || (0x1F300...0x1F64F).contains(c) || (0x1F900...0x1F9FF).contains(c)
            || (0x20000...0x3FFFD).contains(c)
    }
}
