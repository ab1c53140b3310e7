import FoundationEssentials
import Glibc

/// What psqlui does when it is told to end (`SIGTERM`, `SIGHUP`): the registered
/// actions run (the plugins' `onShutdown`, so an SSH tunnel's `ssh` is stopped and
/// reaped, a telemetry batch is flushed), then psqlui dies of the same signal, as it
/// would have without them (the shell sees 128+N).
///
/// The handler only writes the signal number to a pipe (async-signal-safe); a
/// thread of its own reads it and runs the actions, each bounded by its own
/// deadline, so a REPL blocked in `readline` or `PQgetResult` does not hold it up.
public enum TerminationSignals {
    private static let lock = Lock()
    nonisolated(unsafe) private static var actions: [@Sendable () -> Void] = []
    nonisolated(unsafe) private static var installed = false
    nonisolated(unsafe) fileprivate static var pipeWrite: Int32 = -1

    /// Runs `action` (once, on the watcher thread) before psqlui dies of SIGTERM or SIGHUP.
    public static func onTermination(_ action: @escaping @Sendable () -> Void) {
        lock.withLock {
            actions.append(action)
            guard !installed else { return }
            installed = true
            var fds: [Int32] = [-1, -1]
            guard pipe(&fds) == 0 else { return }
            _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
            _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
            pipeWrite = fds[1]
            let readEnd = fds[0]
            DetachedThread.start(name: "psqlui-termination") {
                var byte: UInt8 = 0
                while read(readEnd, &byte, 1) != 1 {}
                let toRun = lock.withLock { actions }
                for a in toRun { a() }
                let signo = Int32(byte)
                signal(signo, SIG_DFL)
                var set = sigset_t()
                sigemptyset(&set)
                sigaddset(&set, signo)
                pthread_sigmask(SIG_UNBLOCK, &set, nil)
                raise(signo)
                _exit(128 + signo)
            }
            for signo in [SIGTERM, SIGHUP] {
                // A signal the caller ignores (`nohup` ignores SIGHUP) stays ignored.
                var old = sigaction()
                sigaction(signo, nil, &old)
                if unsafeBitCast(old.__sigaction_handler.sa_handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) { continue }
                var action = sigaction()
                action.__sigaction_handler.sa_handler = terminationHandler
                sigemptyset(&action.sa_mask)
                action.sa_flags = SA_RESTART
                sigaction(signo, &action, nil)
            }
        }
    }
}

/// The signal handler: one byte to the watcher thread, nothing else.
private func terminationHandler(_ signo: Int32) {
    var byte = UInt8(truncatingIfNeeded: signo)
    _ = write(TerminationSignals.pipeWrite, &byte, 1)
}
