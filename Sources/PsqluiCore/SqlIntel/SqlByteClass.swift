/// Character classes of PostgreSQL's lexer (scan.l / psqlscan.l), on bytes.
enum SqlByteClass {
    /// `{space}`: `[ \t\n\r\f]`.
    @inline(__always) static func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C
    }
    /// `{ident_start}`: `[A-Za-z\200-\377_]`.
    @inline(__always) static func isIdentStart(_ b: UInt8) -> Bool {
        (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A || b == 0x5F || b >= 0x80
    }
    /// `{ident_cont}`: ident_start plus digits and `$`.
    @inline(__always) static func isIdentCont(_ b: UInt8) -> Bool {
        isIdentStart(b) || isDigit(b) || b == 0x24
    }
    /// `{variable_char}` and `{dolq_cont}`: `[A-Za-z\200-\377_0-9]`.
    @inline(__always) static func isVariableChar(_ b: UInt8) -> Bool {
        isIdentStart(b) || isDigit(b)
    }
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
}
