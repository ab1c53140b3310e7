import Glibc
import PsqluiCore

/// Runs a whole script (a `-f` file, piped stdin, `\i`) through an `InputProcessor`.
public final class ScriptRunner {
    let evaluator: Evaluator

    public init(evaluator: Evaluator) {
        self.evaluator = evaluator
    }

    /// How the script ended: `.ok`; `.failed` when it ran to the end with errors;
    /// `.stopped` at an error under ON_ERROR_STOP, an unterminated quote at the end or
    /// Ctrl-C; `.unreadable`, `.quit`, `.connectionLost`, `.brokenPipe`.
    public func run(source: ScriptInput, origin: InputOrigin) -> StepResult {
        let processor = InputProcessor(evaluator: evaluator, origin: origin, copyInSource: { [evaluator] in
            let line = source.nextLine()
            // As psql: a message after COPY data read from the script names the last
            // line read (the `\.`), not the line of the COPY.
            evaluator.setMessagePrefix(origin, line: source.lineNumber)
            return line
        })
        var hadErrors = false
        _ = QueryCanceller.shared.takePress()
        while let line = source.nextLine() {
            let result = processor.process(line: line, lineNumber: source.lineNumber)
            // As psql: Ctrl-C (a cancelled query included) ends a script, status 3.
            if QueryCanceller.shared.takePress() && result != .quit { return .stopped }
            switch result {
            case .ok: continue
            case .failed:
                hadErrors = true
                if processor.stopsOnError { return .stopped }
            case .truncated: return .stopped
            default: return result
            }
        }
        if let error = source.readError {
            evaluator.report("error: could not read from input file: " + String(cString: strerror(error)),
                             prefix: origin.inputPrefix)
            return .unreadable
        }
        switch processor.finish() {
        case .ok: return hadErrors ? .failed : .ok
        case .failed: return processor.stopsOnError ? .stopped : .failed
        case .truncated: return .stopped
        case let result: return result
        }
    }
}
