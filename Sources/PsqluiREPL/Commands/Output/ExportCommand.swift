import FoundationEssentials
import Glibc
import PsqluiCore
import PsqluiPluginAPI

/// `:export FORMAT [name=value ...] [> FILE | >> FILE | | COMMAND]`: runs the query
/// buffer (or the previous statement) into an export format.
struct ExportCommand: REPLCommand {
    let about = CommandDescription(name: "export", summary: "run the query buffer (or the previous statement) into an export format",
                                   usage: ":export FORMAT [name=value ...] [> FILE | >> FILE | | SHELL COMMAND]",
                                   examples: [":export csv > orders.csv", ":export ndjson | jq .", ":export csv delimiter=; header=off >> all.csv"],
                                   group: "Output", completion: .formats)
    /// The destination (`>`, `>>`, `|`) is its own syntax, read from the whole line.
    let grammar = ArgumentGrammar.wholeLine

    func run(_ call: CommandCall, in env: CommandEnvironment) -> StepResult {
        let evaluator = env.evaluator
        let processor = env.processor
        let request: (format: ResultFormat, target: OutputTarget)
        do {
            let (head, target) = try OutputTarget.exportArguments(call.text)
            request = (try evaluator.resultFormat(from: head, command: "export"), target)
        } catch {
            evaluator.reportError(":export: \(error)")
            return .failed
        }

        let sql: [UInt8]
        let fromBuffer = env.pendingQuery != nil
        if let pending = env.pendingQuery {
            sql = pending
        } else if let previous = evaluator.previousStatement {
            if evaluator.interactive, !Self.looksLikeQuery(previous), !confirmRerun(previous, evaluator: evaluator) { return .ok }
            sql = previous
        } else {
            evaluator.reportError(":export: no query to run: type one first (without ;), or run one")
            return .failed
        }

        if case .pipe = request.target {
            try? evaluator.queryOutput.flush()
            try? evaluator.stdout.flush()
        }
        // The buffer is spent whether or not the target opens, as psql's `\g FILE` does:
        // a `;` after a failed export must not run the statement to the screen.
        if fromBuffer { processor.consumePending() }
        let output: OpenedOutput
        do {
            output = try request.target.open(queryOutput: evaluator.queryOutput, staged: true, checkProgram: true)
        } catch {
            evaluator.reportError(":export: \(error)")
            return .failed
        }
        let name = request.target.displayName
        let toTerminal = request.target == .queryOutput && isatty(output.writer.fileDescriptor) == 1
        let progress = evaluator.showsExportProgress && !toTerminal ? ExportProgress(target: name) : nil
        let consumer = ExportConsumer(spec: request.format.spec, options: request.format.options, writer: output.writer,
                                      destinationName: name, progress: progress)
        var result = processor.runUserStatement(sql, prefix: evaluator.messagePrefix, consumer: consumer)
        do {
            try output.finish(succeeded: result == .ok)
        } catch OutputWriteError.brokenPipe {
            if result == .ok { result = .brokenPipe }
        } catch {
            evaluator.reportError(":export: \(error)")
            result = .failed
        }
        // A pipeline that stopped reading (`| head -1`) is a normal end of the export;
        // the query was cancelled and drained by the session.
        if result == .brokenPipe, output.isPipe { return .ok }
        if result != .ok {
            if let partial = output.partialPath {
                evaluator.reportError(":export: \(name) not written; partial output (\(consumer.rowsWritten) rows) kept in \(partial)")
            } else if case .file(_, append: true) = request.target {
                evaluator.reportError(":export: \(consumer.rowsWritten) rows appended to \(name) before the export failed")
            }
        }
        return result
    }

    /// True when the statement's first word says it only reads (re-running it is harmless).
    static func looksLikeQuery(_ sql: [UInt8]) -> Bool {
        let text = String(decoding: sql, as: UTF8.self).drop { $0.isWhitespace || $0 == "(" }
        let word = text.prefix { $0.isLetter }.lowercased()
        return ["select", "with", "values", "table", "show", "explain"].contains(word)
    }

    private func confirmRerun(_ sql: [UInt8], evaluator: Evaluator) -> Bool {
        try? evaluator.stdout.flush()
        let first = String(decoding: sql, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
        try? evaluator.stderr.write("The previous statement was not a query:\n  \(first)\nRun it again for the export? [y/N] ")
        try? evaluator.stderr.flush()
        guard let answer = readLine() else { return false }
        return ["y", "yes"].contains(answer.trimmingBlanks().lowercased())
    }
}
