import FoundationEssentials
import Glibc
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
            let outcome = run(action)
            status = outcome.exitStatus(script: action.isScript)
            if outcome == .connectionLost || outcome == .brokenPipe { return status }
            if status != ExitCode.success && evaluator.variables.onErrorStop { break }
        }
        if options.singleTransaction {
            let end = status != ExitCode.success && evaluator.variables.onErrorStop ? "ROLLBACK" : "COMMIT"
            _ = evaluator.runStatement(Array(end.utf8), prefix: "", consumer: RowCollector(), remember: false)
        }
        return status
    }

    private func run(_ action: LaunchOptions.Action) -> StepResult {
        switch action {
        case .command(let text):
            // psql: a -c string is either all SQL, sent as one query (SendQuery, with
            // its policies), or one backslash command; a colon command is run the same way.
            let start = text.drop(while: { $0 == " " || $0 == "\t" || $0 == "\n" })
            if start.hasPrefix("\\") || start.hasPrefix(":") {
                return ScriptRunner(evaluator: evaluator).run(source: ScriptInput(text: text), origin: .commandString)
            }
            return StatementPolicies(evaluator: evaluator, origin: .commandString)
                .run(Array(text.utf8), prefix: "", copyIn: stdinLines())
        case .file(let path):
            let fd: Int32 = path == "-" ? 0 : open(UserPath.expand(path), O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else {
                evaluator.report("psqlui: error: \(FileError(path: path, errno: errno))", prefix: "")
                return .unreadable
            }
            defer { if fd != 0 { close(fd) } }
            let origin: InputOrigin = path == "-" ? .stdinFile : .file(path: path)
            return ScriptRunner(evaluator: evaluator).run(source: ScriptInput(fileDescriptor: fd), origin: origin)
        }
    }

    private func stdinLines() -> () -> [UInt8]? {
        let source = ScriptInput(fileDescriptor: 0)
        return { source.nextLine() }
    }
}

extension LaunchOptions.Action {
    /// `-f`: a script, whose failed statements do not decide the exit status.
    var isScript: Bool {
        if case .file = self { return true }
        return false
    }
}
