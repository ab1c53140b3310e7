import PsqluiPluginAPI

/// The `parquet` export format: a streaming Parquet writer (see ParquetFileWriter).
public final class ParquetExporter: Exporter {
    /// The options `:export parquet` understands.
    public static let options: [ExportOptionSpec] = [
        ExportOptionSpec(name: "compression", summary: "page compression", defaultValue: "none",
                         allowedValues: ParquetCompression.allCases.map(\.rawValue)),
        ExportOptionSpec(name: "row_group_mb", summary: "write a row group when its columns hold this many MiB", defaultValue: "32"),
        ExportOptionSpec(name: "arrays", summary: "arrays as a Parquet LIST of their elements, or as their text literal",
                         defaultValue: "list", allowedValues: ["list", "text"]),
    ]

    /// The format's declaration.
    public static var spec: ExporterSpec {
        var spec = ExporterSpec(name: "parquet", summary: "Apache Parquet file (typed columns; binary: write it to a file)",
                                fileExtension: "parquet", options: options) { try ParquetExporter(options: $0) }
        spec.isBinary = true
        return spec
    }

    private let codec: ParquetCompression
    private let limits: ParquetFileWriter.Limits
    private let arraysAsText: Bool
    private var writer: ParquetFileWriter?

    /// An exporter with checked options.
    public init(options: ExportOptions) throws {
        let compression = options["compression"] ?? "none"
        guard let codec = ParquetCompression(rawValue: compression.lowercased()) else {
            throw ExportOptionError(option: "compression", value: compression, expected: "none or zstd")
        }
        self.codec = codec
        var limits = ParquetFileWriter.Limits()
        if let mb = options["row_group_mb"] {
            guard let n = Int(mb), n >= 1, n <= 4096 else {
                throw ExportOptionError(option: "row_group_mb", value: mb, expected: "a number of MiB from 1 to 4096")
            }
            limits.rowGroupBytes = n << 20
        }
        self.limits = limits
        let arrays = options["arrays"] ?? "list"
        guard arrays == "list" || arrays == "text" else {
            throw ExportOptionError(option: "arrays", value: arrays, expected: "list or text")
        }
        arraysAsText = arrays == "text"
    }

    public func open(columns: [ColumnInfo], output: OutputBuffer) async throws {
        let w = try ParquetFileWriter(columns: columns, output: output, codec: codec, limits: limits, arraysAsText: arraysAsText)
        try w.start()
        writer = w
    }

    public func write(_ batch: RowBatch) throws {
        try writer?.append(batch)
    }

    public func finish(rowCount: Int) async throws {
        try writer?.finish()
        writer = nil
    }
}
