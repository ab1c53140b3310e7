import FoundationEssentials
import Glibc
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
        let table = commands
        if let spec = try await table.exporter(named: lower) { return spec }
        throw ExportFailure(message: "unknown format \"\(name)\"; formats: aligned, unaligned, "
                            + table.formatNames.filter { $0 != "aligned" }.joined(separator: ", "))
    }

    /// `FORMAT name=value …` (`:export`, `:format`) → the format and its checked
    /// options; bad option names and values are refused before any query runs.
    func resultFormat(from text: String, command: String) throws -> ResultFormat {
        let words = MetaCommandArguments.split(Array(text.utf8), grammar: .words, variables: nil)
        guard let name = words.first else {
            throw ExportFailure(message: "a format is needed: :\(command) FORMAT [name=value ...]")
        }
        let spec = try resolveFormat(name)
        var values: [String: String] = [:]
        for word in words.dropFirst() {
            guard let eq = word.firstIndex(of: "="), eq != word.startIndex else {
                throw ExportFailure(message: "expected name=value, got \"\(word)\"")
            }
            let key = String(word[..<eq]).lowercased()
            if !spec.options.isEmpty, !spec.options.contains(where: { $0.name == key }) {
                throw ExportFailure(message: "format \(spec.name) has no option \"\(key)\"; options: " + spec.options.map(\.name).joined(separator: ", "))
            }
            values[key] = String(word[word.index(after: eq)...])
        }
        let options = ExportOptions(values)
        _ = try spec.make(options)
        return ResultFormat(spec: spec, options: options)
    }

    /// psql's csv with `\\x on` is expanded csv (a `column,value` line per field): the
    /// screen printer's csv writer draws it; the exporter stays the streaming csv path.
    var printsExpandedCSV: Bool {
        hasResultFormat && formatIsPlainCSV() && printSettings.expanded == .on
    }

    /// Whether `resultFormat` is csv without options (see `formattedResultConsumer`
    /// for why this is a function of its own).
    @inline(never)
    private func formatIsPlainCSV() -> Bool {
        guard let format = resultFormat else { return false }
        return format.spec.name == "csv" && format.options.values.isEmpty
    }

    /// The consumer for a result when `resultFormat` is set: the exporter writing to
    /// the query output, with progress when that is not the terminal.
    func formattedResultConsumer() -> ExportConsumer? {
        // Asked for every statement: test for nil here, in a function whose frame holds
        // no resilient values (the plugin API's `ExporterSpec` is sized at run time, and
        // a frame holding one asks its metadata before the first line runs).
        guard hasResultFormat else { return nil }
        return makeFormattedResultConsumer()
    }

    @inline(never)
    private func makeFormattedResultConsumer() -> ExportConsumer? {
        guard let format = resultFormat, !printsExpandedCSV else { return nil }
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
                              showCommandTags: printSettings.showCommandTags && !quiet, progress: progress)
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
            // csv and html are psql formats too: `\pset format` names them, `\a` toggles from them.
            if let psqlFormat = PrintSettings.Format(rawValue: name.lowercased()) { printSettings.format = psqlFormat }
        }
    }
}
