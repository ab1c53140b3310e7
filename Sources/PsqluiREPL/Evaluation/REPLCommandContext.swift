import FoundationEssentials
import Glibc
import PsqluiCore
import PsqluiPluginAPI

/// The `CommandContext` a registry command (a plugin's, or a built-in registered as a
/// `CommandSpec`) gets from the REPL: output through the evaluator's writers, the
/// user's session, variables and display settings.
final class REPLCommandContext: CommandContext, @unchecked Sendable {
    private let evaluator: Evaluator
    let session: QueryService
    let queryBuffer: String
    let previousStatement: String?
    let isInteractive: Bool
    /// Set when writing to stdout hit a closed pipe.
    private(set) var brokenPipe = false

    init(evaluator: Evaluator, queryBuffer: String) {
        self.evaluator = evaluator
        let service = SessionQueryService(executor: evaluator.sessionExecutor)
        // psql's ECHO_HIDDEN: the queries behind \d and friends, shown before they run.
        service.beforeQuery = { [evaluator] sql in
            let mode = evaluator.variables["ECHO_HIDDEN"]?.lowercased() ?? "off"
            guard mode == "noexec" || VariableStore.parseBool(mode) == true, sql != CatalogCommands.serverQuery else { return true }
            try? evaluator.stdout.write("********* QUERY **********\n\(sql)\n**************************\n\n")
            try? evaluator.stdout.flush()
            return mode != "noexec"
        }
        self.session = service
        self.queryBuffer = queryBuffer
        self.previousStatement = evaluator.previousStatement.map { String(decoding: $0, as: UTF8.self) }
        self.isInteractive = evaluator.interactive
    }

    func write(_ line: String) {
        do {
            try evaluator.queryOutput.write(evaluator.terminalText(line, on: evaluator.queryOutput) + "\n")
        } catch OutputWriteError.brokenPipe {
            brokenPipe = true
        } catch {}
    }

    /// psql logs these as errors: `psqlui:FILE:LINE: error: …` in a `-f` script, the bare
    /// line elsewhere.
    func writeError(_ line: String) { evaluator.reportError(line) }

    /// psql's `warning:` level (`psqlui:FILE:LINE: warning: …` in a script).
    func writeWarning(_ line: String) { evaluator.reportWarning(line) }

    /// Prints the pane's lines at the terminal's width (paging is the REPL's paged-view
    /// path once it exists; for now the lines are printed).
    func show(_ pane: Pane) async throws {
        let width = TerminalSize.of(1)?.columns ?? (evaluator.printSettings.terminalWidth > 0 ? evaluator.printSettings.terminalWidth : 120)
        evaluator.showLines(pane.render(width: width))
    }

    func displaySetting(_ name: String) -> String? {
        evaluator.printSettings.psetValue(name, quoted: false)
    }

    func setDisplaySetting(_ name: String, to value: String) throws {
        switch name {
        case "null": evaluator.printSettings.nullString = value
        case "border":
            guard let b = Int(value) else { throw PluginsCommand.UsageError(text: "border: expected a number") }
            evaluator.printSettings.border = b
        default: throw PluginsCommand.UsageError(text: "unknown or read-only display setting \"\(name)\"")
        }
    }

    func exportFormat(named name: String) async throws -> ExporterSpec {
        try await evaluator.resolveFormatAsync(name)
    }

    func variable(_ name: String) -> String? { evaluator.variables[name] }

    func setVariable(_ name: String, to value: String?) throws {
        if let value { evaluator.variables[name] = value } else { evaluator.variables.unset(name) }
    }

    func confirm(_ prompt: String) async -> Bool {
        guard isInteractive else { return false }
        try? evaluator.stdout.flush()
        StandardStreams.writeError(prompt + " [y/N] ")
        guard let answer = readLine() else { return false }
        return ["y", "yes"].contains(answer.lowercased())
    }
}
