import PsqluiPluginAPI

/// The `ConnectionRouter` of the user's session: resolves each connect's parameters
/// (`ConnectionResolution`), runs the plugins' connection hooks on them and builds
/// the settings libpq gets; releases the hooks when the connection ends.
public final class PluginConnectionRouter: ConnectionRouter {
    private let registry: PluginRegistry

    /// A router over `registry`'s plugins.
    public init(registry: PluginRegistry) { self.registry = registry }

    public func route(_ settings: ConnectionSettings) throws -> RoutedConnection {
        guard registry.needsConnectionHooks(settings: settings.hookSettings) else { return RoutedConnection(settings: settings) }
        let resolution = ConnectionResolution(settings)
        let parameters = resolution.parameters(settings: settings.hookSettings)
        let registry = registry
        let result = try BlockingAsync.run { await registry.runConnectionHooks(parameters) }
        switch result {
        case .failure(let refusal):
            throw ConnectionError(message: refusal.description)
        case .success(let run):
            let final = run.parameters
            guard final.host != parameters.host || final.port != parameters.port, let host = final.host else {
                return RoutedConnection(settings: settings, token: run)
            }
            let route = ConnectionRoute(host: host, port: final.port ?? "5432")
            return RoutedConnection(settings: resolution.routed(to: route, from: settings),
                                    reroutedFrom: (parameters.host, parameters.port), token: run)
        }
    }

    public func release(_ connection: RoutedConnection) {
        guard let run = connection.token as? ConnectionHookRun else { return }
        let registry = registry
        _ = try? BlockingAsync.run(timeout: PluginRegistry.shutdownDeadline * Double(max(run.steps.count, 1)) + 1) {
            await registry.connectionClosed(run)
        }
    }
}
