import FoundationEssentials
import Glibc
import PsqluiCore
import PsqluiPluginAPI

/// `:run FILE` (`:i`, `\i`, `\include`; `\ir`/`\include_relative` relative to the
/// current script's folder): runs a script file through the same input processing.
struct IncludeCommand: REPLCommand {
    let about = CommandDescription(name: "run", aliases: ["i", "\\i", "\\include", "\\ir", "\\include_relative"],
                                   summary: "run a script file (\\ir: relative to the current script)", usage: ":run FILE",
                                   group: "Scripts", completion: .files)
    let grammar = ArgumentGrammar.psql

    /// Depth of nested includes, to stop runaway recursion (one evaluator per process).
    nonisolated(unsafe) static var depth = 0

    func run(_ call: CommandCall, in env: CommandEnvironment) -> StepResult {
        let evaluator = env.evaluator
        guard var path = call.words.first else {
            evaluator.reportError("\\i: missing required argument")
            return .failed
        }
        if call.form == .backslash, call.name == "ir" || call.name == "include_relative",
           case .file(let script) = env.processor.origin, !path.hasPrefix("/") {
            // `-f main.sql` (no folder) means the current folder, not `/`.
            let folder = PathText.deletingLastComponent(script)
            if !folder.isEmpty { path = folder + "/" + path }
        }
        let fd = open(UserPath.expand(path), O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            evaluator.reportError("\(FileError(path: path, errno: errno))")
            return .failed
        }
        defer { close(fd) }
        guard Self.depth < 16 else {
            evaluator.reportError("\\i: files nested too deeply")
            return .failed
        }
        Self.depth += 1
        defer { Self.depth -= 1 }
        return ScriptRunner(evaluator: evaluator).run(source: ScriptInput(fileDescriptor: fd), origin: .file(path: path)).asIncludedStep
    }
}
