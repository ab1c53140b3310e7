/// What the host gives a command handler: output, panes, the user's session, the
/// query buffer, settings and variables, and confirmation.
///
/// One context serves one command run. Output goes where the command's output goes
/// (the terminal, `\o` file, or stdout in batch).
public protocol CommandContext: AnyObject, Sendable {
    /// Writes one line of output (no trailing newline needed).
    func write(_ line: String)
    /// Writes one line to the error stream (stderr), e.g. a warning.
    func writeError(_ line: String)
    /// Writes one warning line to stderr (psql's `warning:` level, e.g. an extra
    /// argument ignored). A later addition: hosts without it write it as an error.
    func writeWarning(_ line: String)
    /// Shows a pane: paged at a terminal when it does not fit, printed otherwise.
    func show(_ pane: Pane) async throws
    /// Runs queries on the user's session (the connection the user typed SQL on):
    /// they see the user's transaction and settings.
    var session: QueryService { get }
    /// The query buffer: SQL typed but not yet run (may be empty).
    var queryBuffer: String { get }
    /// The last statement the user ran (not metadata or plugin queries), if any.
    var previousStatement: String? { get }
    /// A display setting by its `:set`/`\pset` name (`format`, `null`, `expanded`…).
    func displaySetting(_ name: String) -> String?
    /// Changes a display setting; throws for an unknown name or invalid value.
    func setDisplaySetting(_ name: String, to value: String) throws
    /// A variable (`:set NAME VALUE`, `\set`), or nil when unset.
    func variable(_ name: String) -> String?
    /// Sets a variable, or unsets it when `value` is nil.
    func setVariable(_ name: String, to value: String?) throws
    /// Asks the user a yes/no question. Always false in batch (no terminal to ask).
    func confirm(_ prompt: String) async -> Bool
    /// True when a person is at a terminal (not batch, not `-c`).
    var isInteractive: Bool { get }
    /// The export format called `name` (`csv`, `tsv`, `json`, a plugin's format), as
    /// `:export NAME` would use it; throws, listing the known formats, for an unknown
    /// or disabled one. Added in core 0.2 (for `:yank`); older hosts throw.
    func exportFormat(named name: String) async throws -> ExporterSpec
}

extension CommandContext {
    /// Hosts written before `writeWarning(_:)` existed write warnings as errors.
    public func writeWarning(_ line: String) { writeError(line) }

    /// Hosts written before `exportFormat(named:)` existed offer no formats.
    public func exportFormat(named name: String) async throws -> ExporterSpec {
        throw QueryError(message: "this psqlui does not offer export formats to commands")
    }
}
