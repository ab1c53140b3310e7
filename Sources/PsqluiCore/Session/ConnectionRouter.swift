import PsqluiPluginAPI

/// Decides, before each connect of a `PGSession`, where libpq really connects, and is
/// told when that connection ends: the plugins' connection hooks
/// (`PluginConnectionRouter`). Called on the session's thread; it may block.
public protocol ConnectionRouter: AnyObject {
    /// Before a connect with `settings`: the settings libpq gets (the same, or
    /// rerouted) and a token for `release`. Throws a `ConnectionError` whose message
    /// is one line for the user; the connect then fails.
    func route(_ settings: ConnectionSettings) throws -> RoutedConnection

    /// The connection `route` prepared was closed, or its connect failed.
    func release(_ connection: RoutedConnection)
}

/// One connect as the router prepared it.
public struct RoutedConnection: @unchecked Sendable {
    /// What libpq connects with.
    public var settings: ConnectionSettings
    /// The host and port the user's settings named, when a hook rerouted them (what
    /// `\c` carries over and what the hooks see again on a reconnect); nil when direct.
    public var reroutedFrom: (host: String?, port: String?)?
    /// The router's own record of the hooks that ran (for `release`).
    public var token: AnyObject?

    /// A connection as prepared.
    public init(settings: ConnectionSettings, reroutedFrom: (host: String?, port: String?)? = nil, token: AnyObject? = nil) {
        self.settings = settings
        self.reroutedFrom = reroutedFrom
        self.token = token
    }
}
