import FoundationEssentials
import PsqluiCore

/// The prompt at the terminal: `PROMPT1` (or `PROMPT2` while a statement
/// continues) with psql's `%` escapes, psql's default `%/%R%x%# ` when unset.
enum InteractivePrompt {
    static func render(evaluator: Evaluator, processor: InputProcessor) -> String {
        let session = evaluator.session
        var state = PromptFormatter.State()
        // Names from the server, escaped as aligned output does (a database named
        // with an escape sequence cannot drive the terminal through `%/`).
        state.database = CellFormatter.terminalSafe(session.databaseName)
        state.user = CellFormatter.terminalSafe(session.userName)
        state.host = CellFormatter.terminalSafe(session.host)
        state.port = session.port
        state.superuser = session.isSuperuser
        state.connected = !evaluator.notConnected
        state.continuation = processor.continuation
        state.transaction = session.transactionState
        state.inactiveBranch = !processor.conditions.isActive
        state.color = evaluator.printSettings.colorAllowed
            && TerminalColor.enabled(isTerminal: true, environment: ProcessInfo.processInfo.environment)
        let name = processor.continuation == .none ? "PROMPT1" : "PROMPT2"
        let template = (name == "PROMPT1" ? evaluator.promptProfile?.promptTemplate(colorAllowed: state.color) : nil) ?? evaluator.variables[name]
            ?? (name == "PROMPT1" ? PromptFormatter.defaultPrompt1 : PromptFormatter.defaultPrompt2)
        let prompt = PromptFormatter.render(template, state)
        // A read-only session (a profile's `read_only`, `--read-only`) says so first.
        return ConnectionProfile.isReadOnly(options: session.connectionOptions()) ? "(read-only) " + prompt : prompt
    }
}
