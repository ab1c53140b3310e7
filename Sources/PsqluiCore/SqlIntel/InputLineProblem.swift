#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why an input line must not reach the splitter: a statement containing it would be
/// cut short by libpq (a NUL ends a C string) or rejected by the server.
public enum InputLineProblem: Equatable, Sendable {
    /// A NUL byte at the given 1-based character column.
    case nulByte(column: Int)
    /// Bytes that are not UTF-8, starting at the given 1-based column.
    case invalidUTF8(column: Int)

    /// The first problem in `line`, or nil. The UTF-8 check runs only when the client
    /// encoding is UTF-8 (other encodings are the server's to validate).
    public static func find(in line: UnsafeBufferPointer<UInt8>, checkUTF8: Bool = true) -> InputLineProblem? {
        if let base = line.baseAddress, let hit = memchr(base, 0, line.count) {
            let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            return .nulByte(column: column(ofByte: offset, in: line))
        }
        if checkUTF8, let offset = UTF8Check.firstInvalidByte(in: line) {
            return .invalidUTF8(column: column(ofByte: offset, in: line))
        }
        return nil
    }

    /// The message for a line of input (`lineNumber` as the user counts lines).
    public func message(lineNumber: Int) -> String {
        switch self {
        case .nulByte(let column):
            return "NUL byte in input line \(lineNumber), column \(column); the statement was not sent"
        case .invalidUTF8(let column):
            return "invalid UTF-8 in input line \(lineNumber), column \(column); the line was not run"
        }
    }

    /// 1-based column of byte `offset`: UTF-8 lead bytes before it, plus one.
    static func column(ofByte offset: Int, in line: UnsafeBufferPointer<UInt8>) -> Int {
        var column = 1
        for i in 0..<offset where line[i] & 0xC0 != 0x80 { column += 1 }
        return column
    }
}
