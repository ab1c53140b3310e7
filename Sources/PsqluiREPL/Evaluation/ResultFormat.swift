import Foundation
import PsqluiCore
import PsqluiPluginAPI

/// The export format every result is shown in after `:format csv`, `--csv`, `-H`,
/// `--format NAME` or `-P format=NAME` (nil: the screen printer's aligned/unaligned).
public struct ResultFormat {
    public var spec: ExporterSpec
    public var options: ExportOptions

    public init(spec: ExporterSpec, options: ExportOptions = ExportOptions()) {
        self.spec = spec
        self.options = options
    }
}

extension Evaluator {
    /// The export format called `name`: a registry format (built-in or a plugin's,
    /// activating the plugin), else a built-in one. Throws with the known names.
    public func resolveFormat(_ name: String) throws -> ExporterSpec {
        try BlockingAsync.run { try await self.resolveFormatAsync(name) }
    }

    /// `resolveFormat` for callers already in async code (a plugin command's
    /// `CommandContext.exportFormat(named:)`).
    func resolveFormatAsync(_ name: String) async throws -> ExporterSpec {
        let lower = name.lowercased()
        if let registry = plugins {
            if let spec = try await registry.exporter(named: lower) { return spec }
        } else if let spec = BuiltinExporters.named(lower) {
            return spec
        }
        let known = (plugins?.formatNames ?? BuiltinExporters.all.map(\.name))
        throw ExportFailure(message: "unknown format \"\(name)\"; formats: aligned, unaligned, " + known.filter { $0 != "aligned" }.joined(separator: ", "))
    }

    /// The consumer for a result when `resultFormat` is set: the exporter writing to
    /// the query output, with progress when that is not the terminal.
    func formattedResultConsumer() -> ExportConsumer? {
        guard let format = resultFormat else { return nil }
        var options = format.options
        // psql -t: no header line in csv, no footer in html.
        if printSettings.tuplesOnly {
            for name in ["header", "footer"] where options[name] == nil && format.spec.options.contains(where: { $0.name == name }) {
                options.values[name] = "off"
            }
        }
        let toTerminal = isatty(queryOutput.fileDescriptor) == 1
        let progress = showsExportProgress && !toTerminal
            ? ExportProgress(target: queryOutput === stdout ? "stdout" : "output file") : nil
        return ExportConsumer(spec: format.spec, options: options, writer: queryOutput,
                              destinationName: queryOutput === stdout ? "stdout" : "output file",
                              showCommandTags: printSettings.showCommandTags, progress: progress)
    }
}

extension Evaluator {
    /// Applies `--format NAME` (or `--csv`, `-H`, `-P format=NAME`): aligned and
    /// unaligned set the printer's format, any other name an export format.
    public func applyLaunchFormat(_ name: String) throws {
        if let builtin = PrintSettings.Format.screenFormat(named: name) {
            printSettings.format = builtin
            resultFormat = nil
        } else {
            resultFormat = ResultFormat(spec: try resolveFormat(name))
        }
    }
}
