import CZstd

/// The page compression of a Parquet export: none (the default) or zstd through the
/// system's libzstd.
enum ParquetCompression: String, CaseIterable {
    case none
    case zstd

    /// The `CompressionCodec` value in the file metadata.
    var codec: Int32 {
        switch self {
        case .none: return 0   // UNCOMPRESSED
        case .zstd: return 6   // ZSTD
        }
    }

    /// The page body as stored.
    func compress(_ body: [UInt8]) throws -> [UInt8] {
        switch self {
        case .none:
            return body
        case .zstd:
            let bound = ZSTD_compressBound(body.count)
            var out = [UInt8](repeating: 0, count: bound)
            let n = out.withUnsafeMutableBytes { dst in
                body.withUnsafeBytes { src in ZSTD_compress(dst.baseAddress, bound, src.baseAddress, src.count, 3) }
            }
            if ZSTD_isError(n) != 0 {
                throw ParquetExportError("zstd: " + String(cString: ZSTD_getErrorName(n)))
            }
            out.removeSubrange(n...)
            return out
        }
    }
}
