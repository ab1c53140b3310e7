import PsqluiPluginAPI

/// Small byte-level helpers shared by the built-in exporters.
enum ExportSupport {
    /// True when `bytes` are exactly `literal`'s bytes.
    @inline(__always)
    static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
        let n = literal.utf8CodeUnitCount
        guard bytes.count == n, let base = bytes.baseAddress else { return n == 0 && bytes.count == 0 }
        return memcmp(base, literal.utf8Start, n) == 0
    }

    /// Runs `body` over a string's UTF-8 bytes (for column names, at `open`).
    static func withBytes<R>(_ string: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        var s = string
        return try s.withUTF8(body)
    }

    /// psql's row-count footer: `(1 row)`, `(N rows)`.
    static func rowCountFooter(_ rowCount: Int) -> String {
        rowCount == 1 ? "(1 row)" : "(\(rowCount) rows)"
    }

    /// A one-byte option such as a delimiter: accepts one ASCII character, or `tab`/`\t`.
    static func singleByteOption(_ options: ExportOptions, _ name: String, default value: UInt8,
                                 forbidden: Set<UInt8> = []) throws -> UInt8 {
        guard let text = options[name] else { return value }
        let byte: UInt8?
        switch text {
        case "tab", "\\t": byte = 9
        default: byte = text.utf8.count == 1 ? text.utf8.first : nil
        }
        guard let b = byte, b < 0x80, !forbidden.contains(b) else {
            throw ExportOptionError(option: name, value: text, expected: "a single ASCII character (or tab)")
        }
        return b
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
