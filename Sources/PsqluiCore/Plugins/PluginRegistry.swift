import FoundationEssentials
import PsqluiPluginAPI

/// Every plugin psqlui knows, built-in or not, and its lifecycle.
///
/// A plugin registers by its *declarations* (no plugin code runs): its command and
/// format names go into the command table through `routing` (`CommandTable`, the one
/// place names are looked up), and it is activated the first time one of its commands
/// or formats is used (its dependencies first). A plugin that throws is reported by
/// name and the session goes on; after `failureLimit` failures it is disabled for the
/// session.
public final class PluginRegistry: @unchecked Sendable {
    /// Failures after which a plugin is disabled for the session.
    public static let failureLimit = 3
    /// How long `onShutdown` may take, in seconds.
    public static let shutdownDeadline = 2.0
    /// How long `activate` may take, in seconds, unless the registry was made with another.
    public static let activationDeadline = 10.0

    private let lock = Lock()
    /// Where declared command and format names go (the command table sets itself).
    public weak var routing: PluginNameRouting?
    private var servicesStorage: PluginHostServices
    /// Runs each plugin's lifecycle: activation, faults, enable/disable, shutdown.
    var host: PluginHost!

    /// A registry handing plugins `services`. `activationDeadline` is how long an
    /// activation may take before it counts as the plugin's fault; tests that are not
    /// about that deadline raise it, since a busy test process can hold the
    /// cooperative pool (and so any activation) back for longer than 10 s.
    public init(services: PluginHostServices = PluginHostServices(),
                activationDeadline: Double = PluginRegistry.activationDeadline) {
        self.servicesStorage = services
        host = PluginHost(failureLimit: Self.failureLimit, shutdownDeadline: Self.shutdownDeadline,
                          activationDeadline: activationDeadline) { [unowned self] name, tasks in
            let s = self.services
            return PluginContext(pluginName: name, coreVersion: s.coreVersion, eventBus: s.eventBus,
                                 sqlIntel: LiveSqlIntel { [unowned self] in self.services.sqlIntel },
                                 metadataCache: LiveMetadataCacheView { [unowned self] in self.services.metadataCache },
                                 config: s.config.tables[name] ?? [:], tasks: tasks)
        }
    }

    /// The services plugins get at activation (the REPL replaces them once its SQL
    /// analysis and metadata cache exist; plugins activated later see the new ones).
    public var services: PluginHostServices {
        get { lock.withLock { servicesStorage } }
        set { lock.withLock { servicesStorage = newValue } }
    }

    // MARK: Registration

    /// Registers plugins by their declarations, after checking core compatibility and
    /// dependencies (refused ones are listed by `:plugins` with the reason). Returns
    /// one line per problem for the user. No plugin code beyond the descriptor's
    /// properties runs.
    @discardableResult
    public func register(_ plugins: [(descriptor: PluginDescriptor, source: PluginSource)]) -> [String] {
        var messages: [String] = []
        let core = services.coreVersion
        let config = services.config
        var accepted: [(descriptor: PluginDescriptor, source: PluginSource)] = []
        var seen = Set(host.registered.map(\.name))
        for p in plugins {
            let name = p.descriptor.name
            if seen.contains(name) {
                let other = host.source(of: name)?.description ?? accepted.first { $0.descriptor.name == name }.map { $0.source.description } ?? "?"
                messages.append(refuse(name, version: p.descriptor.version.description, source: p.source,
                                       reason: PluginFault.Notice.duplicate(name, other: other)))
                continue
            }
            if let problem = PluginCompatibility.problem(minimum: p.descriptor.minimumCoreVersion, core: core) {
                messages.append(refuse(name, version: p.descriptor.version.description, source: p.source, reason: problem))
                continue
            }
            seen.insert(name)
            accepted.append(p)
        }
        let existing = host.registered.map {
            PluginDependencyOrder.Node(name: $0.name, version: $0.descriptor.version, dependencies: $0.descriptor.dependencies)
        }
        let nodes = existing + accepted.map {
            PluginDependencyOrder.Node(name: $0.descriptor.name, version: $0.descriptor.version, dependencies: $0.descriptor.dependencies)
        }
        let (ordered, refusedByDeps) = PluginDependencyOrder.resolve(nodes)
        let byName = Dictionary(accepted.map { ($0.descriptor.name, $0) }, uniquingKeysWith: { a, _ in a })
        for (name, reason) in refusedByDeps.sorted(by: { $0.key < $1.key }) {
            guard let p = byName[name] else { continue }
            messages.append(refuse(name, version: p.descriptor.version.description, source: p.source, reason: reason))
        }
        for name in ordered {
            guard let p = byName[name] else { continue }
            host.add(p.descriptor, source: p.source, enabled: config.isEnabled(name), config: config.tables[name] ?? [:])
            for c in p.descriptor.declaredCommands {
                if let taken = routing?.claimCommand(c, plugin: name) {
                    messages.append(PluginFault.Notice.nameTaken(name, kind: "command", name: ":" + c, owner: taken))
                }
            }
            for f in p.descriptor.declaredFormats {
                if let taken = routing?.claimFormat(f, plugin: name) {
                    messages.append(PluginFault.Notice.nameTaken(name, kind: "format", name: f, owner: taken))
                }
            }
        }
        return messages
    }

    /// Records a plugin library that could not be loaded at all, for `:plugins`.
    public func recordLoadFailure(path: String, source: PluginSource, error: Error) {
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        _ = refuse(name, version: "?", source: source, reason: String(describing: error))
    }

    private func refuse(_ name: String, version: String, source: PluginSource, reason: String) -> String {
        host.addRefused(name, version: version, source: source, reason: reason)
        return PluginFault.Notice.refused(name, source: source, reason: reason)
    }

    // MARK: Lookups (synchronous, no plugin code)

    /// The spec of command `name` from plugin `plugin` once it is active, else nil
    /// (help and completion use the declared name until then).
    public func activeCommandSpec(plugin: String, name: String) -> CommandSpec? {
        host.activeProviders().first { $0.name == plugin }?.providers.commands.first { $0.allNames.contains(name) }
    }

    /// Every plugin, registered ones in dependency order, then refused ones.
    public var plugins: [PluginInfo] { host.infos }

    /// The state of plugin `name`, nil when unknown.
    public func state(of name: String) -> PluginState? { host.state(of: name) }

    // MARK: Use

    /// Runs plugin `name`'s command after activating the plugin. Errors are written to
    /// `context.writeError` (naming the plugin) and never thrown.
    public func runPluginCommand(plugin name: String, _ invocation: CommandInvocation, context: CommandContext) async -> CommandOutcome {
        let faults: [PluginFault]
        do {
            let providers = try await activate(name)
            if let spec = providers.commands.first(where: { $0.allNames.contains(invocation.name) }) {
                let attributing = AttributingCommandContext(context)
                do {
                    try await spec.handler(invocation, attributing)
                    return .succeeded
                } catch {
                    faults = host.report(attributing.fault(for: error, plugin: name))
                }
            } else {
                faults = host.report(.missingDeclared(plugin: name, what: "command :\(invocation.name)"))
            }
        } catch let failure as PluginFailure {
            faults = failure.faults
        } catch {
            faults = [.commandFailed(plugin: name, message: Self.message(error))]
        }
        for f in faults { context.writeError(f.description) }
        return .failed
    }

    /// Export format `name` of plugin `p`, activating the plugin. Throws
    /// `PluginFailure` when the plugin is disabled, fails to activate or does not
    /// provide the format.
    public func exporter(plugin p: String, format name: String) async throws -> ExporterSpec {
        let providers = try await activate(p)
        guard let spec = providers.exporters.first(where: { $0.name == name }) else {
            throw PluginFailure(plugin: p, faults: host.report(.missingDeclared(plugin: p, what: "format \(name)")))
        }
        return spec
    }

    /// Reports that an export in format `name` failed with `error`: counts a failure
    /// against the plugin providing it (if any) and returns the lines to show.
    public func reportFailure(ofFormat name: String, error: Error) -> [String] {
        guard let p = routing?.plugin(providingFormat: name) else { return ["\(name): \(Self.message(error))"] }
        return host.report(.exportFailed(plugin: p, message: Self.message(error))).map(\.description)
    }

    /// Activates every enabled plugin that declares metadata hooks and runs the hooks
    /// with `queries` (psqlui's metadata connection). Returns what they added and one
    /// line per failure.
    public func runMetadataHooks(using queries: QueryService) async -> (annotations: MetadataAnnotations, messages: [String]) {
        let names = host.usablePlugins { $0.hasMetadataHooks }
        let all = MetadataAnnotations()
        var messages: [String] = []
        for name in names {
            let providers: PluginProviders
            do { providers = try await activate(name) } catch {
                messages += (error as? PluginFailure)?.messages ?? ["plugin \"\(name)\": \(Self.message(error))"]
                continue
            }
            for hook in providers.metadataHooks {
                let mine = MetadataAnnotations()
                do {
                    try await hook.enrich(mine, using: queries)
                    all.merge(mine)
                } catch {
                    messages += host.report(.metadataHookFailed(plugin: name, hook: hook.name, message: Self.message(error))).map(\.description)
                }
            }
        }
        return (all, messages)
    }

    /// Hands a statement's analysis to the SQL assists of every enabled plugin that
    /// declares them (activating it). Returns one line per failure.
    public func statementAnalyzed(_ result: AnalysisResult) async -> [String] {
        let names = host.usablePlugins { $0.hasSqlAssists }
        let intel = LiveSqlIntel { [unowned self] in self.services.sqlIntel }
        var messages: [String] = []
        for name in names {
            do {
                let providers = try await activate(name)
                for assist in providers.sqlAssists {
                    do { try await assist.statementAnalyzed(result, intel: intel) } catch {
                        messages += host.report(.sqlAssistFailed(plugin: name, assist: assist.name, message: Self.message(error))).map(\.description)
                    }
                }
            } catch {
                messages += (error as? PluginFailure)?.messages ?? ["plugin \"\(name)\": \(Self.message(error))"]
            }
        }
        return messages
    }

    // MARK: SQL assists and events

    /// Where lines about plugin failures go that happen off any command (an assist
    /// that threw): the REPL reports them on stderr. Default: stderr.
    public var onPluginMessages: @Sendable ([String]) -> Void {
        get { lock.withLock { messageSink } }
        set { lock.withLock { messageSink = newValue } }
    }
    private var messageSink: @Sendable ([String]) -> Void = { lines in
        StandardStreams.writeError(lines.map { $0 + "\n" }.joined())
    }
    private var assistDelivery: AssistDelivery?

    /// True when someone listens to statements: a bus subscriber or a plugin with
    /// SQL assists (otherwise the statement run skips the analysis).
    public var observesStatements: Bool {
        // Asked for every statement: read the one service under the lock, not a copy of all.
        let bus = lock.withLock { servicesStorage.eventBus }
        return ((bus as? CoreEventBus)?.hasSubscribers ?? true) || (host.declaresSqlAssists && host.hasUsablePlugin { $0.hasSqlAssists })
    }

    /// Queues `result` for every SQL assist (in order, off the caller's thread).
    func deliverToAssists(_ result: AnalysisResult) {
        guard host.declaresSqlAssists, host.hasUsablePlugin(where: { $0.hasSqlAssists }) else { return }
        let delivery = lock.withLock { () -> AssistDelivery in
            if let d = assistDelivery { return d }
            let d = AssistDelivery(deliver: { [unowned self] in await self.statementAnalyzed($0) },
                                   report: { [unowned self] in self.onPluginMessages($0) })
            assistDelivery = d
            return d
        }
        delivery.enqueue(result)
    }

    /// True when an enabled plugin subscribes to events given its config: then
    /// `activateEventSubscribers` has work (asked first, so that a run with none
    /// starts no task).
    public var hasEventSubscribersToActivate: Bool { host.hasUsablePlugin { $0.activatesAtStart } }

    /// True when some plugin ran code (activated, or an assist was queued): only then
    /// has `shutdown` anything to do.
    public var needsShutdown: Bool { lock.withLock { assistDelivery != nil } || host.hasActivatedAny }

    /// Activates every enabled plugin that subscribes to events given its config
    /// (each within the activation deadline), so that it hears the first statement.
    /// Returns one line per failure.
    public func activateEventSubscribers() async -> [String] {
        var lines: [String] = []
        for name in host.usablePlugins(where: { $0.activatesAtStart }) {
            do { _ = try await activate(name) } catch {
                lines += (error as? PluginFailure)?.messages ?? ["plugin \"\(name)\": \(Self.message(error))"]
            }
        }
        return lines
    }

    // MARK: Lifecycle (run by PluginHost)

    /// Activates plugin `name` (once; concurrent callers share the activation) after
    /// its dependencies, and returns its providers. Throws `PluginFailure`.
    public func activate(_ name: String) async throws -> PluginProviders { try await host.activate(name) }

    /// Reports a fault of a plugin: counted when it is in the plugin's own code (which
    /// may disable the plugin). Returns the lines to show.
    @discardableResult
    public func report(_ fault: PluginFault) -> [String] { host.report(fault).map(\.description) }

    /// Enables a plugin disabled by the config, by `:plugins disable` or after
    /// failures (its failure count starts again). Returns the line to show.
    public func enable(_ name: String) -> String { host.enable(name) }

    /// Disables a plugin for this session: its tasks are cancelled and `onShutdown`
    /// runs (2 s deadline). Its names stay registered so that using them says why they
    /// do not work. Returns the lines to show.
    public func disable(_ name: String) async -> [String] { await host.disable(name) }

    /// Stops every activated plugin at exit, concurrently, each within the 2 s
    /// deadline. Returns a line for each plugin that overran.
    public func shutdown() async -> [String] {
        // Statements already run are still delivered to the assists before they stop.
        let delivery = lock.withLock { () -> AssistDelivery? in defer { assistDelivery = nil }; return assistDelivery }
        await delivery?.drain(seconds: Self.shutdownDeadline)
        return await host.shutdown()
    }

    /// The user-facing text of an error (its description).
    static func message(_ error: Error) -> String {
        String(describing: error)
    }
}
