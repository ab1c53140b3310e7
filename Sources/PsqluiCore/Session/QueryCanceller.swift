@preconcurrency import CLibPQ
import FoundationEssentials
import Glibc
import Synchronization

/// Ctrl-C: cancels the user's running query from the SIGINT handler, as psql does.
///
/// The handler only touches memory prepared in advance: atomics, the current
/// `PGcancel` (swapped with SIGINT blocked, after every (re)connect) and a static error
/// buffer. It calls `PQcancel` (async-signal-safe) and `write(2)`; it allocates nothing.
public final class QueryCanceller: @unchecked Sendable {
    public static let shared = QueryCanceller()

    /// The `PGcancel` of the user's connection; read by the handler.
    private let cancel = Atomic<UInt>(0)
    private var forConnection: OpaquePointer?
    private let running = Atomic<Bool>(false)
    private let requested = Atomic<Bool>(false)
    private let interruptedAtPrompt = Atomic<Bool>(false)
    private let pressed = Atomic<Bool>(false)
    /// PQcancel's error buffer, allocated once.
    private let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: 256)

    private init() {}

    /// Whether a query is in flight.
    public var queryRunning: Bool { running.load(ordering: .acquiring) }
    /// Set when a cancel was requested for the current query.
    public var cancelRequested: Bool { requested.load(ordering: .acquiring) }

    /// Ctrl-C arrived while no query was running (the prompt clears its line).
    public var interrupted: Bool {
        get { interruptedAtPrompt.load(ordering: .acquiring) }
        set { interruptedAtPrompt.store(newValue, ordering: .releasing) }
    }

    /// Returns whether Ctrl-C was pressed since the last call, and clears it (a
    /// script stops after Ctrl-C, as psql's does).
    public func takePress() -> Bool { pressed.exchange(false, ordering: .acquiringAndReleasing) }

    /// Installs the SIGINT handler (also when SIGINT was ignored at start: a
    /// background job still cancels its query, as psql does). No SA_RESTART, so a
    /// blocked `read` returns EINTR.
    public func installSignalHandler() {
        _ = QueryCanceller.shared  // initialised before the handler can run
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in QueryCanceller.shared.handleSignal() }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
    }

    private func handleSignal() {
        pressed.store(true, ordering: .releasing)
        let pointer = cancel.load(ordering: .acquiring)
        guard running.load(ordering: .acquiring), pointer != 0 else {
            interruptedAtPrompt.store(true, ordering: .releasing)
            return
        }
        requested.store(true, ordering: .releasing)
        if PQcancel(OpaquePointer(bitPattern: pointer), errorBuffer, 256) == 1 {
            let message: StaticString = "Cancel request sent\n"
            _ = write(2, message.utf8Start, message.utf8CodeUnitCount)
        }
    }

    func prepare(for connection: OpaquePointer) {
        swapCancel(PQgetCancel(connection))
        forConnection = connection
    }

    func forget(_ connection: OpaquePointer) {
        guard forConnection == connection else { return }
        swapCancel(nil)
        forConnection = nil
    }

    /// Replaces the handler's `PGcancel` with SIGINT blocked, so the handler never
    /// uses one being freed.
    private func swapCancel(_ new: OpaquePointer?) {
        var block = sigset_t(), old = sigset_t()
        sigemptyset(&block)
        sigaddset(&block, SIGINT)
        pthread_sigmask(SIG_BLOCK, &block, &old)
        let previous = cancel.exchange(UInt(bitPattern: new), ordering: .acquiringAndReleasing)
        pthread_sigmask(SIG_SETMASK, &old, nil)
        if previous != 0 { PQfreeCancel(OpaquePointer(bitPattern: previous)) }
    }

    func queryStarted() {
        requested.store(false, ordering: .releasing)
        running.store(true, ordering: .releasing)
    }

    func queryFinished() { running.store(false, ordering: .releasing) }
}
