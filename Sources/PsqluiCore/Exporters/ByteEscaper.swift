import PsqluiPluginAPI

/// Copies bytes to an `OutputBuffer`, replacing the few bytes a format must escape.
///
/// A 256-entry table says, per byte value, which replacement (if any) to write.
/// Runs of bytes that need no escaping are appended in one copy, so the per-cell cost
/// is one byte scan plus a few appends — no `String`, no allocation.
/// Where escaped bytes can go: the host's `OutputBuffer` or an exporter's scratch.
protocol ByteAppending: AnyObject {
    func append(_ bytes: UnsafeBufferPointer<UInt8>) throws
}

extension OutputBuffer: ByteAppending {}
extension ByteScratch: ByteAppending {}

struct ByteEscaper {
    /// `slot[b]` is 0 when byte `b` is copied as-is, else 1 + index into `replacements`.
    private var slot: [UInt8]
    /// Replacement byte strings, stored contiguously: `replacementBytes[start..<end]`.
    private var replacementBytes: [UInt8]
    private var replacementRanges: [Range<Int>]

    /// Makes an escaper from a map of byte → replacement text.
    init(_ replacements: [UInt8: String]) {
        slot = [UInt8](repeating: 0, count: 256)
        replacementBytes = []
        replacementRanges = []
        for (byte, text) in replacements.sorted(by: { $0.key < $1.key }) {
            let start = replacementBytes.count
            replacementBytes.append(contentsOf: Array(text.utf8))
            replacementRanges.append(start..<replacementBytes.count)
            slot[Int(byte)] = UInt8(replacementRanges.count)
        }
    }

    /// Returns a copy that also replaces `byte` with `text`.
    func adding(_ byte: UInt8, _ text: String) -> ByteEscaper {
        var map: [UInt8: String] = [:]
        for b in 0..<256 where slot[b] != 0 {
            let r = replacementRanges[Int(slot[b]) - 1]
            map[UInt8(b)] = String(decoding: replacementBytes[r], as: UTF8.self)
        }
        map[byte] = text
        return ByteEscaper(map)
    }

    /// True when `byte` would be replaced.
    @inline(__always)
    func escapes(_ byte: UInt8) -> Bool { slot[Int(byte)] != 0 }

    /// True when any byte of `bytes` would be replaced.
    func needsEscaping(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        slot.withUnsafeBufferPointer { table in
            for b in bytes where table[Int(b)] != 0 { return true }
            return false
        }
    }

    /// Appends `bytes`, escaped, to `output` (an `OutputBuffer` or an exporter's
    /// `ByteScratch`).
    func append<Sink: ByteAppending>(_ bytes: UnsafeBufferPointer<UInt8>, to output: Sink) throws {
        guard let base = bytes.baseAddress else { return }
        try slot.withUnsafeBufferPointer { table in
            try replacementBytes.withUnsafeBufferPointer { repl in
                var runStart = 0
                var i = 0
                let n = bytes.count
                while i < n {
                    let s = table[Int(base[i])]
                    if s != 0 {
                        if i > runStart { try output.append(UnsafeBufferPointer(start: base + runStart, count: i - runStart)) }
                        let r = replacementRanges[Int(s) - 1]
                        try output.append(UnsafeBufferPointer(rebasing: repl[r]))
                        runStart = i + 1
                    }
                    i += 1
                }
                if n > runStart { try output.append(UnsafeBufferPointer(start: base + runStart, count: n - runStart)) }
            }
        }
    }
}
