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
}
