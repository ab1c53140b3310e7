import PsqluiPluginAPI

/// Streams rows as a YAML sequence of mappings, one mapping per row:
///
/// ```yaml
/// - id: "1"
///   note: "it's \"quoted\"\n"
///   gone: null
/// ```
/// Every value and key is a double-quoted YAML scalar (so `no`, `1e3`, `: ` or a
/// leading `-` stay strings), NULL is `null`, an empty result is `[]`.
public final class YamlExporter: Exporter {
    /// The `yaml` format.
    public static let spec = ExporterSpec(name: "yaml", summary: "YAML sequence of mappings", fileExtension: "yaml") { _ in
        YamlExporter()
    }

    private var output: OutputBuffer?
    private var keys: [[UInt8]] = []

    public init() {}

    public func open(columns: [ColumnInfo], output: OutputBuffer) async throws {
        self.output = output
        keys = columns.map { Self.quoted(Array($0.name.utf8)) }
    }

    public func write(_ batch: RowBatch) throws {
        guard let out = output else { return }
        for r in 0..<batch.rowCount {
            for c in 0..<batch.columnCount {
                try out.append(c == 0 ? "- " : "  ")
                try keys[c].withUnsafeBufferPointer { try out.append($0) }
                try out.append(": ")
                let cell = batch[r, c]
                if cell.isNull { try out.append("null") } else { try Self.appendQuoted(cell.bytes, to: out) }
                try out.append(UInt8(ascii: "\n"))
            }
        }
    }

    public func finish(rowCount: Int) async throws {
        if rowCount == 0 { try output?.append("[]\n") }
    }

    /// Appends `bytes` as a double-quoted YAML scalar: `"` and `\` escaped, control
    /// characters as `\n`, `\t` or `\xNN`; other bytes (UTF-8 included) as they are.
    static func appendQuoted(_ bytes: UnsafeBufferPointer<UInt8>, to out: OutputBuffer) throws {
        try out.append(UInt8(ascii: "\""))
        for b in bytes {
            switch b {
            case UInt8(ascii: "\""): try out.append("\\\"")
            case UInt8(ascii: "\\"): try out.append("\\\\")
            case 0x0A: try out.append("\\n")
            case 0x09: try out.append("\\t")
            case 0x0D: try out.append("\\r")
            case 0..<0x20, 0x7F:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                try out.append("\\x")
                try out.append(hex[Int(b >> 4)])
                try out.append(hex[Int(b & 0xF)])
            default: try out.append(b)
            }
        }
        try out.append(UInt8(ascii: "\""))
    }

    static func quoted(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        let sink = OutputBuffer(capacity: 256) { result.append(contentsOf: $0) }
        bytes.withUnsafeBufferPointer { try? appendQuoted($0, to: sink) }
        try? sink.flush()
        return result
    }
}
