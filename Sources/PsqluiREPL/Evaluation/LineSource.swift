import PsqluiCore

/// Something that yields input lines as bytes, one at a time: a script file, piped
/// stdin, the line editor. Script lines and `COPY … FROM STDIN` data come from the
/// same source, so nothing is read ahead and lost.
public protocol LineSource: AnyObject {
    /// The next line without its newline; nil at end of input.
    func nextLine() -> [UInt8]?
    /// The number of the line last returned (1-based).
    var lineNumber: Int { get }
}

/// A `LineSource` over a file descriptor, buffered (never one byte per `read`).
public final class FileLineSource: LineSource {
    private var reader: LineReader
    public init(fileDescriptor: Int32) { reader = LineReader(fileDescriptor: fileDescriptor) }
    public func nextLine() -> [UInt8]? { reader.nextLine() }
    public var lineNumber: Int { reader.lineNumber }
}

/// A `LineSource` over text in memory (a `-c` string, tests).
public final class TextLineSource: LineSource {
    private var lines: [[UInt8]]
    private var index = 0
    public init(_ text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.utf8) }
        if lines.last == [] { lines.removeLast() }
    }
    public func nextLine() -> [UInt8]? {
        guard index < lines.count else { return nil }
        index += 1
        return lines[index - 1]
    }
    public var lineNumber: Int { index }
}
