/// A byte buffer an exporter (or any writer) appends to; the host drains it to a
/// file, a pipe or stdout whenever it fills, so the buffer's size, not the result's,
/// bounds memory.
///
/// Appends are `@inlinable` so that writing a cell costs a bounds check and a copy.
/// `flush()` hands the bytes to the host's drain closure, which throws when the
/// reader has gone away (a closed pipe) or the disk is full; exporters let that error
/// propagate.
public final class OutputBuffer {
    @usableFromInline var storage: UnsafeMutablePointer<UInt8>
    @usableFromInline var used: Int
    @usableFromInline let capacity: Int
    @usableFromInline let drain: (UnsafeRawBufferPointer) throws -> Void

    /// Creates a buffer of `capacity` bytes that hands full buffers to `drain`.
    public init(capacity: Int = 64 * 1024, drain: @escaping (UnsafeRawBufferPointer) throws -> Void) {
        self.capacity = max(capacity, 256)
        self.storage = .allocate(capacity: self.capacity)
        self.used = 0
        self.drain = drain
    }

    deinit { storage.deallocate() }

    /// Bytes appended but not yet drained.
    @inlinable public var pendingCount: Int { used }

    /// Appends one byte.
    @inlinable
    public func append(_ byte: UInt8) throws {
        if used == capacity { try flush() }
        storage[used] = byte
        used &+= 1
    }

    /// Appends raw bytes.
    @inlinable
    public func append(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        if used &+ bytes.count > capacity {
            try flush()
            if bytes.count > capacity {
                try drain(UnsafeRawBufferPointer(bytes))
                return
            }
        }
        (storage + used).update(from: base, count: bytes.count)
        used &+= bytes.count
    }

    /// Appends the bytes of a cell (nothing for NULL).
    @inlinable
    public func append(_ cell: CellView) throws {
        try append(cell.bytes)
    }

    /// Appends a string's UTF-8 bytes.
    @inlinable
    public func append(_ string: String) throws {
        var s = string
        try s.withUTF8 { try append($0) }
    }

    /// Appends a static ASCII string (separators, keywords).
    @inlinable
    public func append(_ string: StaticString) throws {
        try append(UnsafeBufferPointer(start: string.utf8Start, count: string.utf8CodeUnitCount))
    }

    /// Hands everything appended so far to the host.
    public func flush() throws {
        guard used > 0 else { return }
        let n = used
        used = 0
        try drain(UnsafeRawBufferPointer(start: storage, count: n))
    }
}
