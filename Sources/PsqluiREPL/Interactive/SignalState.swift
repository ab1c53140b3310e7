import Foundation
import PsqluiCore

/// Ctrl-C handling for the interactive prompt.
///
/// libedit's own signal handling is off (`rl_catch_signals = 0`); our SIGINT handler
/// (installed without SA_RESTART, so a blocked `read` returns EINTR) cancels the
/// running query with PQcancel — async-signal-safe — or, at the prompt, marks the
/// line as interrupted so the editor returns and the REPL clears it.
enum SignalState {
    /// Set by the handler when Ctrl-C arrived while no query was running.
    nonisolated(unsafe) static var interrupted: sig_atomic_t = 0

    static func install() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in
            if !QueryCanceller.shared.cancelNow() {
                SignalState.interrupted = 1
            }
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
    }
}
