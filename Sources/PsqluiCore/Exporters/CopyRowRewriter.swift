import Glibc

/// Turns rows of `COPY … (FORMAT csv)` output into what `psql --csv` prints, one
/// row (with its line end) at a time, as libpq hands COPY data over.
///
/// The two differ in two places only: COPY quotes an empty string (`""`) to tell it
/// from NULL, where psql writes both as an empty field; and psql quotes a field that
/// is exactly `\.`, where COPY does so only in a one-column row. Every other field,
/// the header included, is quoted by the same rule (delimiter, `"`, CR, LF), so a
/// row without `"` or `\` passes unchanged.
enum CopyRowRewriter {
    /// Appends `row` rewritten for psql's csv to `out`.
    @inline(__always)
    static func appendPsqlCSV(_ row: UnsafeBufferPointer<UInt8>, delimiter: UInt8, to out: ByteScratch) {
        guard let base = row.baseAddress, row.count > 0 else { return }
        out.reserve(row.count &+ 2 &* (row.count / 3 &+ 1))
        if memchr(base, Int32(UInt8(ascii: "\"")), row.count) == nil && memchr(base, Int32(UInt8(ascii: "\\")), row.count) == nil {
            out.appendReserved(row)
            return
        }
        let quote = UInt8(ascii: "\""), newline = UInt8(10)
        var i = 0
        let n = row.count
        while i < n {
            let start = i
            if row[i] == quote {
                i += 1
                while i < n {
                    if row[i] == quote {
                        if i + 1 < n && row[i + 1] == quote { i += 2; continue }
                        i += 1
                        break
                    }
                    i += 1
                }
                // `""` alone is COPY's empty string: psql writes it as nothing.
                if i - start != 2 { out.appendReserved(UnsafeBufferPointer(rebasing: row[start..<i])) }
            } else {
                while i < n && row[i] != delimiter && row[i] != newline { i += 1 }
                if i - start == 2 && row[start] == UInt8(ascii: "\\") && row[start + 1] == UInt8(ascii: ".") {
                    out.appendReserved(quote); out.appendReserved(row[start]); out.appendReserved(row[start + 1]); out.appendReserved(quote)
                } else {
                    out.appendReserved(UnsafeBufferPointer(rebasing: row[start..<i]))
                }
            }
            if i < n { out.appendReserved(row[i]); i += 1 }  // the delimiter or the line end
        }
    }
}
