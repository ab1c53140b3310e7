@preconcurrency import CLibPQ
import Foundation

/// Cancels the running query from a SIGINT handler or another thread.
///
/// `PQcancel` is async-signal-safe and uses a `PGcancel` prepared in advance, after
/// every (re)connect, so the signal handler only reads one pointer.
public final class QueryCanceller: @unchecked Sendable {
    public static let shared = QueryCanceller()

    private var cancel: OpaquePointer?
    private var forConnection: OpaquePointer?
    /// Whether a query is in flight (read by the signal handler).
    public private(set) var queryRunning = false
    /// Set when a cancel was requested for the current query.
    public private(set) var cancelRequested = false

    func prepare(for connection: OpaquePointer) {
        let old = cancel
        cancel = PQgetCancel(connection)
        forConnection = connection
        if let old { PQfreeCancel(old) }
    }

    func forget(_ connection: OpaquePointer) {
        guard forConnection == connection else { return }
        let old = cancel
        cancel = nil
        forConnection = nil
        if let old { PQfreeCancel(old) }
    }

    func queryStarted() { cancelRequested = false; queryRunning = true }
    func queryFinished() { queryRunning = false }

    /// Sends a cancel request for the running query; safe in a signal handler.
    /// Returns false when no query is running.
    @discardableResult
    public func cancelNow() -> Bool {
        guard queryRunning, let cancel else { return false }
        cancelRequested = true
        var errbuf = [CChar](repeating: 0, count: 256)
        _ = PQcancel(cancel, &errbuf, 256)
        return true
    }
}
