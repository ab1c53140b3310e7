import FoundationEssentials
import Glibc
import PsqluiCore

/// Ctrl-C as the interactive prompt sees it.
///
/// libedit's own signal handling is off (`rl_catch_signals = 0`); the one SIGINT
/// handler is `QueryCanceller`'s: it cancels a running query with PQcancel or, at the
/// prompt, marks the line as interrupted so the editor returns and the REPL clears it.
enum SignalState {
    /// Set by the handler when Ctrl-C arrived while no query was running.
    static var interrupted: sig_atomic_t {
        get { QueryCanceller.shared.interrupted ? 1 : 0 }
        set { QueryCanceller.shared.interrupted = newValue != 0 }
    }

    static func install() { QueryCanceller.shared.installSignalHandler() }
}
