@preconcurrency import CLibPQ
import Glibc
import PsqluiCore

/// Answers `CompletionEngine.lookup`: runs a `CatalogLookupKind`'s query on a libpq
/// connection when a rule asks for that kind, as psql does on its own connection —
/// at the prompt the user's session (the only one that sees its cursors, prepared
/// statements and LISTEN channels), for `--complete` a connection of its own.
///
/// The wait is bounded: outside a transaction block a query still running at the
/// deadline is cancelled and nothing is offered. Inside a transaction block it is not
/// cancelled (that would abort the user's transaction); these catalog reads take no
/// lock a normal session holds, so they do not wait on other sessions. A failed
/// transaction block refuses every query: nothing is asked then. The query bypasses
/// `PGSession.execute`, so psql's `ROW_COUNT`, `LAST_ERROR_MESSAGE` and `\errverbose`
/// are not disturbed by a Tab.
///
/// Use it on the thread that owns the connection (the completion callback runs on the
/// REPL's thread, inside `readline`).
final class SessionCatalogLookup: @unchecked Sendable {
    private let connection: () -> OpaquePointer?
    /// Seconds a lookup may take.
    let timeout: Double
    /// Time zone names do not change while a server runs (and take the longest to list).
    private var timeZones: (connection: OpaquePointer, names: [String])?

    init(timeout: Double, connection: @escaping () -> OpaquePointer?) {
        self.timeout = timeout
        self.connection = connection
    }

    /// The names of `kind`, [] when the connection cannot be asked or did not answer in time.
    func names(_ kind: CatalogLookupKind) -> [String] {
        guard let conn = connection(), PQstatus(conn) == CONNECTION_OK else { return [] }
        let state = PQtransactionStatus(conn)
        guard state == PQTRANS_IDLE || state == PQTRANS_INTRANS else { return [] }
        if case .timeZone = kind, let cached = timeZones, cached.connection == conn { return cached.names }
        guard let names = run(kind.sql, on: conn, cancellable: state == PQTRANS_IDLE) else { return [] }
        if case .timeZone = kind { timeZones = (conn, names) }
        return names
    }

    /// The first column of `sql`'s rows; nil on an error or a missed deadline.
    private func run(_ sql: String, on conn: OpaquePointer, cancellable: Bool) -> [String]? {
        guard PQsendQuery(conn, sql) == 1 else { return nil }
        let deadline = Self.now() + timeout
        var timedOut = false
        while PQisBusy(conn) == 1 {
            let left = deadline - Self.now()
            if left <= 0 && cancellable {
                timedOut = true
                Self.cancel(conn)
                break
            }
            var descriptor = pollfd(fd: PQsocket(conn), events: Int16(POLLIN), revents: 0)
            let wait = cancellable ? Int32(max(1, min(left * 1000, 1000))) : 1000
            if poll(&descriptor, 1, wait) < 0 && errno != EINTR { timedOut = true; Self.cancel(conn); break }
            if PQconsumeInput(conn) == 0 { break }
        }
        // Drain every result (after a cancel the server ends the query at once).
        var names: [String]? = []
        while let result = PQgetResult(conn) {
            if PQresultStatus(result) == PGRES_TUPLES_OK, names != nil {
                for row in 0..<PQntuples(result) {
                    guard let value = PQgetvalue(result, row, 0) else { continue }
                    names?.append(String(cString: value))
                }
            } else {
                names = nil
            }
            PQclear(result)
        }
        return timedOut ? nil : names
    }

    private static func cancel(_ conn: OpaquePointer) {
        guard let handle = PQgetCancel(conn) else { return }
        var errbuf = [CChar](repeating: 0, count: 256)
        _ = PQcancel(handle, &errbuf, 256)
        PQfreeCancel(handle)
    }

    private static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}
