/// Builds the Parquet footer: the `FileMetaData` struct of parquet.thrift (schema,
/// row groups, column chunk metadata), Thrift compact encoded. Field ids are those of
/// parquet.thrift.
enum ParquetFooter {
    static let createdBy = "psqlui version 0.1.0"

    static func fileMetaData(columns: [(name: String, type: ParquetColumnType)], rowGroups: [ParquetFileWriter.RowGroupMeta],
                             totalRows: Int64, codec: ParquetCompression) -> [UInt8] {
        var w = ThriftCompactWriter()
        w.i32(1, 1)                                               // version
        let schemaCount = 1 + columns.reduce(0) { $0 + ($1.type.isList ? 3 : 1) }
        w.beginList(2, of: .structure, count: schemaCount)        // schema
        w.beginElementStruct()
        w.string(4, "schema")
        w.i32(5, Int32(columns.count))
        w.endStruct()
        for column in columns { schemaElements(column.name, column.type, into: &w) }
        w.i64(3, totalRows)                                       // num_rows
        w.beginList(4, of: .structure, count: rowGroups.count)    // row_groups
        for group in rowGroups {
            w.beginElementStruct()
            w.beginList(1, of: .structure, count: group.chunks.count)   // columns
            for (chunk, column) in zip(group.chunks, columns) {
                w.beginElementStruct()
                w.i64(2, chunk.offset)                            // file_offset
                w.beginStruct(3)                                  // meta_data
                w.i32(1, column.type.physical.rawValue)           // type
                w.beginList(2, of: .i32, count: 2)                // encodings: PLAIN, RLE
                w.elementI32(0)
                w.elementI32(3)
                let path = column.type.isList ? [column.name, "list", "element"] : [column.name]
                w.beginList(3, of: .binary, count: path.count)    // path_in_schema
                for p in path { w.elementString(p) }
                w.i32(4, codec.codec)                             // codec
                w.i64(5, chunk.valueCount)                        // num_values
                w.i64(6, chunk.uncompressedSize)                  // total_uncompressed_size
                w.i64(7, chunk.compressedSize)                    // total_compressed_size
                w.i64(9, chunk.offset)                            // data_page_offset
                w.endStruct()
                w.endStruct()
            }
            w.i64(2, group.chunks.reduce(0) { $0 + $1.uncompressedSize })   // total_byte_size
            w.i64(3, group.rows)                                  // num_rows
            w.endStruct()
        }
        w.string(6, createdBy)                                    // created_by
        w.endStruct()
        return w.bytes
    }

    /// The schema elements of one column: one leaf, or a three-level LIST
    /// (`optional group NAME (LIST) { repeated group list { optional T element } }`).
    static func schemaElements(_ name: String, _ type: ParquetColumnType, into w: inout ThriftCompactWriter) {
        if type.isList {
            w.beginElementStruct()
            w.i32(3, 1)                  // repetition_type: OPTIONAL
            w.string(4, name)
            w.i32(5, 1)                  // num_children
            w.i32(6, 3)                  // converted_type: LIST
            w.beginStruct(10)            // logicalType
            w.emptyStruct(3)             // LIST
            w.endStruct()
            w.endStruct()
            w.beginElementStruct()
            w.i32(3, 2)                  // REPEATED
            w.string(4, "list")
            w.i32(5, 1)
            w.endStruct()
            leaf("element", type, into: &w)
        } else {
            leaf(name, type, into: &w)
        }
    }

    private static func leaf(_ name: String, _ type: ParquetColumnType, into w: inout ThriftCompactWriter) {
        w.beginElementStruct()
        w.i32(1, type.physical.rawValue)                      // type
        if let length = type.typeLength { w.i32(2, Int32(length)) }   // type_length
        w.i32(3, 1)                                           // repetition_type: OPTIONAL
        w.string(4, name)                                     // name
        // converted_type (6), scale (7), precision (8), logicalType (10)
        switch type.scalar {
        case .boolean, .int32, .int64, .float, .double, .bytes:
            break
        case .int16:
            w.i32(6, 16)                                      // INT_16
            w.beginStruct(10); w.beginStruct(10); w.i8(1, 16); w.bool(2, true); w.endStruct(); w.endStruct()
        case .decimal(let precision, let scale):
            w.i32(6, 5)                                       // DECIMAL
            w.i32(7, Int32(scale))
            w.i32(8, Int32(precision))
            w.beginStruct(10); w.beginStruct(5); w.i32(1, Int32(scale)); w.i32(2, Int32(precision)); w.endStruct(); w.endStruct()
        case .string:
            w.i32(6, 0)                                       // UTF8
            w.beginStruct(10); w.emptyStruct(1); w.endStruct()
        case .json:
            w.i32(6, 19)                                      // JSON
            w.beginStruct(10); w.emptyStruct(12); w.endStruct()
        case .date:
            w.i32(6, 6)                                       // DATE
            w.beginStruct(10); w.emptyStruct(6); w.endStruct()
        case .timestamp(let utc):
            // The legacy TIMESTAMP_MICROS annotation means "adjusted to UTC": only for timestamptz.
            if utc { w.i32(6, 10) }
            w.beginStruct(10)
            w.beginStruct(8); w.bool(1, utc); w.beginStruct(2); w.emptyStruct(2); w.endStruct(); w.endStruct()
            w.endStruct()
        case .uuid:
            w.beginStruct(10); w.emptyStruct(14); w.endStruct()
        }
        w.endStruct()
    }
}
