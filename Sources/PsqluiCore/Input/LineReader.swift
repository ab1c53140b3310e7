#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads lines from a file descriptor in 64 KiB `read()`s, splitting on `\n`.
public struct LineReader: LineSource {
    private let fileDescriptor: Int32
    private var storage: UnsafeMutableBufferPointer<UInt8>
    private var start = 0
    private var end = 0
    private var atEOF = false
    private let owner: StorageOwner
    public private(set) var lineNumber = 0
    public private(set) var lastLineHadNewline = false
    /// `errno` of a failed `read()`, which ends the input.
    public private(set) var readError: Int32?

    /// Frees the buffer when the last copy of the reader goes away.
    private final class StorageOwner {
        var storage: UnsafeMutableBufferPointer<UInt8>
        init(capacity: Int) { storage = .allocate(capacity: capacity) }
        deinit { storage.deallocate() }
    }

    /// Reads from `fileDescriptor` (not closed by the reader).
    public init(fileDescriptor: Int32, chunkSize: Int = 65536) {
        self.fileDescriptor = fileDescriptor
        owner = StorageOwner(capacity: max(chunkSize, 16))
        storage = owner.storage
    }

    public mutating func withNextLine<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R? {
        var searchFrom = start
        while true {
            if end > searchFrom, let base = storage.baseAddress,
               let hit = memchr(base + searchFrom, 0x0A, end - searchFrom) {
                let newline = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                let line = UnsafeBufferPointer(start: base + start, count: newline - start)
                start = newline + 1
                lineNumber += 1
                lastLineHadNewline = true
                return try body(line)
            }
            searchFrom = end
            if atEOF {
                guard end > start, let base = storage.baseAddress else { return nil }
                let line = UnsafeBufferPointer(start: base + start, count: end - start)
                start = end
                lineNumber += 1
                lastLineHadNewline = false
                return try body(line)
            }
            let scanned = searchFrom - start
            fill()
            searchFrom = start + scanned
        }
    }

    /// Moves the partial line to the front (growing the buffer for very long lines) and
    /// reads more.
    private mutating func fill() {
        if start > 0 {
            if end > start, let base = storage.baseAddress { memmove(base, base + start, end - start) }
            end -= start
            start = 0
        }
        if end == storage.count {
            let bigger = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: storage.count * 2)
            _ = bigger.initialize(from: storage[0..<end])
            owner.storage.deallocate()
            owner.storage = bigger
            storage = bigger
        }
        while true {
            let got = read(fileDescriptor, storage.baseAddress! + end, storage.count - end)
            if got > 0 { end += got; return }
            if got < 0 && errno == EINTR { continue }
            if got < 0 { readError = errno }
            atEOF = true
            return
        }
    }
}
