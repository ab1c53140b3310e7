import PsqluiCore

/// Turns input lines into statements and commands and runs them: the statement
/// splitter, colon-command recognition and meta-commands in one place, shared by the
/// interactive prompt and every script.
public final class InputProcessor {
    public let evaluator: Evaluator
    public let origin: InputOrigin
    public internal(set) var splitter: StatementSplitter
    /// Where `COPY … FROM STDIN` reads its data lines from.
    public var copyInSource: (() -> [UInt8]?)?
    /// The open `\if` blocks of this input (psql keeps one stack per file).
    var conditions = ConditionalStack()

    /// The evaluator's variables by name (one closure, not one per line).
    private lazy var variableLookup: VariableLookup = { [variables = evaluator.variables] in variables[$0] }
    /// psql's backticks in a backslash command's arguments: the shell command's
    /// output (our stdin and stderr are its own). Inside an inactive `\if` branch
    /// psql runs them for `\elif` only (`runItems`).
    private lazy var backtickRunner: MetaCommandArguments.BacktickRunner = { [unowned self] command in
        try? evaluator.stderr.flush()
        do { return try ShellCommand.output(of: command) } catch {
            evaluator.reportError("\(error)")
            return nil
        }
    }

    public init(evaluator: Evaluator, origin: InputOrigin, copyInSource: (() -> [UInt8]?)?) {
        self.evaluator = evaluator
        self.origin = origin
        self.copyInSource = copyInSource
        self.splitter = StatementSplitter(standardConformingStrings: evaluator.session.parameter("standard_conforming_strings") != "off")
    }

    /// True while a statement is being typed (the continuation prompt shows).
    public var continuation: ContinuationState { splitter.continuation }

    /// Forgets a half-typed statement (Ctrl-C at the prompt).
    public func resetBuffer() { splitter.reset() }

    /// Processes one line; returns the first result that is not `.ok` and should
    /// stop the caller (a quit, a lost connection, a broken pipe, or an error under
    /// ON_ERROR_STOP), else `.ok` or `.failed`.
    public func process(line: [UInt8], lineNumber: Int) -> StepResult {
        if let problem = line.withUnsafeBufferPointer({ InputLineProblem.find(in: $0, checkUTF8: evaluator.session.clientEncodingIsUTF8 ?? true) }) {
            // Nothing of the statement this line belongs to is sent (libpq would cut
            // it at a NUL and run the rest).
            evaluator.setMessagePrefix(origin, line: lineNumber)
            evaluator.reportError(problem.message(lineNumber: lineNumber))
            splitter.reset()
            return .failed
        }
        // Only a line that starts with `:` can be a colon command (checked here: the
        // table's generic lookup costs more than the rest of a script line's handling).
        let mayBeColonCommand = Self.startsWithColon(line)
        if mayBeColonCommand, !splitter.hasPendingText || splitter.continuation == .statement || splitter.continuation == .parenthesis,
           let (entry, call) = evaluator.commands.colonCall(line, lineNumber: lineNumber, variables: variableLookup) {
            evaluator.setMessagePrefix(origin, line: lineNumber)
            guard conditions.isActive else { return .ok }
            // psqlui's colon commands are refused under \restrict too.
            if evaluator.restrictKey != nil {
                evaluator.reportError(RestrictCommand.refusal)
                return .failed
            }
            return CommandRunner.run(entry, call, in: environment)
        }
        if mayBeColonCommand, conditions.isActive, !splitter.hasPendingText,
           let word = CommandSuggestion.unknownCommandWord(in: line, isVariable: { [variables = evaluator.variables] in variables[$0] != nil }) {
            evaluator.setMessagePrefix(origin, line: lineNumber)
            evaluator.reportError(CommandSuggestion.message(for: word, among: evaluator.commands.commandNames))
            return .failed
        }
        // psql echoes every line but an empty one outside a quote or comment.
        let inQuote: Bool
        switch splitter.continuation {
        case .none, .statement, .parenthesis: inQuote = false
        default: inQuote = true
        }
        if evaluator.variables[.echo] == "all" && origin.isScript && (!line.isEmpty || inQuote) {
            try? evaluator.stdout.write(line)
            try? evaluator.stdout.write("\n")
        }
        var worst = StepResult.ok
        // psql reads standard_conforming_strings afresh for every line.
        splitter.standardConformingStrings = evaluator.session.parameter("standard_conforming_strings", is: "off") != true
        // Inside an inactive \if branch psql does not interpolate variables.
        let lookup: VariableLookup? = conditions.isActive ? variableLookup : nil
        // Items are run as the lexer finds them: a line of a million statements is never
        // held as a million statements.
        let result = line.withUnsafeBufferPointer { bytes in
            splitter.begin(line: bytes, lineNumber: lineNumber, variables: lookup)
            defer { splitter.abandonLine() }
            return runItems(worst: worst)
        }
        // psql's SINGLELINE (`-S`): the end of a line ends the statement, unless a quote,
        // comment or parenthesis is still open.
        if evaluator.variables.bool(.singleLine), !result.endsInput, !(result == .failed && stopsOnError),
           splitter.continuation == .statement, splitter.hasPendingText {
            let sent = finishBuffer(active: conditions.isActive)
            return sent == .ok ? result : sent
        }
        return result
    }

    /// How many words a host command takes (the rest psql reads without evaluating).
    static func argumentLimit(_ entry: CommandEntry<any REPLCommand>) -> Int? {
        if case .host(let command) = entry.target { return command.argumentLimit }
        return nil
    }

    /// Whether the first byte after blanks is `:` (`CommandTable.colonCall` and
    /// `CommandSuggestion.unknownCommandWord` take no other line).
    static func startsWithColon(_ line: [UInt8]) -> Bool {
        for b in line where b != UInt8(ascii: " ") && b != UInt8(ascii: "\t") { return b == UInt8(ascii: ":") }
        return false
    }

    private func runItems(worst start: StepResult) -> StepResult {
        var worst = start
        while let item = splitter.nextItem() {
            let result: StepResult
            switch item {
            case .statement(let statement):
                guard conditions.isActive else { continue }
                // The prefix string is made only if a message needs it.
                evaluator.setMessagePrefix(origin, line: statement.lastLine)
                result = runUserStatement(statement.sql, prefix: nil)
            case .metaCommand(let meta):
                evaluator.setMessagePrefix(origin, line: meta.line)
                let found = evaluator.commands.backslashCall(meta, variables: variableLookup,
                                                             backticks: conditions.isActive || meta.name == "elif" ? backtickRunner : nil,
                                                             backtickWords: Self.argumentLimit)
                // Inside an inactive \if branch only the commands that manage branches run;
                // an unknown name is still reported there, as psql looks every name up.
                if !conditions.isActive, let found, !CommandRunner.runsInInactiveBranch(found.0) { continue }
                if evaluator.restrictKey != nil, meta.name != "unrestrict" {
                    evaluator.reportError(RestrictCommand.refusal)
                    result = .failed
                } else if let (entry, call) = found {
                    result = CommandRunner.run(entry, call, in: environment)
                } else {
                    // psql adds the hint at the prompt only, never in a script.
                    evaluator.reportError("invalid command \\\(meta.name)" + (origin == .interactive ? "\nTry \\? for help." : ""))
                    // psql throws the rest of the line away: what follows a mistyped
                    // command (`\passwd secret`) is never run or sent.
                    splitter.abandonLine()
                    result = .failed
                }
            }
            if result.endsInput { return result }
            if result == .failed {
                worst = .failed
                if stopsOnError { return .failed }
            }
        }
        return worst
    }

    /// End of input: runs what is left in the buffer (as psql does) or reports an
    /// unterminated quote or comment, naming the line where it began.
    public func finish() -> StepResult {
        let active = conditions.isActive
        let result = finishBuffer(active: active)
        if !conditions.isEmpty && result != .truncated {
            evaluator.reportError("reached EOF without finding closing \\endif(s)")
            conditions = ConditionalStack()
            if stopsOnError { return .failed }
        }
        return result
    }

    private func finishBuffer(active: Bool) -> StepResult {
        switch splitter.finish() {
        case .nothing:
            return .ok
        case .statement(let statement):
            guard active else { return .ok }
            evaluator.setMessagePrefix(origin, line: statement.lastLine)
            return runUserStatement(statement.sql, prefix: nil)
        case .unterminated(let construct):
            evaluator.setMessagePrefix(origin, line: construct.line)
            // psql would send the broken text and let the server complain; we name
            // where the quote or comment began and do not send it. The script is cut
            // short, so it exits non-zero (3) even without ON_ERROR_STOP.
            evaluator.reportError(construct.message + "; the statement was not sent")
            return .truncated
        }
    }

    /// Runs a statement the user asked for (typed, `\g`, `\gset`, `:export`, `:watch`,
    /// `\copy`), with psql's policies around it (AUTOCOMMIT, ON_ERROR_ROLLBACK, the
    /// destructive-statement question); `consumer` takes the rows when they do not go
    /// to the screen, `copyIn` replaces the script's lines as COPY FROM STDIN data;
    /// `prefix` nil keeps the evaluator's `messagePrefix`.
    func runUserStatement(_ sql: [UInt8], prefix: String?, consumer: QueryResultConsumer? = nil,
                          copyIn: (() -> [UInt8]?)? = nil, remember: Bool = true, confirm: Bool = true) -> StepResult {
        policies.run(sql, prefix: prefix, copyIn: copyIn ?? copyInSource, consumer: consumer, remember: remember, confirm: confirm)
    }

    /// The policies around this input's statements (they depend on its origin).
    var policies: StatementPolicies { StatementPolicies(evaluator: evaluator, origin: origin) }

    /// What host commands run against.
    var environment: CommandEnvironment { CommandEnvironment(evaluator: evaluator, processor: self) }

    /// The statement typed so far, not yet ended by `;` (what `:export` runs).
    public var pendingSQL: [UInt8] { splitter.pendingText }

    /// Clears the buffer after a colon command consumed it.
    func consumePending() { splitter.reset() }
    /// Gives a failed sending command's query buffer back (see the splitter's
    /// `restoreQueryBuffer`).
    func restorePending(_ call: CommandCall) {
        guard call.form == .backslash, let sql = call.precedingSQL else { return }
        splitter.restoreQueryBuffer(sql, firstLine: call.line)
    }

    var stopsOnError: Bool { origin.isScript && evaluator.variables.onErrorStop }
}
