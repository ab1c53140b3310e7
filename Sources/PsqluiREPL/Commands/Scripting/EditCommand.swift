import FoundationEssentials
import Glibc
import PsqluiCore
import PsqluiPluginAPI

/// `:edit` (`:e`, `\e`, `\edit`) `[FILE [LINE]]`: edits the query buffer (or the previous
/// statement, or FILE) in `$PSQLUI_EDITOR`/`$PSQL_EDITOR`/`$EDITOR`/`$VISUAL`/vi, then
/// runs what the editor left, line by line. `\ef` and `\ev` edit through the same path.
struct EditCommand: REPLCommand {
    let about = CommandDescription(name: "edit", aliases: ["e", "\\e", "\\edit"],
                                   summary: "edit the query buffer (or FILE) in $EDITOR, then run it", usage: ":edit [FILE [LINE]]",
                                   group: "Work", completion: .files)
    let grammar = ArgumentGrammar.psql

    func run(_ call: CommandCall, in env: CommandEnvironment) -> StepResult {
        var line: Int?
        if call.words.count > 1 {
            guard let n = Int(call.words[1]), n > 0 else {
                env.evaluator.reportError("invalid line number: \(call.words[1])")
                return .failed
            }
            line = n
        }
        if let file = call.words.first { return Self.edit(file: UserPath.expand(file), line: line, calledAt: call.line, in: env) }
        let pending = env.pendingQuery ?? env.evaluator.previousStatement ?? []
        return Self.edit(text: pending + [0x0a], line: line, calledAt: call.line, in: env)
    }

    /// The editor command psql would run, from the environment.
    static var editor: String {
        let environment = ProcessInfo.processInfo.environment
        return environment["PSQLUI_EDITOR"] ?? environment["PSQL_EDITOR"] ?? environment["EDITOR"] ?? environment["VISUAL"] ?? "vi"
    }

    /// Writes `text` to a temporary file, edits it and runs the result (the file is removed).
    static func edit(text: [UInt8], line: Int?, calledAt inputLine: Int, in env: CommandEnvironment) -> StepResult {
        let path = PathText.temporaryDirectory + "psqlui-edit-\(getpid()).sql"
        guard FileManager.default.createFile(atPath: path, contents: Data(text)) else {
            env.evaluator.reportError("could not write \(path)")
            return .failed
        }
        defer { unlink(path) }
        return edit(file: path, line: line, calledAt: inputLine, in: env)
    }

    /// Opens `file` in the editor (at `line`: `$PSQL_EDITOR_LINENUMBER_ARG` then the
    /// number, as psql does, e.g. `+12`), then runs what it left as input lines; their
    /// messages name `inputLine`, the line of the edit command, as psql's do.
    static func edit(file path: String, line: Int?, calledAt inputLine: Int, in env: CommandEnvironment) -> StepResult {
        let evaluator = env.evaluator
        let quoted = "'" + path.replacingEvery("'", with: "'\\''") + "'"
        var command = editor + " " + quoted
        if let line {
            guard let lineArgument = ProcessInfo.processInfo.environment["PSQL_EDITOR_LINENUMBER_ARG"] else {
                evaluator.reportError("environment variable PSQL_EDITOR_LINENUMBER_ARG must be set to specify a line number")
                return .failed
            }
            command = editor + " " + lineArgument + String(line) + " " + quoted
        }
        try? evaluator.queryOutput.flush()
        try? evaluator.stdout.flush()
        let status = (try? ShellCommand.run(command)) ?? -1
        guard status == 0, let edited = FileManager.default.contents(atPath: path) else {
            evaluator.reportError("the editor exited with status \(status); nothing was run")
            return .failed
        }
        let processor = env.processor
        processor.consumePending()
        var lines = Array(edited).split(separator: 0x0a, omittingEmptySubsequences: false).map(Array.init)
        if lines.last?.isEmpty == true { lines.removeLast() }
        var worst = StepResult.ok
        for (index, line) in lines.enumerated() {
            let result = processor.process(line: line, lineNumber: inputLine > 0 ? inputLine : index + 1)
            if result == .failed { worst = .failed } else if result != .ok { return result }
        }
        return worst
    }
}
