/// Display widths of Unicode scalars as psql measures them (its `ucs_wcwidth`):
/// 0 for NUL and combining/format characters, 2 for East Asian wide characters
/// (CJK, most emoji), -1 for control characters, 1 otherwise.
public enum DisplayWidth {
    /// The width of one scalar in terminal columns, or -1 for a control character.

    public static func of(_ scalar: UInt32) -> Int {
        if scalar == 0 { return 0 }
        if scalar < 0x20 || (scalar >= 0x7f && scalar < 0xa0) || scalar > 0x10ffff { return -1 }
        if scalar < 0x300 { return 1 }
        if contains(DisplayWidthTables.zeroWidth, scalar) { return 0 }
        if contains(DisplayWidthTables.wide, scalar) { return 2 }
        return 1
    }

    /// The width of a string in terminal columns (control characters count as their
    /// escaped form would, see `CellFormatter`).
    public static func of(_ string: String) -> Int {
        var s = string
        return s.withUTF8 { CellFormatter.layout(of: $0).width }
    }

    
    static func contains(_ table: [(UInt32, UInt32)], _ scalar: UInt32) -> Bool {
        var lo = 0, hi = table.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            if scalar < table[mid].0 { hi = mid - 1 } else if scalar > table[mid].1 { lo = mid + 1 } else { return true }
        }
        return false
    }
}
