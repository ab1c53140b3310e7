import PsqluiPluginAPI

/// A growable byte buffer owned by one exporter, for hot loops: appends are plain
/// stores into memory this module owns (no calls into the resilient plugin API),
/// and the exporter hands the bytes to the `OutputBuffer` once per batch of rows.
/// Its `append` methods mirror `OutputBuffer`'s, so a writer can target either.
final class ByteScratch {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 64 * 1024) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    deinit { base.deallocate() }

    /// Makes room for `extra` more bytes.
    @inline(__always)
    func reserve(_ extra: Int) {
        if count &+ extra > capacity { grow(count + extra) }
    }

    private func grow(_ needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        bigger.update(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity = newCapacity
    }

    /// Appends one byte; room must have been reserved.
    @inline(__always)
    func appendReserved(_ byte: UInt8) {
        base[count] = byte
        count &+= 1
    }

    /// Appends bytes; room must have been reserved.
    @inline(__always)
    func appendReserved(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        (base + count).update(from: source, count: bytes.count)
        count &+= bytes.count
    }

    // `OutputBuffer`-shaped appends (they never throw; `throws` keeps call sites alike).

    @inline(__always)
    func append(_ byte: UInt8) throws {
        reserve(1)
        appendReserved(byte)
    }

    @inline(__always)
    func append(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        reserve(bytes.count)
        appendReserved(bytes)
    }

    func append(_ string: StaticString) throws {
        try append(UnsafeBufferPointer(start: string.utf8Start, count: string.utf8CodeUnitCount))
    }

    func append(_ string: String) throws {
        var s = string
        try s.withUTF8 { try append($0) }
    }

    /// Hands the bytes to `output` and empties the scratch.
    func flush(to output: OutputBuffer) throws {
        guard count > 0 else { return }
        let n = count
        count = 0
        try output.append(UnsafeBufferPointer(start: base, count: n))
    }
}
