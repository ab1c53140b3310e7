import PsqluiPluginAPI

/// Drives a `ConnectionHook` the way psqlui does — `willConnect` before a connect,
/// the paired `didDisconnect` when that connection closes — and checks the pairing, so
/// a plugin's tests can run connect, reconnect and exit sequences without psqlui.
///
/// ```swift
/// let harness = ConnectionHookHarness(hook)
/// let first = try await harness.connect(ConnectionParameters(host: "db", settings: ["ssh": .string("bastion")]))
/// let second = try await harness.connect(ConnectionParameters(host: "db", dbname: "other",
///                                                             settings: ["ssh": .string("bastion")]))
/// await harness.disconnect(first)     // as `\c` closes the old connection after the new one
/// await harness.disconnectAll()       // exit
/// ```
public actor ConnectionHookHarness {
    /// One connection the hook routed (or left alone).
    public struct Connection: Sendable, Hashable {
        /// What `willConnect` saw.
        public var parameters: ConnectionParameters
        /// What it returned.
        public var route: ConnectionRoute?
        /// A number, in order of connecting.
        public var id: Int
    }

    private let hook: ConnectionHook
    private var open: [Connection] = []
    private var next = 0

    /// A harness for `hook`.
    public init(_ hook: ConnectionHook) { self.hook = hook }

    /// `willConnect`; the connection counts as open until `disconnect`. Rethrows the
    /// hook's error (nothing is then open, as in psqlui).
    public func connect(_ parameters: ConnectionParameters) async throws -> Connection {
        let route = try await hook.willConnect(parameters)
        next += 1
        let c = Connection(parameters: parameters, route: route, id: next)
        open.append(c)
        return c
    }

    /// `didDisconnect` for `connection`; false when it was not open (a pairing error).
    @discardableResult
    public func disconnect(_ connection: Connection) async -> Bool {
        guard let i = open.firstIndex(of: connection) else { return false }
        open.remove(at: i)
        await hook.didDisconnect(connection.parameters, route: connection.route)
        return true
    }

    /// Closes every open connection, newest first (psqlui's exit).
    public func disconnectAll() async {
        while let c = open.last { await disconnect(c) }
    }

    /// The connections still open.
    public var openConnections: [Connection] { open }
}
