/// Lines of bytes held in memory (tests, `-c` strings, `\i` of a small file).
public struct ByteLineSource: LineSource {
    private let bytes: [UInt8]
    private var position = 0
    public private(set) var lineNumber = 0
    public private(set) var lastLineHadNewline = false

    public init(_ bytes: [UInt8]) { self.bytes = bytes }
    public init(_ text: String) { self.bytes = Array(text.utf8) }

    public mutating func withNextLine<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R? {
        guard position < bytes.count else { return nil }
        let newline = bytes[position...].firstIndex(of: 0x0A)
        let lineEnd = newline ?? bytes.count
        let from = position
        position = newline.map { $0 + 1 } ?? bytes.count
        lineNumber += 1
        lastLineHadNewline = newline != nil
        return try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[from..<lineEnd])) }
    }
}
