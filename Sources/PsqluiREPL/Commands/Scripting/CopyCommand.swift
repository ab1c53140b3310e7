import PsqluiCore
import PsqluiPluginAPI

/// `:copy` / `\copy TABLE FROM|TO FILE|STDIN|STDOUT|PROGRAM [WITH …]`: client-side COPY.
struct CopyCommand: REPLCommand {
    let about = CommandDescription(name: "copy", aliases: ["\\copy"],
                                   summary: "client-side COPY from or to a file, STDIN, STDOUT or PROGRAM",
                                   usage: ":copy TABLE FROM|TO FILE|STDIN|STDOUT [WITH ...]", group: "Work", completion: .relations)
    let grammar = ArgumentGrammar.wholeLine

    func run(_ call: CommandCall, in env: CommandEnvironment) -> StepResult {
        let arguments = MetaCommandArguments.restOfLine(call.arguments, stripTrailingSemicolons: true)
        let request: ClientCopyRequest
        switch ClientCopyRequest.parse(arguments) {
        case .success(let r): request = r
        case .failure(let problem):
            env.evaluator.reportError("\\copy: \(problem.message)")
            return .failed
        }
        return ClientCopyRunner(processor: env.processor).run(request)
    }
}
