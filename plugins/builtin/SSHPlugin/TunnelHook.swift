import PsqluiPluginAPI
import Synchronization

/// The ssh plugin's connection hook: a connection whose settings name `ssh` goes
/// through a tunnel to the connection's own host and port, seen from the SSH host.
///
/// Tunnels are reused: a reconnect (`\c`, `:connect` to the same server, after a lost
/// connection) to the same destination and target finds the running tunnel. A tunnel
/// no connection uses is kept while it is the latest one wanted (a lost connection's
/// reconnect comes right back to it) and stopped when another is wanted or at exit.
actor TunnelHook: ConnectionHook {
    nonisolated var name: String { "tunnel" }
    /// One line per running tunnel (`127.0.0.1:PORT -> TARGET via DEST`), readable
    /// without awaiting the actor (`:plugins` is synchronous).
    nonisolated let snapshot = Mutex<[String]>([])

    private struct Key: Hashable { var destination: SSHDestination; var target: ForwardTarget }
    private struct Entry { var tunnel: SSHTunnel; var users: Int }

    private let settings: SSHSettings
    private var tunnels: [Key: Entry] = [:]
    private var latest: Key?

    init(settings: SSHSettings) { self.settings = settings }

    func willConnect(_ parameters: ConnectionParameters) async throws -> ConnectionRoute? {
        guard let value = parameters.settings["ssh"] else { return nil }
        guard let text = value.stringValue else { throw ConnectionHookError("ssh: expected [USER@]HOST[:PORT], a string") }
        let destination: SSHDestination
        switch SSHDestination.parse(text) {
        case .success(let d): destination = d
        case .failure(let e): throw ConnectionHookError(e.message)
        }
        let target: ForwardTarget
        switch ForwardTarget.from(parameters) {
        case .success(let t): target = t
        case .failure(let e): throw e
        }
        let key = Key(destination: destination, target: target)
        latest = key
        if var entry = tunnels[key] {
            if entry.tunnel.isRunning {
                entry.users += 1
                tunnels[key] = entry
                await stopIdle()
                return route(entry.tunnel)
            }
            tunnels[key] = nil
            await entry.tunnel.stop()
        }
        await stopIdle()
        let tunnel = try await SSHTunnel.open(destination, to: target, settings: settings)
        tunnels[key] = Entry(tunnel: tunnel, users: 1)
        publish()
        return route(tunnel)
    }

    func didDisconnect(_ parameters: ConnectionParameters, route: ConnectionRoute?) async {
        guard let route, let (key, entry) = tunnels.first(where: { String($0.value.tunnel.localPort) == route.port }) else { return }
        tunnels[key]?.users = max(0, entry.users - 1)
        await stopIdle()
    }

    /// Stops every tunnel (exit, disable).
    func stopAll() async {
        let all = tunnels.values.map(\.tunnel)
        tunnels = [:]
        latest = nil
        publish()
        for t in all { await t.stop() }
    }

    /// The local ends of the running tunnels (for `:plugins`-style status and tests).
    var localPorts: [Int] { tunnels.values.map(\.tunnel.localPort).sorted() }

    private func publish() {
        let lines = tunnels.values.map { "127.0.0.1:\($0.tunnel.localPort) -> \($0.tunnel.target) via \($0.tunnel.destination)" }.sorted()
        snapshot.withLock { $0 = lines }
    }

    private func stopIdle() async {
        defer { publish() }
        for (key, entry) in tunnels where entry.users == 0 && key != latest {
            tunnels[key] = nil
            await entry.tunnel.stop()
        }
    }

    private func route(_ tunnel: SSHTunnel) -> ConnectionRoute {
        ConnectionRoute(host: "127.0.0.1", port: String(tunnel.localPort))
    }
}
