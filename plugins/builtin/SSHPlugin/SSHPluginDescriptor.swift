import PsqluiPluginAPI
import Synchronization

/// The built-in `ssh` plugin: connections that name an SSH host (`--ssh-tunnel
/// [USER@]HOST[:PORT]`, or `ssh = "…"` in a `[connections.NAME]` profile) go through
/// `ssh -N -L 127.0.0.1:PORT:DBHOST:DBPORT` — the system ssh, so `~/.ssh/config`,
/// ProxyJump, agents and known_hosts work. See plugins/README.md.
public final class SSHPluginDescriptor: PluginDescriptor {
    public init() {}
    public var name: String { "ssh" }
    public var version: SemanticVersion { SemanticVersion(0, 1, 0) }
    public var minimumCoreVersion: SemanticVersion { SemanticVersion(0, 1, 0) }
    public var summary: String { "SSH tunnels for connections (--ssh-tunnel, a profile's ssh key)" }
    public var hasConnectionHooks: Bool { true }
    public var declaredConnectionSettings: [String] { ["ssh"] }

    private let hook = Mutex<TunnelHook?>(nil)

    public func activate(_ ctx: PluginContext) async throws -> PluginProviders {
        let h = TunnelHook(settings: try SSHSettings(ctx.config))
        hook.withLock { $0 = h }
        return PluginProviders(connectionHooks: [h])
    }

    /// The running tunnels for `:plugins`.
    public var status: String? {
        guard let h = hook.withLock({ $0 }) else { return nil }
        let tunnels = h.snapshot.withLock { $0 }
        return tunnels.isEmpty ? "no tunnel" : tunnels.joined(separator: "; ")
    }

    /// Stops and reaps every tunnel's ssh (at exit, after SIGTERM too, and on disable).
    public func onShutdown() async {
        guard let h = hook.withLock({ s -> TunnelHook? in defer { s = nil }; return s }) else { return }
        await h.stopAll()
    }
}
