@preconcurrency import CLibPQ
import FoundationEssentials
import PsqluiPluginAPI

/// Drains the results of one sent query from libpq and feeds a consumer: groups
/// single-row results into batches of cell views over libpq's own buffers (no copy
/// of the values), handles COPY in both directions, and reports how it ended.
final class ResultStreamReader {
    private let conn: OpaquePointer
    private let consumer: QueryResultConsumer
    private let copyIn: (() -> [UInt8]?)?
    private let copyOut: ((UnsafeBufferPointer<UInt8>) throws -> Void)?
    /// Set when the statement was sent on the COPY fast path.
    private let copyPlan: CopyPlan?

    /// Single-row results held until the batch is handed over.
    private var pending: [OpaquePointer] = []
    private var cells: UnsafeMutableBufferPointer<CellView>
    private var columnTypes: [UInt32] = []
    private var columnCount = 0
    private var rowsInResult = 0
    private var inResult = false
    /// The next `COMMAND_OK` is the end of a `COPY … TO STDOUT`.
    private var copyOutEnded = false
    /// A result that ended, told to the consumer when the next result (or the end)
    /// shows whether it was the last: psql reads the next result before it prints
    /// one, so the next statement's notices come before it.
    private enum EndedResult {
        case rows(count: Int, tag: String)
        case command(tag: String)
        case copyOut(tag: String)
    }
    private var ended: EndedResult?
    /// What the last result said, for psql's `ROW_COUNT` and `LAST_ERROR_MESSAGE`:
    /// `PQcmdTuples` of the last result ("" when it has none) and the primary message
    /// of the last error.
    private(set) var lastRowCount = ""
    private(set) var lastErrorPrimary: String?
    /// Where in the sent text the last error is (the server's 1-based character
    /// position), nil when it has none or the text was a fast-path wrapper.
    private(set) var lastErrorPosition: Int?
    /// The last error in full (`VERBOSITY verbose`, context always), for `\errverbose`.
    private(set) var lastErrorVerbose: String?

    init(connection: OpaquePointer, consumer: QueryResultConsumer,
         copyIn: (() -> [UInt8]?)?, copyOut: ((UnsafeBufferPointer<UInt8>) throws -> Void)?,
         copyPlan: CopyPlan? = nil) {
        self.conn = connection
        self.copyPlan = copyPlan
        self.consumer = consumer
        self.copyIn = copyIn
        self.copyOut = copyOut
        // Allocated by the first result with rows (most script statements have none).
        self.cells = UnsafeMutableBufferPointer(start: nil, count: 0)
    }

    deinit {
        pending.forEach { PQclear($0) }
        cells.deallocate()
    }

    func run() -> ExecutionOutcome {
        var outcome = ExecutionOutcome.success
        var consumerFailed = false
        while let result = PQgetResult(conn) {
            let status = PQresultStatus(result)
            if consumerFailed {
                PQclear(result)
                continue
            }
            // Set once `pending` owns `result` (deliver() clears it, also when it throws).
            var ownedByPending = false
            do {
                try tellEnded(isLast: false)
                switch status {
                case PGRES_SINGLE_TUPLE:
                    try startResultIfNeeded(result)
                    pending.append(result)
                    ownedByPending = true
                    rowsInResult += 1
                    if pending.count >= max(1, consumer.batchSize) { try deliver() }
                    continue  // `result` is owned by `pending` now
                case PGRES_TUPLES_OK:
                    try startResultIfNeeded(result)
                    try deliver()
                    let tag = String(cString: PQcmdStatus(result))
                    lastRowCount = String(cString: PQcmdTuples(result))
                    ended = .rows(count: rowsInResult, tag: tag)
                    inResult = false
                    rowsInResult = 0
                case PGRES_COMMAND_OK where copyPlan != nil:
                    // The fast path's `COPY n` is told as the statement's own tag.
                    let rows = Int(String(cString: PQcmdTuples(result))) ?? 0
                    try copyPlan!.consumer.copyFinished(rowCount: rows, commandTag: copyPlan!.kind.commandTag(rows: rows))
                case PGRES_COMMAND_OK where copyOutEnded:
                    copyOutEnded = false
                    lastRowCount = String(cString: PQcmdTuples(result))
                    ended = .copyOut(tag: String(cString: PQcmdStatus(result)))
                case PGRES_COMMAND_OK:
                    lastRowCount = String(cString: PQcmdTuples(result))
                    ended = .command(tag: String(cString: PQcmdStatus(result)))
                case PGRES_EMPTY_QUERY:
                    break
                case PGRES_COPY_OUT:
                    copyOutEnded = copyPlan == nil
                    try runCopyOut(into: copyPlan.map { plan in { try plan.consumer.copyRow($0) } } ?? copyOut)
                case PGRES_COPY_IN:
                    runCopyIn()
                case PGRES_FATAL_ERROR, PGRES_NONFATAL_ERROR, PGRES_BAD_RESPONSE:
                    // Rows of a failed result that were not shown yet are dropped, as
                    // psql drops a result that ends in an error.
                    pending.forEach { PQclear($0) }
                    pending.removeAll(keepingCapacity: true)
                    inResult = false
                    rowsInResult = 0
                    var message = String(cString: PQresultErrorMessage(result))
                    if let copyPlan { message = copyPlan.userMessage(message, result: result) }
                    let state = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) }
                    lastErrorPrimary = PQresultErrorField(result, Int32(UInt8(ascii: "M"))).map { String(cString: $0) } ?? ""
                    lastErrorVerbose = PGSession.verboseMessage(result)
                    lastErrorPosition = copyPlan != nil ? nil
                        : PQresultErrorField(result, Int32(UInt8(ascii: "P"))).flatMap { Int(String(cString: $0)) }
                    lastRowCount = ""
                    outcome = .serverError(message: message, sqlState: state)
                default:
                    break
                }
            } catch {
                consumerFailed = true
                let broken: Bool
                if case OutputWriteError.brokenPipe = error { broken = true } else { broken = false }
                outcome = .outputError(message: "\(error)", brokenPipe: broken)
                // Stop the server from sending the rest; drain what is in flight.
                cancelOwnQuery()
            }
            if !ownedByPending { PQclear(result) }
        }
        if !consumerFailed {
            do {
                try tellEnded(isLast: true)
            } catch {
                if case OutputWriteError.brokenPipe = error {
                    outcome = .outputError(message: "\(error)", brokenPipe: true)
                } else {
                    outcome = .outputError(message: "\(error)", brokenPipe: false)
                }
            }
        }
        ended = nil
        pending.forEach { PQclear($0) }
        pending.removeAll()
        return outcome
    }

    /// Tells the consumer about the result that ended before this point.
    private func tellEnded(isLast: Bool) throws {
        guard let result = ended else { return }
        ended = nil
        switch result {
        case .rows(let count, let tag): try consumer.resultFinished(rowCount: count, commandTag: tag, isLast: isLast)
        case .command(let tag): try consumer.commandCompleted(tag: tag, isLast: isLast)
        case .copyOut(let tag): try consumer.copyOutCompleted(tag: tag)
        }
    }

    /// Cancels the query on this reader's connection (which may be a background one,
    /// never the user's by mistake).
    private func cancelOwnQuery() {
        guard let handle = PQgetCancel(conn) else { return }
        var errbuf = [CChar](repeating: 0, count: 256)
        _ = PQcancel(handle, &errbuf, 256)
        PQfreeCancel(handle)
    }

    private func startResultIfNeeded(_ result: OpaquePointer) throws {
        guard !inResult else { return }
        inResult = true
        rowsInResult = 0
        columnCount = Int(PQnfields(result))
        var columns: [ColumnInfo] = []
        columns.reserveCapacity(columnCount)
        for c in 0..<Int32(columnCount) {
            columns.append(ColumnInfo(name: String(cString: PQfname(result, c)),
                                      typeOID: PQftype(result, c),
                                      typeModifier: PQfmod(result, c),
                                      tableOID: PQftable(result, c),
                                      tableColumn: Int16(truncatingIfNeeded: PQftablecol(result, c))))
        }
        columnTypes = columns.map(\.typeOID)
        let needed = max(1, consumer.batchSize) * max(columnCount, 1)
        if cells.count < needed {
            cells.deallocate()
            cells = .allocate(capacity: needed)
        }
        try consumer.resultStarted(columns: columns)
    }

    /// Hands the pending rows to the consumer as one batch, then frees them.
    private func deliver() throws {
        guard !pending.isEmpty else { return }
        defer {
            pending.forEach { PQclear($0) }
            pending.removeAll(keepingCapacity: true)
        }
        let n = columnCount
        var i = 0
        for result in pending {
            for c in 0..<n {
                let c32 = Int32(c)
                if PQgetisnull(result, 0, c32) == 1 {
                    cells[i] = CellView(base: nil, count: 0, typeOID: columnTypes[c])
                } else {
                    let p = UnsafeRawPointer(PQgetvalue(result, 0, c32)!).assumingMemoryBound(to: UInt8.self)
                    cells[i] = CellView(base: p, count: Int(PQgetlength(result, 0, c32)), typeOID: columnTypes[c])
                }
                i += 1
            }
        }
        try consumer.rows(RowBatch(cells: UnsafeBufferPointer(start: cells.baseAddress, count: i), columnCount: n))
    }

    /// Passes COPY data to `sink` row by row. When the sink fails (a closed pipe)
    /// the query is cancelled and the rest drained, so the connection stays usable.
    private func runCopyOut(into sink: ((UnsafeBufferPointer<UInt8>) throws -> Void)?) throws {
        var buffer: UnsafeMutablePointer<CChar>?
        var failure: Error?
        while true {
            let n = PQgetCopyData(conn, &buffer, 0)
            guard n > 0, let b = buffer else { break }  // -1: done (result follows), -2: error
            defer { PQfreemem(b) }
            guard failure == nil else { continue }
            do {
                try b.withMemoryRebound(to: UInt8.self, capacity: Int(n)) {
                    try sink?(UnsafeBufferPointer(start: $0, count: Int(n)))
                }
            } catch {
                failure = error
                cancelOwnQuery()
            }
        }
        if let failure { throw failure }
    }

    private func runCopyIn() {
        guard let copyIn else {
            _ = PQputCopyEnd(conn, "COPY FROM STDIN is not possible here")
            return
        }
        while let line = copyIn() {
            if line == [UInt8(ascii: "\\"), UInt8(ascii: ".")] { break }
            var data = line
            data.append(UInt8(ascii: "\n"))
            let ok = data.withUnsafeBufferPointer { buf in
                buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                    PQputCopyData(conn, $0, Int32(buf.count))
                }
            }
            if ok != 1 { break }
        }
        _ = PQputCopyEnd(conn, nil)
    }
}
