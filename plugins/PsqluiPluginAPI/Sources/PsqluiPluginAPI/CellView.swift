/// One cell of a result row, viewed in place over libpq's bytes.
///
/// A `CellView` is valid only during the call that hands it to you (an exporter's
/// `write(_:)`): copy the bytes if you need them later. The bytes are the server's
/// text output for the column's type, in the client encoding (UTF-8), without a
/// terminating NUL.
@frozen
public struct CellView {
    /// The first byte of the value; `nil` when the value is NULL.
    public let base: UnsafePointer<UInt8>?
    /// The value's length in bytes (0 for NULL and for the empty string).
    public let count: Int
    /// The type OID of the column (the same for every cell of the column).
    public let typeOID: UInt32

    @inlinable
    public init(base: UnsafePointer<UInt8>?, count: Int, typeOID: UInt32) {
        self.base = base
        self.count = count
        self.typeOID = typeOID
    }

    /// True when the value is SQL NULL (distinct from the empty string).
    @inlinable public var isNull: Bool { base == nil }

    /// The bytes of the value (empty for NULL).
    @inlinable public var bytes: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base, count: base == nil ? 0 : count)
    }

    /// The value as a `String` (nil for NULL). Allocates: fine for commands, avoid per
    /// cell on an exporter's hot path.
    public var string: String? {
        guard base != nil else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }
}
