/// Encodes repetition or definition levels in Parquet's RLE/bit-packing hybrid,
/// with the 4-byte length prefix data pages (v1) put before it.
///
/// Runs of 8 or more equal levels become RLE runs; everything else is bit-packed in
/// groups of 8 (the last group padded with zeros, which the reader ignores because
/// the page header gives the number of values).
enum LevelEncoder {
    static func encode(_ levels: [UInt8], bitWidth: Int, into out: inout [UInt8]) {
        let lengthAt = out.count
        out.append(contentsOf: [0, 0, 0, 0])
        let start = out.count
        var i = 0
        var literalStart = 0
        while i < levels.count {
            // Length of the run of equal values starting at i.
            var j = i + 1
            while j < levels.count, levels[j] == levels[i] { j += 1 }
            // An RLE run must start on a group boundary of the pending literals so the
            // bit-packed part is whole groups of 8.
            if j - i >= 16 {
                let aligned = literalStart + ((i - literalStart + 7) / 8) * 8
                if aligned < j && j - aligned >= 8 {
                    if aligned > literalStart { bitPacked(levels[literalStart..<aligned], bitWidth: bitWidth, into: &out) }
                    rle(value: levels[aligned], count: j - aligned, bitWidth: bitWidth, into: &out)
                    literalStart = j
                }
            }
            i = j
        }
        if literalStart < levels.count { bitPacked(levels[literalStart...], bitWidth: bitWidth, into: &out) }
        let length = UInt32(out.count - start)
        for k in 0..<4 { out[lengthAt + k] = UInt8(truncatingIfNeeded: length >> (8 * UInt32(k))) }
    }

    private static func rle(value: UInt8, count: Int, bitWidth: Int, into out: inout [UInt8]) {
        varint(UInt64(count) << 1, into: &out)
        out.append(value)   // levels are at most 3: one byte for bit widths up to 8
    }

    private static func bitPacked(_ levels: ArraySlice<UInt8>, bitWidth: Int, into out: inout [UInt8]) {
        let groups = (levels.count + 7) / 8
        varint(UInt64(groups) << 1 | 1, into: &out)
        var acc: UInt32 = 0
        var bits = 0
        var written = 0
        for v in levels {
            acc |= UInt32(v) << UInt32(bits)
            bits += bitWidth
            while bits >= 8 { out.append(UInt8(truncatingIfNeeded: acc)); acc >>= 8; bits -= 8 }
            written += 1
        }
        // Pad to whole groups of 8 values.
        let padValues = groups * 8 - written
        bits += padValues * bitWidth
        while bits > 0 { out.append(UInt8(truncatingIfNeeded: acc)); acc >>= 8; bits -= 8 }
    }

    static func varint(_ value: UInt64, into out: inout [UInt8]) {
        var v = value
        while v >= 0x80 { out.append(UInt8(v & 0x7F) | 0x80); v >>= 7 }
        out.append(UInt8(v))
    }

    /// The bit width of levels up to `maxLevel`.
    static func bitWidth(maxLevel: UInt8) -> Int {
        var w = 0
        while (1 << w) <= Int(maxLevel) { w += 1 }
        return w
    }
}
