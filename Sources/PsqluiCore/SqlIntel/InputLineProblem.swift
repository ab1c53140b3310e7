import Glibc

/// What makes an input line unsafe to run: psqlui lexes bytes, and a line with one of
/// these is reported and never sent (libpq would stop a statement at a NUL and run
/// the truncated text; a bad UTF-8 byte would be sent as is).
public enum InputLineProblem: Equatable, Sendable {
    /// A NUL byte at this byte offset.
    case nulByte(offset: Int)
    /// An invalid UTF-8 sequence starting at this byte offset.
    case invalidUTF8(offset: Int)

    /// The first problem in `line`, or nil when it can be run.
    public static func find(in line: UnsafeBufferPointer<UInt8>) -> InputLineProblem? {
        guard let base = line.baseAddress, !line.isEmpty else { return nil }
        if let hit = memchr(base, 0, line.count) {
            return .nulByte(offset: base.distance(to: hit.assumingMemoryBound(to: UInt8.self)))
        }
        return UTF8Check.firstInvalidByte(in: line).map { .invalidUTF8(offset: $0) }
    }

    /// Convenience over an array.
    public static func find(in line: [UInt8]) -> InputLineProblem? {
        line.withUnsafeBufferPointer { find(in: $0) }
    }

    /// The byte offset of the problem.
    public var offset: Int {
        switch self {
        case .nulByte(let offset), .invalidUTF8(let offset): return offset
        }
    }

    /// The 1-based column (in characters) where the problem starts in `line`.
    public func column(in line: [UInt8]) -> Int {
        // Count the UTF-8 sequence starts before the offset (continuation bytes are 10xxxxxx).
        line.prefix(offset).reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
    }

    /// The user's sentence for this problem on input line `lineNumber`.
    public func message(line: [UInt8], lineNumber: Int) -> String {
        let column = column(in: line)
        switch self {
        case .nulByte:
            return "NUL byte in input line \(lineNumber) at column \(column); the line was not run"
        case .invalidUTF8:
            return "invalid UTF-8 in input line \(lineNumber) at column \(column); the line was not run"
        }
    }
}
