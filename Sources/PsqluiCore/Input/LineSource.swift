/// A source of input lines: script files, stdin, or bytes in memory. The same source
/// feeds the statement splitter and `COPY … FROM STDIN` data, so nothing is read ahead
/// and lost: every byte comes out through `withNextLine` / `nextLine`.
public protocol LineSource {
    /// Calls `body` with the next line, without its `\n` (a `\r` before it is kept, as
    /// psql keeps it); nil at end of input. The buffer is valid only inside `body`.
    mutating func withNextLine<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R?
    /// Number of the line last returned (1-based; 0 before the first).
    var lineNumber: Int { get }
    /// Whether the line last returned ended with `\n` (false for a last line without one).
    var lastLineHadNewline: Bool { get }
    /// `errno` of a failed read that ended the input early (e.g. EISDIR), or nil.
    var readError: Int32? { get }
}

extension LineSource {
    /// Sources in memory never fail to read.
    public var readError: Int32? { nil }

    /// The next line as a new array (allocates; hot paths use `withNextLine`).
    public mutating func nextLine() -> [UInt8]? {
        withNextLine { Array($0) }
    }
}
