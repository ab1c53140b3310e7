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

extension FlatKeys {
    /// The first position whose key is not below `key` (bytewise), when the keys are
    /// sorted: where a binary search for `key` starts.
    func lowerBound(_ key: [UInt8]) -> Int {
        bytes.withUnsafeBufferPointer { b in
            offsets.withUnsafeBufferPointer { o in
                key.withUnsafeBufferPointer { k in
                    var lo = 0, hi = o.count - 1
                    while lo < hi {
                        let mid = (lo + hi) / 2
                        if FlatKeys.precedes(b, Int(o[mid]), Int(o[mid + 1]), k) { lo = mid + 1 } else { hi = mid }
                    }
                    return lo
                }
            }
        }
    }

    /// True when key `i` equals `key`.
    func equals(_ i: Int, _ key: [UInt8]) -> Bool {
        let start = Int(offsets[i]), end = Int(offsets[i + 1])
        guard end - start == key.count else { return false }
        for j in 0..<key.count where bytes[start + j] != key[j] { return false }
        return true
    }

    private static func precedes(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ k: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = min(end - start, k.count)
        for j in 0..<n where b[start + j] != k[j] { return b[start + j] < k[j] }
        return end - start < k.count
    }
}
