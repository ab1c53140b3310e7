import PsqluiPluginAPI

/// One statement as an OpenTelemetry span: what the exporter sends. Built from a
/// `statement.finished` event; the statement text is only ever the redacted one.
struct StatementSpan: Equatable {
    var traceID: [UInt8]
    var spanID: [UInt8]
    /// The span name: the statement kind, upper case (`SELECT`, `CREATE TABLE`).
    var name: String
    var startNanos: UInt64
    var endNanos: UInt64
    var database: String
    var user: String
    var host: String
    var port: Int?
    /// The statement with literals and secrets replaced (`SqlIntelService.redact`).
    var redactedStatement: String
    var kind: String
    var rows: Int?
    /// The SQLSTATE when the statement failed.
    var sqlState: String?
    /// True when the statement failed (an error, or the connection was lost).
    var failed: Bool

    /// The span for a `statement.finished` event; nil for any other event. The text
    /// is the event's redacted one; when an event lacks it, the raw text goes through
    /// the API's redaction service (`redact`) and only its result is kept.
    static func from(_ event: PluginEvent, ids: inout some RandomNumberGenerator,
                     redact: (String) -> String = { _ in "?" }) -> StatementSpan? {
        guard event.name == PluginEvent.statementFinished else { return nil }
        let a = event.attributes
        let start = nanos(milliseconds: a[PluginEventKey.started] ?? "0")
        let kind = a[PluginEventKey.kind] ?? ""
        let outcome = a[PluginEventKey.outcome] ?? "ok"
        return StatementSpan(
            traceID: (0..<16).map { _ in UInt8.random(in: 0...255, using: &ids) },
            spanID: (0..<8).map { _ in UInt8.random(in: 0...255, using: &ids) },
            name: kind.isEmpty ? "statement" : kind.uppercased(),
            startNanos: start, endNanos: start + nanos(milliseconds: a[PluginEventKey.durationMilliseconds] ?? "0"),
            database: a[PluginEventKey.database] ?? "", user: a[PluginEventKey.user] ?? "",
            host: a[PluginEventKey.host] ?? "", port: a[PluginEventKey.port].flatMap { Int($0) },
            redactedStatement: a[PluginEventKey.redactedStatement] ?? a[PluginEventKey.statement].map(redact) ?? "?", kind: kind,
            rows: a[PluginEventKey.rows].flatMap { Int($0) },
            sqlState: a[PluginEventKey.sqlState].flatMap { $0.isEmpty ? nil : $0 },
            failed: outcome != "ok")
    }

    /// `1733.123456` milliseconds → nanoseconds, exactly (no floating point: epoch
    /// nanoseconds do not fit a Double's 53 bits).
    static func nanos(milliseconds text: String) -> UInt64 {
        let parts = text.split(separator: ".", maxSplits: 1)
        guard let whole = parts.first.flatMap({ UInt64($0) }) else { return 0 }
        var fraction: UInt64 = 0
        var digits = 0
        for c in parts.count > 1 ? parts[1] : "" {
            guard let d = c.wholeNumberValue, digits < 6 else { break }
            fraction = fraction * 10 + UInt64(d)
            digits += 1
        }
        for _ in digits..<6 { fraction *= 10 }
        return whole &* 1_000_000 &+ fraction
    }
}
