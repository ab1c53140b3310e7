/// Lower-cased names packed into one byte array, in a given order: what a scan over
/// 100,000 relation names reads without touching (retaining) 100,000 small arrays.
struct FlatKeys: Sendable {
    let bytes: [UInt8]
    /// `offsets[i]..<offsets[i + 1]` is key `i`; one more offset than keys.
    let offsets: [Int32]

    init(_ keys: [[UInt8]]) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(keys.reduce(0) { $0 + $1.count })
        var offsets: [Int32] = [0]
        offsets.reserveCapacity(keys.count + 1)
        for k in keys {
            bytes += k
            offsets.append(Int32(bytes.count))
        }
        self.bytes = bytes
        self.offsets = offsets
    }

    var count: Int { offsets.count - 1 }
}
