import PsqluiPluginAPI

/// Runs of padding and rules for the text writers, without building a `String`.
extension OutputBuffer {
    private static let spaceRun = [UInt8](repeating: UInt8(ascii: " "), count: 256)
    private static let dashRun = [UInt8](repeating: UInt8(ascii: "-"), count: 256)

    /// Appends `count` spaces (nothing when `count` ≤ 0).
    func appendSpaces(_ count: Int) throws { try appendRun(Self.spaceRun, count) }

    /// Appends `count` dashes (nothing when `count` ≤ 0).
    func appendDashes(_ count: Int) throws { try appendRun(Self.dashRun, count) }

    private func appendRun(_ source: [UInt8], _ count: Int) throws {
        var left = count
        while left > 0 {
            let k = min(left, source.count)
            try source.withUnsafeBufferPointer { try append(UnsafeBufferPointer(rebasing: $0[0..<k])) }
            left -= k
        }
    }
}
