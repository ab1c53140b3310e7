import Testing
@testable import PsqluiCore

@Suite struct UTF8CheckTests {
    @Test(arguments: [
        ([UInt8](), nil as Int?),
        (Array("select 1;".utf8), nil),
        (Array("é ü € 😀 ß".utf8), nil),
        ([0x61, 0x80], 1),                 // stray continuation byte
        ([0x61, 0xC3], 1),                 // truncated 2-byte sequence
        ([0xC3, 0x28], 0),                 // bad continuation
        ([0xC0, 0xAF], 0),                 // overlong '/'
        ([0xE0, 0x80, 0xAF], 0),           // overlong 3-byte
        ([0xED, 0xA0, 0x80], 0),           // surrogate U+D800
        ([0xF4, 0x90, 0x80, 0x80], 0),     // above U+10FFFF
        ([0xF5, 0x80, 0x80, 0x80], 0),
        ([0x61, 0x62, 0xE2, 0x82], 2),     // truncated euro sign
        ([0xE2, 0x82, 0xAC, 0xFF], 3),
        ([0xF0, 0x9F, 0x98, 0x80, 0x61], nil),
    ])
    func findsFirstInvalidByte(_ bytes: [UInt8], _ expected: Int?) {
        #expect(UTF8Check.firstInvalidByte(in: bytes) == expected)
    }

    /// Long lines take the eight-bytes-at-a-time ASCII path: a bad byte is found at
    /// every offset, and valid sequences after ASCII runs of any length pass.
    @Test func findsBadBytesInLongASCIILines() {
        let line = Array("insert into t values (1, 'name 1', 1.25);".utf8)
        for offset in 0..<line.count {
            var bad = line
            bad[offset] = 0x80
            #expect(UTF8Check.firstInvalidByte(in: bad) == offset)
            var truncated = Array(line[..<offset])
            truncated.append(0xE2)
            #expect(UTF8Check.firstInvalidByte(in: truncated) == offset)
            var valid = Array(line[..<offset])
            valid += Array("€😀".utf8) + line
            #expect(UTF8Check.firstInvalidByte(in: valid) == nil)
        }
    }
}
