/// Reads PostgreSQL's text output of an array (`{1,2,NULL}`, `{"a b","c\"d"}`,
/// `[0:1]={7,8}`, `{{1,2},{3,4}}`) and hands each element to a closure, in storage
/// order — the order `unnest()` returns them. Dimensions and lower bounds are not
/// kept: Parquet's LIST is one-dimensional.
enum PostgresArrayLiteral {
    /// Calls `element` with each element's bytes (unquoted, escapes removed), or nil
    /// for NULL. Returns false when the text is not an array literal. `scratch` holds
    /// a quoted element's decoded bytes (reused between calls).
    static func forEachElement(_ s: UnsafeBufferPointer<UInt8>, delimiter: UInt8 = UInt8(ascii: ","),
                               scratch: inout [UInt8],
                               _ element: (UnsafeBufferPointer<UInt8>?) throws -> Void) rethrows -> Bool {
        var i = 0
        // Optional dimension decoration: `[lo:hi][lo:hi]=`.
        if i < s.count, s[i] == UInt8(ascii: "[") {
            while i < s.count, s[i] != UInt8(ascii: "=") { i += 1 }
            guard i < s.count else { return false }
            i += 1
        }
        guard i < s.count, s[i] == UInt8(ascii: "{") else { return false }
        var depth = 0
        var expectElement = true
        while i < s.count {
            let c = s[i]
            if c == UInt8(ascii: "{") {
                depth += 1
                i += 1
                expectElement = true
                continue
            }
            if c == UInt8(ascii: "}") {
                depth -= 1
                i += 1
                if depth == 0 { return i == s.count }
                continue
            }
            if c == delimiter || c == UInt8(ascii: " ") {
                i += 1
                expectElement = true
                continue
            }
            guard expectElement, depth > 0 else { return false }
            expectElement = false
            if c == UInt8(ascii: "\"") {
                scratch.removeAll(keepingCapacity: true)
                i += 1
                var closed = false
                while i < s.count {
                    let q = s[i]
                    if q == UInt8(ascii: "\\"), i + 1 < s.count { scratch.append(s[i + 1]); i += 2; continue }
                    if q == UInt8(ascii: "\"") { closed = true; i += 1; break }
                    scratch.append(q)
                    i += 1
                }
                guard closed else { return false }
                try scratch.withUnsafeBufferPointer { try element($0) }
            } else {
                let start = i
                while i < s.count, s[i] != delimiter, s[i] != UInt8(ascii: "}") { i += 1 }
                let raw = UnsafeBufferPointer(rebasing: s[start..<i])
                if raw.count == 4, raw.elementsEqual("NULL".utf8) {
                    try element(nil)
                } else if raw.contains(UInt8(ascii: "\\")) {
                    scratch.removeAll(keepingCapacity: true)
                    var k = 0
                    while k < raw.count {
                        if raw[k] == UInt8(ascii: "\\"), k + 1 < raw.count { scratch.append(raw[k + 1]); k += 2 } else { scratch.append(raw[k]); k += 1 }
                    }
                    try scratch.withUnsafeBufferPointer { try element($0) }
                } else {
                    try element(raw)
                }
            }
        }
        return false
    }
}
