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
    /// The consumer that takes the COPY fast path (this one, or the one a wrapper
    /// passes results to), nil when rows must come as rows.
    public var copyRoute: CopyRouteConsumer? { (self as? CopyRouteForwarding)?.forwardedCopyRoute ?? self as? CopyRouteConsumer }
}

/// A consumer that wraps another and lets the COPY fast path through to it.
public protocol CopyRouteForwarding {
    var forwardedCopyRoute: CopyRouteConsumer? { get }
}
