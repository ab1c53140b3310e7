import PsqluiPluginAPI

/// The export formats psqlui ships with, in the order `:help export` lists them.
public enum BuiltinExporters {
    /// Every built-in format's declaration: csv, tsv, json, ndjson, markdown, html,
    /// sql, aligned, expanded.
    public static let all: [ExporterSpec] = [
        CSVExporter.spec,
        TSVExporter.spec,
        JSONExporter.jsonSpec,
        JSONExporter.ndjsonSpec,
        MarkdownExporter.spec,
        HTMLExporter.spec,
        SQLInsertExporter.spec,
        PrintFormatExporter.alignedSpec,
        PrintFormatExporter.expandedSpec,
    ]

    /// The built-in format called `name`, if any.
    public static func named(_ name: String) -> ExporterSpec? {
        all.first { $0.name == name }
    }
}
