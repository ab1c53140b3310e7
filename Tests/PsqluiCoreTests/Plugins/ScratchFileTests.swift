import Glibc
import PsqluiPluginAPI
import Testing

/// The plugin API's scratch file: what is appended reads back byte for byte, across
/// its write buffer and direct writes, and leaves no file behind.
struct ScratchFileTests {
    static func pattern(_ n: Int, seed: UInt8) -> [UInt8] { (0..<n).map { UInt8(truncatingIfNeeded: $0 &* 31) &+ seed } }

    @Test func appendsSmallAndLargeReadBackAtTheirOffsets() throws {
        let file = try ScratchFile(bufferSize: 4096)
        let small = Self.pattern(100, seed: 1), large = Self.pattern(50_000, seed: 7), tail = Self.pattern(3, seed: 9)
        try file.append(small)
        let largeAt = file.size
        try file.append(large)
        try file.append(tail)
        #expect(file.size == 50_103)
        var back = [UInt8](repeating: 0, count: 50_000)
        let got = try back.withUnsafeMutableBytes { try file.read(at: largeAt, into: $0) }
        #expect(got == 50_000 && back == large)
        var end = [UInt8](repeating: 0, count: 10)
        let short = try end.withUnsafeMutableBytes { try file.read(at: 50_100, into: $0) }
        #expect(short == 3 && Array(end.prefix(3)) == tail, "a read past the end returns what there is")
    }

    @Test func copyToAnOutputBufferAndTruncateReusesTheFile() throws {
        let file = try ScratchFile()
        let first = Self.pattern(700_000, seed: 3)
        try file.append(first)
        var drained: [UInt8] = []
        let out = OutputBuffer(capacity: 1000) { drained.append(contentsOf: $0) }
        try file.copy(from: 100, count: 600_000, to: out)
        try out.flush()
        #expect(drained == Array(first[100..<600_100]))
        try file.truncate()
        #expect(file.size == 0)
        try file.append([1, 2, 3])
        var back = [UInt8](repeating: 0, count: 3)
        _ = try back.withUnsafeMutableBytes { try file.read(at: 0, into: $0) }
        #expect(back == [1, 2, 3], "after truncate appends start again at offset 0")
        #expect(throws: ScratchFileError.self) { try file.copy(from: 0, count: 10, to: out) }
    }

    @Test func theFileHasNoNameInTheTemporaryDirectory() throws {
        var template = Array("/tmp/psqlui-scratch-test-XXXXXX".utf8CString)
        let dir = try #require(template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }.map { String(cString: $0) })
        defer { rmdir(dir) }
        setenv("TMPDIR", dir, 1)
        defer { unsetenv("TMPDIR") }
        let file = try ScratchFile()
        try file.append([1])
        let listing = try #require(opendir(dir))
        defer { closedir(listing) }
        var names: [String] = []
        while let entry = readdir(listing) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != "." && name != ".." { names.append(name) }
        }
        #expect(names.isEmpty, "unlinked at once: \(names)")
    }
}
