/// Why a Parquet export stopped: a value the chosen Parquet type cannot hold, or a
/// text form the converter does not understand. Names the column and the value.
struct ParquetExportError: Error, CustomStringConvertible {
    var message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}
