/// A consumer that can take a statement's rows as COPY output (the COPY fast path):
/// it says which COPY options produce its format's bytes, and receives COPY's rows.
/// `PGSession.execute` asks it before sending (see `CopyRoute`).
public protocol CopyRouteConsumer: AnyObject {
    /// The options for `COPY (…) TO STDOUT (…)` whose output this consumer turns
    /// into its format (`FORMAT csv, HEADER`), nil when its bytes cannot come from COPY.
    func copyOptions(serverVersion: Int) -> String?
    /// One line of COPY output (a row, or first the header line), with its line end.
    /// Valid only during the call.
    func copyRow(_ line: UnsafeBufferPointer<UInt8>) throws
    /// The COPY ended after `rowCount` rows; `commandTag` is the ordinary path's tag
    /// (`SELECT 3`).
    func copyFinished(rowCount: Int, commandTag: String) throws
}

extension QueryResultConsumer {
    /// No COPY fast path: rows come as rows (the screen printer, `\gset`, collectors).
    public var copyRoute: CopyRouteConsumer? { nil }
}
