/// When psql prints a result in FETCH_COUNT pieces: FETCH_COUNT is a positive
/// number and the statement starts with SELECT or VALUES (after blanks, comments
/// and opening parentheses) — psql's `is_select_command`; anything else is printed
/// whole.
public enum FetchCountPolicy {
    /// The piece size for `sql` given the FETCH_COUNT variable (0: print whole).
    public static func pieceSize(fetchCount: String?, sql: [UInt8]) -> Int {
        // "0" (the default) is the common case: asked for every statement.
        guard let text = fetchCount, text != "0", let n = Int(text.trimmingCharacters(in: " ")), n > 0 else { return 0 }
        return isSelect(sql) ? n : 0
    }

    /// psql's `is_select_command`.
    public static func isSelect(_ sql: [UInt8]) -> Bool {
        var i = 0
        let n = sql.count
        while i < n {
            let b = sql[i]
            if b == 0x20 || (0x09...0x0d).contains(b) || b == UInt8(ascii: "(") { i += 1; continue }
            if b == UInt8(ascii: "-"), i + 1 < n, sql[i + 1] == UInt8(ascii: "-") {
                while i < n && sql[i] != 0x0a { i += 1 }
                continue
            }
            if b == UInt8(ascii: "/"), i + 1 < n, sql[i + 1] == UInt8(ascii: "*") {
                var depth = 1
                i += 2
                while i < n && depth > 0 {
                    if sql[i] == UInt8(ascii: "/"), i + 1 < n, sql[i + 1] == UInt8(ascii: "*") { depth += 1; i += 2 }
                    else if sql[i] == UInt8(ascii: "*"), i + 1 < n, sql[i + 1] == UInt8(ascii: "/") { depth -= 1; i += 2 }
                    else { i += 1 }
                }
                continue
            }
            break
        }
        var j = i
        while j < n, (sql[j] | 0x20) >= UInt8(ascii: "a"), (sql[j] | 0x20) <= UInt8(ascii: "z") { j += 1 }
        guard j - i == 6 else { return false }
        let word = String(decoding: sql[i..<j], as: UTF8.self).lowercased()
        return word == "select" || word == "values"
    }
}

private extension String {
    func trimmingCharacters(in set: Character) -> String {
        var s = Substring(self)
        while s.first == set { s = s.dropFirst() }
        while s.last == set { s = s.dropLast() }
        return String(s)
    }
}
