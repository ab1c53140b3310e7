import PsqluiCore

/// A command the REPL runs itself (`:quit`, `\set`, `\g`, `:export`, …): what it is
/// called and shows in help, how its arguments are split, and what it does.
///
/// Each command is a small type in the folder of its concern (Session, Variables,
/// Scripting, Output, Display) and is registered once in the command table
/// (`HostCommands.all`).
public protocol REPLCommand {
    /// Names, aliases and help.
    var about: CommandDescription { get }
    /// How the arguments are split into `CommandCall.words`.
    var grammar: ArgumentGrammar { get }
    /// True when the command also runs inside an inactive `\if` branch (only the
    /// conditional commands themselves); false by default.
    var runsInInactiveBranch: Bool { get }
    /// How many arguments the backslash form takes, as psql reads them; after a
    /// successful run the rest get psql's `\NAME: extra argument "…" ignored`
    /// warnings. nil (the default): the command reads all of them.
    var argumentLimit: Int? { get }
    /// Runs one call.
    func run(_ call: CommandCall, in env: CommandEnvironment) -> StepResult
}

extension REPLCommand {
    public var runsInInactiveBranch: Bool { false }
    public var argumentLimit: Int? { nil }
}

/// The REPL's command table: host commands are `REPLCommand`s.
public typealias REPLCommandTable = CommandTable<any REPLCommand>

extension CommandTable where Host == any REPLCommand {
    /// Registers a host command under every name it declares.
    func register(_ command: any REPLCommand) {
        register(command.about, grammar: command.grammar, host: command)
    }
}
