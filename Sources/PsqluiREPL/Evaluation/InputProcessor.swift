import PsqluiCore

/// Turns input lines into statements and commands and runs them: the statement
/// splitter, colon-command recognition and meta-commands in one place, shared by the
/// interactive prompt and every script.
public final class InputProcessor {
    public let evaluator: Evaluator
    public let origin: InputOrigin
    public private(set) var splitter: StatementSplitter
    /// Where `COPY … FROM STDIN` reads its data lines from.
    public var copyInSource: (() -> [UInt8]?)?
    /// Runs meta-commands (`\set`, `\i`, …) and colon commands.
    let commands: BackslashCommands

    public init(evaluator: Evaluator, origin: InputOrigin, copyInSource: (() -> [UInt8]?)?) {
        self.evaluator = evaluator
        self.origin = origin
        self.copyInSource = copyInSource
        self.splitter = StatementSplitter(standardConformingStrings: evaluator.session.parameter("standard_conforming_strings") != "off")
        self.commands = BackslashCommands(evaluator: evaluator)
    }

    /// True while a statement is being typed (the continuation prompt shows).
    public var continuation: ContinuationState { splitter.continuation }

    /// Forgets a half-typed statement (Ctrl-C at the prompt).
    public func resetBuffer() { splitter.reset() }

    /// Processes one line; returns the first result that is not `.ok` and should
    /// stop the caller (a quit, a lost connection, a broken pipe, or an error under
    /// ON_ERROR_STOP), else `.ok` or `.failed`.
    public func process(line: [UInt8], lineNumber: Int) -> StepResult {
        let prefix = origin.prefix(line: lineNumber)
        if line.withUnsafeBufferPointer({ UTF8Check.firstInvalidByte(in: $0) }) != nil {
            evaluator.messagePrefix = prefix
            evaluator.reportError("invalid UTF-8 in input line \(lineNumber); the line was not run")
            splitter.reset()
            return .failed
        }
        if !splitter.hasPendingText || splitter.continuation == .statement || splitter.continuation == .parenthesis,
           let (name, rest) = ColonCommandMatcher.match(line, isRegistered: commands.isColonCommand) {
            evaluator.messagePrefix = prefix
            return commands.runColon(name: name, arguments: rest, processor: self)
        }
        if !splitter.hasPendingText, let registry = evaluator.plugins,
           let word = CommandSuggestion.unknownCommandWord(in: line, isVariable: { [variables = evaluator.variables] in variables[$0] != nil }) {
            evaluator.messagePrefix = prefix
            evaluator.reportError(CommandSuggestion.message(for: word, among: registry.commandNames))
            return .failed
        }
        var worst = StepResult.ok
        // psql reads standard_conforming_strings afresh for every line.
        splitter.standardConformingStrings = evaluator.session.parameter("standard_conforming_strings") != "off"
        let items = splitter.feed(line: line, lineNumber: lineNumber, variables: { [variables = evaluator.variables] in variables[$0] })
        for item in items {
            let result: StepResult
            switch item {
            case .statement(let statement):
                result = evaluator.runStatement(statement.sql, prefix: origin.prefix(line: statement.lastLine), copyIn: copyInSource)
            case .metaCommand(let call):
                evaluator.messagePrefix = origin.prefix(line: call.line)
                result = commands.runBackslash(call, processor: self)
            }
            switch result {
            case .ok: continue
            case .failed:
                worst = .failed
                if stopsOnError { return .failed }
            case .quit, .connectionLost, .brokenPipe, .truncated:
                return result
            }
        }
        return worst
    }

    /// End of input: runs what is left in the buffer (as psql does) or reports an
    /// unterminated quote or comment, naming the line where it began.
    public func finish() -> StepResult {
        switch splitter.finish() {
        case .nothing:
            return .ok
        case .statement(let statement):
            return evaluator.runStatement(statement.sql, prefix: origin.prefix(line: statement.lastLine), copyIn: copyInSource)
        case .unterminated(let construct):
            evaluator.messagePrefix = origin.prefix(line: construct.line)
            // psql would send the broken text and let the server complain; we name
            // where the quote or comment began and do not send it. The script is cut
            // short, so it exits non-zero (3) even without ON_ERROR_STOP.
            evaluator.reportError(construct.message + "; the statement was not sent")
            return .truncated
        }
    }

    /// The statement typed so far, not yet ended by `;` (what `:export` runs).
    public var pendingSQL: [UInt8] { splitter.pendingText }

    /// Clears the buffer after a colon command consumed it.
    func consumePending() { splitter.reset() }

    var stopsOnError: Bool { origin.isScript && evaluator.variables.onErrorStop }
}
