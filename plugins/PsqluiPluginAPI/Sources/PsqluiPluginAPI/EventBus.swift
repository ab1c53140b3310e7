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

    /// A statement the user ran finished (`statement`, `tag`).
    public static let statementFinished = "statement.finished"
    /// The session (re)connected (`database`, `user`).
    public static let connected = "session.connected"
    /// The metadata cache was reloaded.
    public static let metadataRefreshed = "metadata.refreshed"
}

/// A handle that ends a subscription.
public final class EventSubscription: Sendable {
    private let onCancel: @Sendable () -> Void

    /// Creates a subscription that runs `onCancel` when cancelled.
    public init(onCancel: @escaping @Sendable () -> Void) { self.onCancel = onCancel }

    /// Stops delivery to the handler.
    public func cancel() { onCancel() }
}
