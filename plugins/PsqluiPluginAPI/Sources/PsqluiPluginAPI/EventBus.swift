/// Publishes things that happen in psqlui to whoever subscribed. Handlers run
/// synchronously on the publisher's thread: keep them short, hand work to a task
/// started with `PluginContext.tasks`.
public protocol EventBus: AnyObject, Sendable {
    /// Delivers `event` to every current subscriber.
    func publish(_ event: PluginEvent)
    /// Calls `handler` for every event published from now on, until the returned
    /// subscription is cancelled (or the plugin is disabled).
    func subscribe(_ handler: @escaping @Sendable (PluginEvent) -> Void) -> EventSubscription
}

/// Something that happened: a name and text attributes.
public struct PluginEvent: Sendable, Hashable {
    /// The event's name (see the static names; plugins may publish their own
    /// `plugin.something` names).
    public var name: String
    /// Details, by key.
    public var attributes: [String: String]

    /// Creates an event.
    public init(name: String, attributes: [String: String] = [:]) {
        self.name = name
        self.attributes = attributes
    }

    /// A statement the user ran is about to be sent (`statement`, `statement.redacted`,
    /// `kind`, `started`). Added in core 0.2.
    public static let statementStarted = "statement.started"
    /// A statement the user ran finished (`statement`, `statement.redacted`, `kind`,
    /// `tag`, `rows`, `duration_ms`, `started`, `outcome`; `sqlstate` and `error` when
    /// it failed; `database`, `user`, `host`, `port` of the session).
    public static let statementFinished = "statement.finished"
    /// The session (re)connected (`database`, `user`, `host`, `port`).
    public static let connected = "session.connected"
    /// The session's connection was closed or lost (`database`, `user`, `host`,
    /// `port`, `reason`: `closed` or `lost`). Added in core 0.2.
    public static let disconnected = "session.disconnected"
    /// The metadata cache was reloaded (`relations`: how many it holds).
    public static let metadataRefreshed = "metadata.refreshed"
}

/// The attribute keys psqlui's own events use (see each event name for which).
public enum PluginEventKey {
    /// The statement text as the user typed it (stays in the process).
    public static let statement = "statement"
    /// The statement with literals and secrets replaced by `?` (`SqlIntelService.redact`):
    /// the only form of the text that may leave the machine.
    public static let redactedStatement = "statement.redacted"
    /// The statement kind (`select`, `create table`…).
    public static let kind = "kind"
    /// The last command tag (`SELECT 3`, `INSERT 0 1`).
    public static let tag = "tag"
    /// Rows returned or affected, from the command tag (absent when the tag has none).
    public static let rows = "rows"
    /// How long the statement took, in milliseconds (`12.345`).
    public static let durationMilliseconds = "duration_ms"
    /// When the statement started, in milliseconds since 1970 (UTC).
    public static let started = "started"
    /// `ok`, `error` or `connection_lost`.
    public static let outcome = "outcome"
    /// The SQLSTATE of a failed statement.
    public static let sqlState = "sqlstate"
    /// The first line of the server's error message.
    public static let error = "error"
    /// Session: the database name.
    public static let database = "database"
    /// Session: the user name.
    public static let user = "user"
    /// Session: the server host (or socket directory); through a connection hook's
    /// route, the host the connection named (not the tunnel's 127.0.0.1).
    public static let host = "host"
    /// Session: the server port (through a route, the one the connection named).
    public static let port = "port"
    /// Why a session ended: `closed` or `lost`.
    public static let reason = "reason"
    /// How many relations the metadata cache holds.
    public static let relations = "relations"
}

/// A handle that ends a subscription.
public final class EventSubscription: Sendable {
    private let onCancel: @Sendable () -> Void

    /// Creates a subscription that runs `onCancel` when cancelled.
    public init(onCancel: @escaping @Sendable () -> Void) { self.onCancel = onCancel }

    /// Stops delivery to the handler.
    public func cancel() { onCancel() }
}
