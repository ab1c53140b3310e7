import PsqluiCore

/// What a host command runs against: the evaluator (session, settings, output) and the
/// input it was read from (query buffer, `\if` stack, origin).
public struct CommandEnvironment {
    let evaluator: Evaluator
    let processor: InputProcessor

    var variables: VariableStore { evaluator.variables }

    /// The query buffer when it holds more than whitespace, else nil.
    var pendingQuery: [UInt8]? {
        processor.pendingSQL.contains { !Self.isBlank($0) } ? processor.pendingSQL : nil
    }

    /// The statement `\g`, `\gset`, `\watch` (and their colon forms) run: the buffer
    /// they ended (a colon form takes the query buffer typed so far, and clears it),
    /// else the previous statement; nil (reported) when there is neither.
    func statementToRun(for call: CommandCall) -> [UInt8]? {
        var preceding = call.precedingSQL
        if call.form == .colon {
            preceding = pendingQuery
            processor.consumePending()
        }
        if let preceding, preceding.contains(where: { !Self.isBlank($0) }) { return preceding }
        if let previous = evaluator.previousStatement { return previous }
        evaluator.reportError("\\\(call.name): no query buffer")
        return nil
    }

    /// Space, tab, newline, carriage return or form feed.
    static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0a || byte == 0x0d || byte == 0x0c
    }

    /// Writes psql's confirmation of a setting (`Timing is on.`) unless `QUIET` is on.
    func confirm(_ line: String) -> StepResult {
        evaluator.quiet ? .ok : say(line)
    }

    /// Writes a confirmation line (`Timing is on.`) to stdout; `newline: false` for
    /// text that ends in its own newline.
    func say(_ line: String, newline: Bool = true) -> StepResult {
        do {
            // Names from the server (`\conninfo`, `\c`) reach a terminal escaped.
            let text = evaluator.terminalText(line, on: evaluator.stdout)
            try evaluator.stdout.write(newline ? text + "\n" : text)
            try evaluator.stdout.flush()
            return .ok
        } catch OutputWriteError.brokenPipe {
            return .brokenPipe
        } catch {
            return .failed
        }
    }
}
