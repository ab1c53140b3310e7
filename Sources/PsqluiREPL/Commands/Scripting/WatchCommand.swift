import FoundationEssentials
import Glibc
import PsqluiCore

/// `:watch` / `\watch [SECS]`: re-runs the query buffer (or the previous statement)
/// every SECS seconds (2 by default) under psql's title until Ctrl-C or an error.
struct WatchCommand: REPLCommand {
    let about = CommandDescription(name: "watch", aliases: ["\\watch"], summary: "re-run the query every SECS seconds until Ctrl-C",
                                   usage: ":watch [SECS]", group: "Work")
    let grammar = ArgumentGrammar.psql

    func run(_ call: CommandCall, in env: CommandEnvironment) -> StepResult {
        let evaluator = env.evaluator
        guard let sql = env.statementToRun(for: call) else { return .failed }
        var seconds = 2.0
        if let interval = call.words.first {
            guard let value = Double(interval), value > 0 else {
                evaluator.reportError("\\watch: incorrect interval value \"\(interval)\"")
                return .failed
            }
            seconds = value
        }
        // The destructive-statement question is asked once, not at every run.
        let policies = env.processor.policies
        guard policies.confirmIfDestructive(sql) else { return .ok }
        SignalState.install()
        SignalState.interrupted = 0
        defer { SignalState.interrupted = 0 }
        while true {
            try? evaluator.queryOutput.write(Self.title(seconds: seconds) + "\n\n")
            let result = env.processor.runUserStatement(sql, prefix: evaluator.messagePrefix, confirm: false)
            // Ctrl-C during the query cancels it and ends the watch quietly.
            if SignalState.interrupted != 0 { return .ok }
            if result != .ok { return result }
            // Sleep in small steps so Ctrl-C ends the watch at once.
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if SignalState.interrupted != 0 {
                    // As psql: the prompt starts on its own line after the echoed ^C.
                    try? evaluator.stdout.write("\n")
                    try? evaluator.stdout.flush()
                    return .ok
                }
                usleep(50_000)
            }
        }
    }

    /// psql's `\watch` title: the local time (`%c`) and the interval.
    static func title(seconds: Double) -> String {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        var buffer = [CChar](repeating: 0, count: 128)
        let n = strftime(&buffer, buffer.count, "%c", &parts)
        let date = String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let every = seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
        return "\(date) (every \(every)s)"
    }
}
