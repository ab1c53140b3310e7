import Foundation
import PsqluiCore

/// `:edit` (`:e`, `\e`, `\edit`) `[FILE]`: edits the query buffer (or the previous
/// statement, or FILE) in `$PSQLUI_EDITOR`/`$PSQL_EDITOR`/`$EDITOR`/`$VISUAL`/vi, then
/// runs what the editor left, line by line.
struct EditCommand: REPLCommand {
    let about = CommandDescription(name: "edit", aliases: ["e", "\\e", "\\edit"],
                                   summary: "edit the query buffer (or FILE) in $EDITOR, then run it", usage: ":edit [FILE]",
                                   group: "Work", completion: .files)
    let grammar = ArgumentGrammar.psql

    func run(_ call: CommandCall, in env: CommandEnvironment) -> StepResult {
        let evaluator = env.evaluator
        let processor = env.processor
        let environment = ProcessInfo.processInfo.environment
        let editor = environment["PSQLUI_EDITOR"] ?? environment["PSQL_EDITOR"] ?? environment["EDITOR"] ?? environment["VISUAL"] ?? "vi"
        let path: String
        var temporary = false
        if let file = call.words.first {
            path = UserPath.expand(file)
        } else {
            path = NSTemporaryDirectory() + "psqlui-edit-\(getpid()).sql"
            let pending = env.pendingQuery ?? evaluator.previousStatement ?? []
            guard FileManager.default.createFile(atPath: path, contents: Data(pending + [0x0a])) else {
                evaluator.reportError("could not write \(path)")
                return .failed
            }
            temporary = true
        }
        defer { if temporary { unlink(path) } }
        let status = (try? ShellCommand.run("\(editor) '\(path.replacingOccurrences(of: "'", with: "'\\''"))'")) ?? -1
        guard status == 0, let edited = FileManager.default.contents(atPath: path) else {
            evaluator.reportError("the editor exited with status \(status); nothing was run")
            return .failed
        }
        processor.consumePending()
        var lines = Array(edited).split(separator: 0x0a, omittingEmptySubsequences: false).map(Array.init)
        if lines.last?.isEmpty == true { lines.removeLast() }
        var worst = StepResult.ok
        for (index, line) in lines.enumerated() {
            let result = processor.process(line: line, lineNumber: index + 1)
            if result == .failed { worst = .failed } else if result != .ok { return result }
        }
        return worst
    }
}
