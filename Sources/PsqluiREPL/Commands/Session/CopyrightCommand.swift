import PsqluiCore

/// `:copyright` (`\copyright`): psqlui's own notice. psql prints PostgreSQL's
/// distribution terms; psqlui is not PostgreSQL, so it says what it is and where the
/// server's terms are (a deliberate difference, in the README's parity table).
struct CopyrightCommand: REPLCommand {
    let about = CommandDescription(name: "copyright", aliases: ["\\copyright"],
                                   summary: "show psqlui's copyright and PostgreSQL's terms", usage: ":copyright", group: "Session")
    let grammar = ArgumentGrammar.psql

    static var notice: String {
        """
        psqlui \(PsqluiCoreInfo.version), a terminal client for PostgreSQL (not part of PostgreSQL).
        PostgreSQL is Copyright (c) The PostgreSQL Global Development Group, released under
        the PostgreSQL License: https://www.postgresql.org/about/licence/

        """
    }

    func run(_ call: CommandCall, in env: CommandEnvironment) -> StepResult {
        do {
            try env.evaluator.stdout.write(Self.notice)
            try env.evaluator.stdout.flush()
            return .ok
        } catch OutputWriteError.brokenPipe {
            return .brokenPipe
        } catch {
            return .failed
        }
    }
}
