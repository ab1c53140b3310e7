import Foundation
import PsqluiCore
import PsqluiPluginAPI

/// `:export FORMAT [name=value ...] [> FILE | >> FILE | | COMMAND]` and
/// `:format FORMAT`. They run at the REPL level (they need the query buffer and the
/// session's thread); their `CommandSpec`s are registered so `:help` and completion
/// know them.
final class ExportCommands {
    let evaluator: Evaluator

    init(evaluator: Evaluator) { self.evaluator = evaluator }

    /// The declarations for the registry (help, usage, argument completion).
    static let specs: [CommandSpec] = [
        CommandSpec(name: "export", summary: "run the query buffer (or the previous statement) into an export format",
                    usage: ":export FORMAT [name=value ...] [> FILE | >> FILE | | SHELL COMMAND]",
                    examples: [":export csv > orders.csv", ":export ndjson | jq .", ":export csv delimiter=; header=off >> all.csv"],
                    group: "Output", completion: .formats, handler: { _, _ in
                        throw ExportFailure(message: ":export runs at the psqlui prompt or in a script")
                    }),
        CommandSpec(name: "format", summary: "show every following result in a format (aligned, unaligned, csv, json, …)",
                    usage: ":format FORMAT [name=value ...]",
                    examples: [":format csv", ":format aligned"],
                    group: "Output", completion: .formats, handler: { _, _ in
                        throw ExportFailure(message: ":format runs at the psqlui prompt or in a script")
                    }),
    ]

    /// Registers `:export` and `:format` with the registry.
    static func register(in registry: PluginRegistry) {
        for spec in specs { registry.registerBuiltin(spec) }
    }

    // MARK: :export

    func export(arguments: String, processor: InputProcessor) -> StepResult {
        let request: (spec: ExporterSpec, options: ExportOptions, destination: ExportDestination)
        do {
            let (head, destination) = try ExportDestination.split(arguments)
            let (spec, options) = try formatAndOptions(head, command: "export")
            request = (spec, options, destination)
        } catch {
            evaluator.reportError(":export: \(error)")
            return .failed
        }

        let pending = processor.pendingSQL
        let sql: [UInt8]
        let fromBuffer = !Self.isBlank(pending)
        if fromBuffer {
            sql = pending
        } else if let previous = evaluator.previousStatement {
            if evaluator.interactive, !Self.looksLikeQuery(previous), !confirmRerun(previous) { return .ok }
            sql = previous
        } else {
            evaluator.reportError(":export: no query to run: type one first (without ;), or run one")
            return .failed
        }

        if case .pipeline = request.destination {
            try? evaluator.queryOutput.flush()
            try? evaluator.stdout.flush()
        }
        let sink: ExportSink
        do {
            sink = try ExportSink(request.destination, queryOutput: evaluator.queryOutput)
        } catch {
            // The buffer is kept: fix the destination and export again.
            evaluator.reportError(":export: \(error)")
            return .failed
        }
        if fromBuffer { processor.consumePending() }
        let toTerminal = request.destination == .queryOutput && isatty(sink.writer.fileDescriptor) == 1
        let progress = evaluator.showsExportProgress && !toTerminal ? ExportProgress(target: request.destination.displayName) : nil
        let consumer = ExportConsumer(spec: request.spec, options: request.options, writer: sink.writer,
                                      destinationName: request.destination.displayName, progress: progress)
        var result = evaluator.runStatement(sql, prefix: evaluator.messagePrefix, copyIn: processor.copyInSource, consumer: consumer)
        do {
            try sink.finish()
        } catch OutputWriteError.brokenPipe {
            if result == .ok { result = .brokenPipe }
        } catch {
            evaluator.reportError(":export: \(request.destination.displayName): \(error)")
            result = .failed
        }
        // A pipeline that stopped reading (`| head -1`) is a normal end of the export;
        // the query was cancelled and drained by the session.
        if result == .brokenPipe, case .pipeline = request.destination { return .ok }
        return result
    }

    // MARK: :format

    func format(arguments: String) -> StepResult {
        let words = CommandInvocation.splitWords(arguments)
        guard let name = words.first else {
            let current = evaluator.resultFormat?.spec.name ?? evaluator.printSettings.format.rawValue
            try? evaluator.stdout.write("Output format is \(current).\n")
            try? evaluator.stdout.flush()
            return .ok
        }
        if let builtin = PrintSettings.Format.screenFormat(named: name), words.count == 1 {
            evaluator.printSettings.format = builtin
            evaluator.resultFormat = nil
            return .ok
        }
        do {
            let (spec, options) = try formatAndOptions(arguments, command: "format")
            evaluator.resultFormat = ResultFormat(spec: spec, options: options)
            return .ok
        } catch {
            evaluator.reportError(":format: \(error)")
            return .failed
        }
    }

    // MARK: Parsing

    /// `FORMAT name=value …` → the format and its checked options.
    private func formatAndOptions(_ text: String, command: String) throws -> (ExporterSpec, ExportOptions) {
        let words = CommandInvocation.splitWords(text)
        guard let name = words.first else {
            throw ExportFailure(message: "a format is needed: :\(command) FORMAT [name=value ...]")
        }
        let spec = try evaluator.resolveFormat(name)
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
        _ = try spec.make(options)  // reject bad option values before the query runs
        return (spec, options)
    }

    static func isBlank(_ sql: [UInt8]) -> Bool {
        sql.allSatisfy { $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 }
    }

    /// True when the statement's first word says it only reads (re-running it is harmless).
    static func looksLikeQuery(_ sql: [UInt8]) -> Bool {
        let text = String(decoding: sql, as: UTF8.self).drop { $0.isWhitespace || $0 == "(" }
        let word = text.prefix { $0.isLetter }.lowercased()
        return ["select", "with", "values", "table", "show", "explain"].contains(word)
    }

    private func confirmRerun(_ sql: [UInt8]) -> Bool {
        try? evaluator.stdout.flush()
        let first = String(decoding: sql, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
        try? evaluator.stderr.write("The previous statement was not a query:\n  \(first)\nRun it again for the export? [y/N] ")
        try? evaluator.stderr.flush()
        guard let answer = readLine() else { return false }
        return ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
    }
}
