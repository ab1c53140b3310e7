import PsqluiCore

/// A shared handle on one input's lines (a script file, piped stdin, a `-c`
/// string). Script lines and `COPY … FROM STDIN` data are both read through the
/// same `ScriptInput`, so nothing is read ahead and lost.
public final class ScriptInput {
    private var source: any LineSource

    public init(_ source: any LineSource) { self.source = source }

    /// Lines of a file descriptor, read in 64 KiB blocks.
    public convenience init(fileDescriptor: Int32) { self.init(LineReader(fileDescriptor: fileDescriptor)) }

    /// Lines of text in memory (a `-c` string).
    public convenience init(text: String) { self.init(ByteLineSource(text)) }

    /// The next line without its newline; nil at end of input. A UTF-8 byte-order
    /// mark at the very start of the input is skipped, as psql skips it.
    public func nextLine() -> [UInt8]? {
        guard var line = source.nextLine() else { return nil }
        if source.lineNumber == 1, line.starts(with: Self.byteOrderMark) { line.removeFirst(Self.byteOrderMark.count) }
        return line
    }

    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The number of the line last returned (1-based).
    public var lineNumber: Int { source.lineNumber }

    /// `errno` of a read that failed and ended the input (a directory given as a
    /// script), or nil.
    public var readError: Int32? { source.readError }
}
