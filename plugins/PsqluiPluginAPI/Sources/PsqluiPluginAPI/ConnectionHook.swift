/// Takes part in every connect of the user's session: before libpq connects it may send
/// the connection elsewhere (an SSH tunnel's local end), after the connection is closed
/// it cleans up. Added to the API additively (library evolution): plugins built
/// before it declare no hooks.
///
/// Pairing: every `willConnect` that returned (with a route or nil) is followed by
/// exactly one `didDisconnect` with the same parameters and route — when that
/// connection is closed (`:connect` to another, a lost connection before the
/// reconnect, exit), or at once when the connect itself failed. At exit the host
/// closes the session before the plugins' `onShutdown`, so `onShutdown` only has to
/// stop what is still running (after a `SIGTERM` too).
///
/// Faults: throw `ConnectionHookError` when the connection cannot be made for a reason
/// outside the plugin (the SSH server refused the key): the user sees its message,
/// the connect fails (exit status 2 at start, the previous connection is kept at the
/// prompt) and nothing is counted against the plugin. Any other error is the plugin's
/// own fault: reported with the plugin's and hook's names and counted (the plugin is
/// disabled after repeated faults). `willConnect` runs with a deadline of 60 s,
/// `didDisconnect` with 2 s. A connection that names a setting of a disabled plugin
/// (`ssh = …` with the ssh plugin off) is refused, never made directly.
///
/// Hooks run on psqlui's connecting thread's behalf (the REPL waits): they may wait
/// (`Task.sleep`), but must not block a thread for long.
public protocol ConnectionHook: AnyObject, Sendable {
    /// A short name for messages (`tunnel`).
    var name: String { get }

    /// Before each connect: return where libpq should connect instead, or nil to leave
    /// the connection as it is. `parameters` are the resolved parameters (after any
    /// earlier hook's route), never the password.
    func willConnect(_ parameters: ConnectionParameters) async throws -> ConnectionRoute?

    /// The connection `willConnect` saw is closed (or was never made): release what it
    /// used. `route` is what `willConnect` returned.
    func didDisconnect(_ parameters: ConnectionParameters, route: ConnectionRoute?) async
}

extension ConnectionHook {
    /// Nothing to release.
    public func didDisconnect(_ parameters: ConnectionParameters, route: ConnectionRoute?) async {}
}

/// A connection's parameters as psqlui resolved them for libpq (its command line, a
/// profile, a conninfo string or URI, `PG*` environment variables, libpq's defaults)
/// — without the password, which no hook sees.
public struct ConnectionParameters: Sendable, Hashable {
    /// The host: a name, an address, a Unix-socket directory (starts with `/`), or a
    /// comma-separated list (libpq's multiple hosts); nil for libpq's default socket.
    public var host: String?
    /// The port (or comma-separated ports); nil for libpq's default (5432).
    public var port: String?
    /// The user name.
    public var user: String?
    /// The database name.
    public var dbname: String?
    /// Every other libpq keyword that has a value (`sslmode`, `hostaddr`, `options`,
    /// `connect_timeout`, …), never `password`.
    public var options: [String: String]
    /// The connection's plugin settings: what the user gave for this connection on the
    /// command line (`--ssh-tunnel HOST` is `ssh = "HOST"`) or in the connection
    /// profile (`ssh = "HOST"` in `[connections.NAME]`). A plugin declares the names it
    /// reads in `PluginDescriptor.declaredConnectionSettings`.
    public var settings: [String: ConfigValue]

    /// Creates parameters (the host does; tests too).
    public init(host: String? = nil, port: String? = nil, user: String? = nil, dbname: String? = nil,
                options: [String: String] = [:], settings: [String: ConfigValue] = [:]) {
        self.host = host
        self.port = port
        self.user = user
        self.dbname = dbname
        self.options = options
        self.settings = settings
    }
}

/// Where libpq connects instead of the parameters' host and port (the host drops any
/// `hostaddr` with them). Everything else — user, database, TLS settings, the
/// password — stays as it was.
public struct ConnectionRoute: Sendable, Hashable {
    /// The host to connect to (`127.0.0.1`, or a Unix-socket directory).
    public var host: String
    /// The port.
    public var port: String

    /// Connect to `host` at `port`.
    public init(host: String, port: String) {
        self.host = host
        self.port = port
    }
}

/// The connection cannot be made, and it is not the plugin's fault (the network, the
/// remote side, the user's settings): `message` is shown as it is, on one line, and
/// the connect fails. Not counted against the plugin.
public struct ConnectionHookError: Error, Sendable, Hashable, CustomStringConvertible {
    /// One line for the user (`ssh tunnel via bastion failed: Permission denied (publickey).`).
    public var message: String

    /// An error with `message`.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
