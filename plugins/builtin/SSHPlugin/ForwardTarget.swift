import PsqluiPluginAPI

/// What the tunnel forwards to, as the SSH server sees it: the connection's host and
/// port (no host: `localhost`, the server on the SSH host itself), or for a
/// Unix-socket directory (`/var/run/postgresql`) the server's socket in it.
struct ForwardTarget: Sendable, Hashable, CustomStringConvertible {
    /// The `-L` part after the local end: `HOST:PORT` or `/dir/.s.PGSQL.PORT`.
    var spec: String

    static func from(_ parameters: ConnectionParameters) -> Result<ForwardTarget, ConnectionHookError> {
        let host = parameters.host ?? "localhost"
        let port = parameters.port ?? "5432"
        if host.contains(",") || port.contains(",") {
            return .failure(ConnectionHookError("ssh tunnel: several hosts (\(host)) are not supported; name one host"))
        }
        guard let p = Int(port), (1...65535).contains(p) else {
            return .failure(ConnectionHookError("ssh tunnel: port \"\(port)\" is not a port number"))
        }
        if host.hasPrefix("/") { return .success(ForwardTarget(spec: "\(host)/.s.PGSQL.\(p)")) }
        return .success(ForwardTarget(spec: host.contains(":") ? "[\(host)]:\(p)" : "\(host):\(p)"))
    }

    var description: String { spec }
}
