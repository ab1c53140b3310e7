#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A temporary file for bytes that must wait without staying in memory: a result
/// held until it is complete, a Parquet row group's column chunks.
///
/// The file is created in `$TMPDIR` (or `/tmp`) and unlinked at once, so it has no
/// name and disappears with the process, also on Ctrl-C or a crash. Appends are
/// buffered; `read(at:into:)` sees every byte appended so far. One owner at a time:
/// the type is not thread-safe.
///
/// ```swift
/// let spool = try ScratchFile()
/// let at = spool.size
/// try bytes.withUnsafeBytes { try spool.append($0) }
/// var back = [UInt8](repeating: 0, count: bytes.count)
/// _ = try back.withUnsafeMutableBytes { try spool.read(at: at, into: $0) }
/// ```
public final class ScratchFile {
    private let fd: Int32
    private var pending: [UInt8] = []
    private let pendingLimit: Int
    /// Bytes on disk; `pending` follows them.
    private var written: Int64 = 0
    /// Reused by `copy` (called once per Parquet page): not allocated per call.
    private var copyBuffer: [UInt8] = []
    /// Bytes appended so far (written or still buffered): the offset the next append
    /// lands at.
    public private(set) var size: Int64 = 0

    /// Creates and unlinks the file. `bufferSize` bounds the bytes held before they
    /// are written.
    public init(bufferSize: Int = 256 * 1024) throws {
        var dir = "/tmp"
        if let env = getenv("TMPDIR"), env.pointee != 0 { dir = String(cString: env) }
        var template = Array((dir + "/psqlui-scratch-XXXXXX").utf8CString)
        let created = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard created >= 0 else {
            throw ScratchFileError(description: "could not create a temporary file in \(dir): \(ScratchFile.lastError())")
        }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        fd = created
        pendingLimit = max(bufferSize, 4096)
        pending.reserveCapacity(pendingLimit)
    }

    deinit { close(fd) }

    /// Appends bytes at the end of the file.
    public func append(_ bytes: UnsafeRawBufferPointer) throws {
        guard bytes.count > 0 else { return }
        if pending.count + bytes.count > pendingLimit { try flush() }
        if bytes.count >= pendingLimit {
            try writeAll(bytes)
        } else {
            pending.append(contentsOf: bytes)
        }
        size += Int64(bytes.count)
    }

    /// Appends bytes at the end of the file.
    public func append(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try append($0) }
    }

    /// Fills `buffer` from `offset` on and returns the number of bytes read: fewer
    /// than `buffer.count` only at the end of the file.
    public func read(at offset: Int64, into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        try flush()
        var done = 0
        while done < buffer.count {
            let n = pread(fd, buffer.baseAddress! + done, buffer.count - done, off_t(offset) + off_t(done))
            if n < 0 {
                if errno == EINTR { continue }
                throw ScratchFileError(description: "could not read the temporary file: \(ScratchFile.lastError())")
            }
            if n == 0 { break }
            done += n
        }
        return done
    }

    /// Copies `count` bytes from `offset` on to `output`, a bounded piece at a time.
    public func copy(from offset: Int64, count: Int64, to output: OutputBuffer) throws {
        if copyBuffer.count < Int(min(count, 256 * 1024)) { copyBuffer = [UInt8](repeating: 0, count: Int(min(count, 256 * 1024))) }
        // Moved out while in use (a second reference would make the writes copy it).
        var scratch = copyBuffer
        copyBuffer = []
        defer { copyBuffer = scratch }
        var at = offset
        var left = count
        while left > 0 {
            let want = Int(min(left, Int64(scratch.count)))
            let got = try scratch.withUnsafeMutableBytes { try read(at: at, into: UnsafeMutableRawBufferPointer(rebasing: $0[0..<want])) }
            guard got == want else {
                throw ScratchFileError(description: "the temporary file ended early (\(at + Int64(got)) of \(offset + count) bytes)")
            }
            try scratch.withUnsafeBufferPointer { try output.append(UnsafeBufferPointer(rebasing: $0[0..<want])) }
            at += Int64(want)
            left -= Int64(want)
        }
    }

    /// Empties the file, so that its space is reused.
    public func truncate() throws {
        pending.removeAll(keepingCapacity: true)
        guard ftruncate(fd, 0) == 0 else {
            throw ScratchFileError(description: "could not truncate the temporary file: \(ScratchFile.lastError())")
        }
        size = 0
        written = 0
    }

    private func flush() throws {
        guard !pending.isEmpty else { return }
        try pending.withUnsafeBytes { try writeAll($0) }
        pending.removeAll(keepingCapacity: true)
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer) throws {
        var done = 0
        while done < bytes.count {
            let n = pwrite(fd, bytes.baseAddress! + done, bytes.count - done, off_t(written) + off_t(done))
            if n < 0 {
                if errno == EINTR { continue }
                throw ScratchFileError(description: "could not write the temporary file: \(ScratchFile.lastError())")
            }
            done += n
        }
        written += Int64(bytes.count)
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }
}

/// A temporary file that could not be created, written or read (a full disk, a
/// missing `$TMPDIR`). Its description is the message shown to the user.
public struct ScratchFileError: Error, CustomStringConvertible {
    public let description: String
    public init(description: String) { self.description = description }
}
