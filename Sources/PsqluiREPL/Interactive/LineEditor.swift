import FoundationEssentials
import Glibc
@preconcurrency import CLibEdit

/// The interactive line editor over libedit's readline-compatible API.
final class LineEditor {
    enum Input {
        case line([UInt8])
        case interrupted
        case endOfInput
    }

    init() {
        setlocale(LC_ALL, "")  // without it libedit drops non-ASCII input
        rl_readline_name = UnsafePointer(strdup("psqlui"))
        rl_catch_signals = 0
        SignalState.install()
    }

    /// Shows `prompt` and reads one line.
    func read(prompt: String) -> Input {
        SignalState.interrupted = 0
        guard let raw = readline(prompt) else {
            if SignalState.interrupted != 0 {
                SignalState.interrupted = 0
                return .interrupted
            }
            return .endOfInput
        }
        defer { free(raw) }
        if SignalState.interrupted != 0 {
            SignalState.interrupted = 0
            return .interrupted
        }
        let length = strlen(raw)
        return raw.withMemoryRebound(to: UInt8.self, capacity: length) {
            .line(Array(UnsafeBufferPointer(start: $0, count: length)))
        }
    }
}
