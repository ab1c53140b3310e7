import PsqluiPluginAPI

/// A growable byte buffer owned by one exporter, for hot loops: appends are plain
/// stores into memory this module owns (no calls into the resilient plugin API, no
/// exclusivity checks), and the exporter hands the bytes to the `OutputBuffer` once
/// per batch of rows.
struct ByteScratch {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 64 * 1024) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    /// Frees the memory; the scratch must not be used afterwards.
    func deallocate() { base.deallocate() }

    /// Makes room for `extra` more bytes.
    @inline(__always)
    mutating func reserve(_ extra: Int) {
        if count &+ extra > capacity { grow(count + extra) }
    }

    private mutating func grow(_ needed: Int) {
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
    mutating func appendReserved(_ byte: UInt8) {
        base[count] = byte
        count &+= 1
    }

    /// Appends bytes; room must have been reserved.
    @inline(__always)
    mutating func appendReserved(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        (base + count).update(from: source, count: bytes.count)
        count &+= bytes.count
    }

    /// Hands the bytes to `output` and empties the scratch.
    mutating func flush(to output: OutputBuffer) throws {
        guard count > 0 else { return }
        let n = count
        count = 0
        try output.append(UnsafeBufferPointer(start: base, count: n))
    }
}
