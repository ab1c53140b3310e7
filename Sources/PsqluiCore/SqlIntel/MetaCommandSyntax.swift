/// Where a backslash command's name and arguments end, as psql's slash-command lexer
/// (psqlscanslash.l) decides it.
struct MetaCommandSyntax {
    var name: String
    var argumentsStart: Int
    /// End of the arguments: the next unquoted backslash, or the end of the line.
    var argumentsEnd: Int
    /// Where SQL lexing resumes (after a `\\` separator when there is one).
    var end: Int

    /// `[ \t\n\r\f\v]`, psql's space for slash commands.
    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { SqlByteClass.isSpace(b) || b == 0x0B }

    static func parse(_ src: UnsafeBufferPointer<UInt8>, backslashAt i: Int) -> MetaCommandSyntax {
        let n = src.count
        var j = i + 1
        while j < n && !isSpace(src[j]) && src[j] != UInt8(ascii: "\\") { j += 1 }
        let name = String(decoding: UnsafeBufferPointer(rebasing: src[(i + 1)..<j]), as: UTF8.self)
        // An empty name is an invalid command; psql then discards the rest of the line.
        let argumentsEnd = name.isEmpty || MetaCommandCall.wholeLineCommands.contains(name)
            ? n : normalArgumentsEnd(src, from: j, filePipe: MetaCommandCall.filePipeCommands.contains(name))
        var end = argumentsEnd
        if end + 1 < n && src[end] == UInt8(ascii: "\\") && src[end + 1] == UInt8(ascii: "\\") { end += 2 }
        return MetaCommandSyntax(name: name, argumentsStart: j, argumentsEnd: argumentsEnd, end: end)
    }

    /// Arguments run to the first backslash outside `'…'`, `"…"` and `` `…` ``; with
    /// `filePipe`, an argument starting with `|` takes the rest of the line.
    static func normalArgumentsEnd(_ src: UnsafeBufferPointer<UInt8>, from start: Int, filePipe: Bool) -> Int {
        let n = src.count
        var k = start
        while true {
            while k < n && isSpace(src[k]) { k += 1 }
            guard k < n else { return n }
            if src[k] == UInt8(ascii: "\\") { return k }
            if filePipe && src[k] == UInt8(ascii: "|") { return n }
            while k < n {
                let c = src[k]
                if isSpace(c) { break }
                switch c {
                case UInt8(ascii: "\\"):
                    return k
                case UInt8(ascii: "'"):
                    k = singleQuotedEnd(src, from: k + 1)
                case UInt8(ascii: "\""), UInt8(ascii: "`"):
                    k += 1
                    while k < n && src[k] != c { k += 1 }
                    k = min(k + 1, n)
                case UInt8(ascii: ":"):
                    k = variableReferenceEnd(src, at: k) ?? k + 1
                default:
                    k += 1
                }
            }
        }
    }

    /// After the opening quote: past the closing quote (`''` and `\x` are escapes).
    static func singleQuotedEnd(_ src: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let n = src.count
        var k = start
        while k < n {
            if src[k] == UInt8(ascii: "\\") { k += 2; continue }
            if src[k] == UInt8(ascii: "'") {
                if k + 1 < n && src[k + 1] == UInt8(ascii: "'") { k += 2; continue }
                return k + 1
            }
            k += 1
        }
        return n
    }

    /// End of `:'name'` or `:"name"` at `i` (these quotes do not open a quoted argument).
    static func variableReferenceEnd(_ src: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        let n = src.count
        guard i + 1 < n, src[i + 1] == UInt8(ascii: "'") || src[i + 1] == UInt8(ascii: "\"") else { return nil }
        let quote = src[i + 1]
        var k = i + 2
        while k < n && SqlByteClass.isVariableChar(src[k]) { k += 1 }
        return k > i + 2 && k < n && src[k] == quote ? k + 1 : nil
    }
}
