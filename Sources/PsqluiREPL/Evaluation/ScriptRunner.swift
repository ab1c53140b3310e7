import Glibc
import PsqluiCore

/// How a script run ended.
public enum ScriptOutcome: Equatable {
    /// Ran to the end; `hadErrors` when some statement failed (exit 0 all the same,
    /// as psql without ON_ERROR_STOP).
    case completed(hadErrors: Bool)
    /// Stopped at an error under ON_ERROR_STOP (psql's exit 3).
    case stoppedOnError
    /// The connection went away (exit 2).
    case connectionLost
    /// The reader of our output went away.
    case brokenPipe
    /// `\q` ended it.
    case quit
    /// The input could not be read (psql: "could not read from input file"; exit 1
    /// for `-f`, an error for `\i`).
    case unreadable
}

/// Runs a whole script (a `-f` file, piped stdin, `\i`) through an `InputProcessor`.
public final class ScriptRunner {
    let evaluator: Evaluator

    public init(evaluator: Evaluator) {
        self.evaluator = evaluator
    }

    public func run(source: ScriptInput, origin: InputOrigin) -> ScriptOutcome {
        // COPY … FROM STDIN data moves the message line along: the server's answer
        // (an error, a trigger's notice) names the line of the closing `\.`, as psql.
        let processor = InputProcessor(evaluator: evaluator, origin: origin, copyInSource: { [evaluator] in
            let line = source.nextLine()
            if line != nil { evaluator.messagePrefix = origin.prefix(line: source.lineNumber) }
            return line
        })
        var hadErrors = false
        _ = QueryCanceller.shared.takePress()
        while let line = source.nextLine() {
            let result = processor.process(line: line, lineNumber: source.lineNumber)
            // As psql: Ctrl-C (a cancelled query included) ends a script, status 3.
            if QueryCanceller.shared.takePress() && result != .quit { return .stoppedOnError }
            switch result {
            case .ok: continue
            case .failed:
                hadErrors = true
                if processor.stopsOnError { return .stoppedOnError }
            case .quit: return .quit
            case .connectionLost: return .connectionLost
            case .brokenPipe: return .brokenPipe
            case .truncated: return .stoppedOnError
            }
        }
        if let error = source.readError {
            evaluator.report("error: could not read from input file: " + String(cString: strerror(error)),
                             prefix: origin.inputPrefix)
            return .unreadable
        }
        switch processor.finish() {
        case .ok: return .completed(hadErrors: hadErrors)
        case .failed: return processor.stopsOnError ? .stoppedOnError : .completed(hadErrors: true)
        case .truncated: return .stoppedOnError
        case .quit: return .quit
        case .connectionLost: return .connectionLost
        case .brokenPipe: return .brokenPipe
        }
    }
}
