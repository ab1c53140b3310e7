import PsqluiPluginAPI

/// The hooks that ran for one connect, in order, as the registry hands them back at
/// the connection's end (`connectionClosed`).
public final class ConnectionHookRun: Sendable {
    struct Step: Sendable {
        var plugin: String
        var hook: ConnectionHook
        var parameters: ConnectionParameters
        var route: ConnectionRoute?
    }
    let steps: [Step]
    /// The parameters after every hook's route.
    public let parameters: ConnectionParameters

    init(steps: [Step], parameters: ConnectionParameters) {
        self.steps = steps
        self.parameters = parameters
    }
}

extension PluginRegistry {
    /// How long a connection hook's `willConnect` may take, in seconds.
    public static let connectionHookDeadline = 60.0

    /// True when a connect whose plugin settings are `settings` needs the plugins: it
    /// names some, or a usable plugin hooks every connection (declares hooks but no
    /// settings). Otherwise the session connects directly, without resolving the
    /// parameters or a round trip through async code.
    public func needsConnectionHooks(settings: [String: ConfigValue]) -> Bool {
        !settings.isEmpty || !host.usablePlugins(where: { $0.hasConnectionHooks && $0.connectionSettings.isEmpty }).isEmpty
    }

    /// Runs every usable plugin's connection hooks (activating the plugins), each
    /// seeing the parameters as the previous one routed them. On failure the hooks
    /// that had run are released, and the failure is the lines for the user: a
    /// `ConnectionHookError`'s message (not counted), or the fault (counted). A
    /// setting no usable plugin reads refuses the connection.
    public func runConnectionHooks(_ parameters: ConnectionParameters) async -> Result<ConnectionHookRun, PluginConnectionRefusal> {
        for key in parameters.settings.keys.sorted() {
            let readers = host.usablePlugins { $0.connectionSettings.contains(key) }
            if readers.isEmpty {
                if let owner = host.registeredPlugins(where: { $0.connectionSettings.contains(key) }).first {
                    let why = host.state(of: owner) == .disabled ? "is disabled" : "was disabled after repeated failures"
                    return .failure(PluginConnectionRefusal(lines: [
                        "connection setting \"\(key)\" needs plugin \"\(owner)\", which \(why); enable it with :plugins enable \(owner)",
                    ]))
                }
                return .failure(PluginConnectionRefusal(lines: ["no plugin reads the connection setting \"\(key)\""]))
            }
        }
        var steps: [ConnectionHookRun.Step] = []
        var current = parameters
        func unwind(_ lines: [String]) async -> Result<ConnectionHookRun, PluginConnectionRefusal> {
            await release(steps)
            return .failure(PluginConnectionRefusal(lines: lines))
        }
        // A plugin that declares settings hooks only the connections naming one.
        let named = Set(parameters.settings.keys)
        for name in host.usablePlugins(where: { $0.hasConnectionHooks && ($0.connectionSettings.isEmpty || !named.isDisjoint(with: $0.connectionSettings)) }) {
            let providers: PluginProviders
            do { providers = try await activate(name) } catch {
                return await unwind((error as? PluginFailure)?.messages ?? ["plugin \"\(name)\": \(Self.message(error))"])
            }
            for hook in providers.connectionHooks {
                let seen = current
                do {
                    guard let answer = try await Deadline.run(seconds: Self.connectionHookDeadline, { try await hook.willConnect(seen) }) else {
                        let fault = PluginFault.connectionHookFailed(plugin: name, hook: hook.name,
                                                                     message: "did not answer within \(Int(Self.connectionHookDeadline)) s")
                        return await unwind(report(fault))
                    }
                    steps.append(.init(plugin: name, hook: hook, parameters: seen, route: answer))
                    if let route = answer {
                        current.host = route.host
                        current.port = route.port
                        current.options["hostaddr"] = nil
                    }
                } catch let refused as ConnectionHookError {
                    return await unwind([refused.message])
                } catch {
                    return await unwind(report(.connectionHookFailed(plugin: name, hook: hook.name, message: Self.message(error))))
                }
            }
        }
        return .success(ConnectionHookRun(steps: steps, parameters: current))
    }

    /// The connection `run` prepared is closed (or its connect failed): each hook's
    /// `didDisconnect`, newest first, within the shutdown deadline each.
    public func connectionClosed(_ run: ConnectionHookRun) async {
        await release(run.steps)
    }

    private func release(_ steps: [ConnectionHookRun.Step]) async {
        for step in steps.reversed() {
            let hook = step.hook, parameters = step.parameters, route = step.route
            _ = await Deadline.run(seconds: Self.shutdownDeadline) { await hook.didDisconnect(parameters, route: route) }
        }
    }
}

/// Why the plugins refused a connect: one line each (usually one).
public struct PluginConnectionRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    /// The lines for the user.
    public var lines: [String]
    public var description: String { lines.joined(separator: "\n") }
}
