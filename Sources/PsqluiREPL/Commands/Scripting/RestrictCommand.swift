import PsqluiCore

/// `\restrict KEY` and `\unrestrict KEY` (psql 15.14 and later; pg_dump writes them
/// around a plain-format dump): between them no other backslash command runs — the
/// input processor refuses them — so a dump's data cannot smuggle one in.
struct RestrictCommand: REPLCommand {
    let about: CommandDescription
    let restricts: Bool
    let grammar = ArgumentGrammar.psql

    static let all = [
        RestrictCommand(about: CommandDescription(name: "\\restrict", summary: "refuse backslash commands until \\unrestrict KEY",
                                                  usage: "\\restrict KEY", group: "Scripts"), restricts: true),
        RestrictCommand(about: CommandDescription(name: "\\unrestrict", summary: "leave restricted mode entered with \\restrict KEY",
                                                  usage: "\\unrestrict KEY", group: "Scripts"), restricts: false),
    ]

    /// psql's refusal while restricted.
    static let refusal = "backslash commands are restricted; only \\unrestrict is allowed"

    func run(_ call: CommandCall, in env: CommandEnvironment) -> StepResult {
        let evaluator = env.evaluator
        guard let key = call.words.first else {
            evaluator.reportError("\\\(call.name): missing required argument")
            return .failed
        }
        if restricts {
            evaluator.restrictKey = key
            return .ok
        }
        guard let current = evaluator.restrictKey else {
            evaluator.reportError("\\unrestrict: not currently in restricted mode")
            return .failed
        }
        guard current == key else {
            evaluator.reportError("\\unrestrict: wrong key")
            return .failed
        }
        evaluator.restrictKey = nil
        return .ok
    }
}
