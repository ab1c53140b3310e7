import FoundationEssentials
import Glibc
import PsqluiPluginAPI

/// Why writing to an output failed.
public enum OutputWriteError: Error, CustomStringConvertible {
    /// The reader went away (`EPIPE`): `psqlui … | head -1`.
    case brokenPipe
    /// Any other `write(2)` failure, e.g. disk full.
    case failed(errno: Int32)

    public var description: String {
        switch self {
        case .brokenPipe: return "the output pipe was closed"
        case .failed(let e): return String(cString: strerror(e))
        }
    }
}

/// Writes bytes to a file descriptor with one buffer and few syscalls, and reports
/// `EPIPE` and other errors instead of trapping (Foundation's `FileHandle.write`) or
/// swallowing them (`print`). All screen and export output goes through one of these.
public final class FileDescriptorWriter {
    public let fileDescriptor: Int32
    /// The buffer callers append to; drained to the descriptor when full or on `flush()`.
    public private(set) var buffer: OutputBuffer!
    /// Set once a write failed; later writes are dropped (and `flush()` rethrows).
    public private(set) var failure: OutputWriteError?
    /// Bytes handed to the descriptor so far (for export progress).
    public private(set) var bytesWritten = 0

    public init(fileDescriptor: Int32, capacity: Int = 64 * 1024) {
        self.fileDescriptor = fileDescriptor
        self.buffer = nil
        self.buffer = OutputBuffer(capacity: capacity) { [unowned self] bytes in
            try self.writeAll(bytes)
        }
    }

    /// Appends a string's UTF-8 bytes.
    public func write(_ string: String) throws { try buffer.append(string) }

    /// Appends raw bytes.
    public func write(_ bytes: UnsafeBufferPointer<UInt8>) throws { try buffer.append(bytes) }

    /// Appends raw bytes.
    public func write(_ bytes: [UInt8]) throws { try bytes.withUnsafeBufferPointer { try buffer.append($0) } }

    /// Writes everything buffered so far.
    public func flush() throws { try buffer.flush() }

    private func writeAll(_ bytes: UnsafeRawBufferPointer) throws {
        if let failure { throw failure }
        guard var p = bytes.baseAddress else { return }
        var remaining = bytes.count
        while remaining > 0 {
            let n = Glibc.write(fileDescriptor, p, remaining)
            if n < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN {
                    var pfd = pollfd(fd: fileDescriptor, events: Int16(POLLOUT), revents: 0)
                    _ = poll(&pfd, 1, 100)
                    continue
                }
                let err: OutputWriteError = errno == EPIPE ? .brokenPipe : .failed(errno: errno)
                failure = err
                throw err
            }
            p += n
            remaining -= n
            bytesWritten += n
        }
    }
}
