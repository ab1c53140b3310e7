import Foundation
import Testing
@testable import PsqluiCore

/// Lines from a pipe and from memory: `\n` split, `\r` kept (psql keeps it), the last
/// line without `\n` returned, nothing lost across chunk boundaries.
@Suite struct LineReaderTests {
    static let inputs: [String] = [
        "", "a", "a\n", "a\nb", "a\r\nb\r\n", "\n\n", "x\n\ny\n", "select 1;\n\\.\nrest",
        String(repeating: "long line ", count: 20_000) + "\nshort\n",
    ]

    func linesFromPipe(_ text: String, chunkSize: Int) throws -> [String] {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        let bytes = Array(text.utf8)
        let writer = Thread {
            bytes.withUnsafeBytes { raw in
                var off = 0
                while off < raw.count {
                    let n = write(fds[1], raw.baseAddress! + off, min(4096, raw.count - off))
                    if n <= 0 { break }
                    off += n
                }
            }
            close(fds[1])
        }
        writer.start()
        var reader = LineReader(fileDescriptor: fds[0], chunkSize: chunkSize)
        var lines: [String] = []
        while let line = reader.nextLine() { lines.append(String(decoding: line, as: UTF8.self)) }
        close(fds[0])
        #expect(reader.lineNumber == lines.count)
        return lines
    }

    func expectedLines(_ text: String) -> [String] {
        // Split the bytes: Swift's String treats "\r\n" as one Character.
        var parts = Array(text.utf8).split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        if parts.last == "" { parts.removeLast() }
        return parts
    }

    @Test(arguments: inputs)
    func pipeReaderSplitsLines(_ text: String) throws {
        #expect(try linesFromPipe(text, chunkSize: 65536) == expectedLines(text))
        #expect(try linesFromPipe(text, chunkSize: 16) == expectedLines(text))
    }

    @Test(arguments: inputs)
    func byteSourceSplitsLines(_ text: String) {
        var source = ByteLineSource(text)
        var lines: [String] = []
        while let line = source.nextLine() { lines.append(String(decoding: line, as: UTF8.self)) }
        #expect(lines == expectedLines(text))
    }

    @Test func reportsWhetherTheLastLineHadANewline() {
        var source = ByteLineSource("a\nb")
        _ = source.nextLine()
        #expect(source.lastLineHadNewline)
        _ = source.nextLine()
        #expect(!source.lastLineHadNewline)
        #expect(source.nextLine() == nil)
    }
}
