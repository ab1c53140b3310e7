import FoundationEssentials
import PsqluiCore

/// `:history [N]` (`\s`): the statement history (the last N entries) as a pane.
struct HistoryCommand: REPLCommand {
    let about = CommandDescription(name: "history", aliases: ["\\s"], summary: "show the statement history as a pane",
                                   usage: ":history [N]", group: "Work")
    let grammar = ArgumentGrammar.psql

    func run(_ call: CommandCall, in env: CommandEnvironment) -> StepResult {
        let evaluator = env.evaluator
        // psql's \s takes a file name to save to; only the colon form takes a count.
        let count = call.form == .colon ? call.words.first : nil
        let environment = ProcessInfo.processInfo.environment
        let state = environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? UserPath.expand("~/.local/state", environment: environment)
        let text = (try? String(contentsOfFile: state + "/psqlui/history", encoding: .utf8)) ?? ""
        let limit = count.flatMap { Int($0) }
        if count != nil && limit == nil {
            evaluator.reportError("usage: :history [N]")
            return .failed
        }
        evaluator.showLines(HistoryFile.paneLines(entries: HistoryFile.entries(in: text), limit: limit))
        return .ok
    }
}
