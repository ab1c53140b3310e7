import Foundation
import PsqluiCore

/// Runs the `-c` and `-f` actions in the order given, with psql's exit statuses:
/// the last action decides; ON_ERROR_STOP stops at the first failure.
struct BatchRunner {
    let evaluator: Evaluator
    let options: LaunchOptions

    func run() -> Int32 {
        var status = ExitCode.success
        if options.singleTransaction {
            // psql wraps the actions silently: no BEGIN/COMMIT tags on stdout.
            _ = evaluator.runStatement(Array("BEGIN".utf8), prefix: "", consumer: RowCollector(), remember: false)
        }
        for action in options.actions {
            status = run(action)
            if status == ExitCode.connectionFailed || status == ExitCode.brokenPipe { return status }
            if status != ExitCode.success && evaluator.variables.onErrorStop { break }
        }
        if options.singleTransaction {
            let end = status != ExitCode.success && evaluator.variables.onErrorStop ? "ROLLBACK" : "COMMIT"
            _ = evaluator.runStatement(Array(end.utf8), prefix: "", consumer: RowCollector(), remember: false)
        }
        return status
    }

    private func run(_ action: LaunchOptions.Action) -> Int32 {
        switch action {
        case .command(let text):
            // psql: a -c string is either all SQL, sent as one query, or one backslash
            // command; a colon command is run the same way.
            let start = text.drop(while: { $0 == " " || $0 == "\t" || $0 == "\n" })
            if start.hasPrefix("\\") || start.hasPrefix(":") {
                let outcome = ScriptRunner(evaluator: evaluator).run(source: ScriptInput(text: text), origin: .commandString)
                switch outcome {
                case .completed(let hadErrors): return hadErrors ? ExitCode.failure : ExitCode.success
                case .stoppedOnError: return ExitCode.failure
                default: return App.exitCode(for: outcome)
                }
            }
            switch evaluator.runStatement(Array(text.utf8), prefix: "", copyIn: stdinLines()) {
            case .ok, .quit: return ExitCode.success
            case .failed, .truncated: return ExitCode.failure
            case .connectionLost: return ExitCode.connectionFailed
            case .brokenPipe: return App.diedOfBrokenPipe()
            }
        case .file(let path):
            let fd: Int32 = path == "-" ? 0 : open(path, O_RDONLY)
            guard fd >= 0 else {
                evaluator.report("psqlui: error: \(path): \(String(cString: strerror(errno)))", prefix: "")
                return ExitCode.failure
            }
            defer { if fd != 0 { close(fd) } }
            let origin: InputOrigin = path == "-" ? .stdinFile : .file(path: path)
            return App.exitCode(for: ScriptRunner(evaluator: evaluator).run(source: ScriptInput(fileDescriptor: fd), origin: origin))
        }
    }

    private func stdinLines() -> () -> [UInt8]? {
        let source = ScriptInput(fileDescriptor: 0)
        return { source.nextLine() }
    }
}
