import Foundation
import PsqluiPluginAPI

/// Every command, export format and plugin psqlui knows, built-in or not.
///
/// Built-in commands and formats register the same `CommandSpec`/`ExporterSpec` a
/// plugin provides. A plugin registers by its *declarations* (no plugin code runs), and
/// is activated the first time one of its commands or formats is used (its
/// dependencies first). A plugin that throws is reported by name and the session goes
/// on; after `failureLimit` failures it is disabled for the session.
///
/// Synchronous lookups (`isCommand`, `commandNames`, `formatNames`) are safe to call
/// from the line editor's completion callback.
public final class PluginRegistry: @unchecked Sendable {
    /// Failures after which a plugin is disabled for the session.
    public static let failureLimit = 3
    /// How long `onShutdown` may take, in seconds.
    public static let shutdownDeadline = 2.0

    private enum Route {
        case builtin(CommandSpec)
        case plugin(String)
    }
    private enum FormatRoute {
        case builtin(ExporterSpec)
        case plugin(String)
    }

    private let lock = NSLock()
    private var routes: [String: Route] = [:]
    private var formatRoutes: [String: FormatRoute] = [:]
    private var servicesStorage: PluginHostServices
    /// Runs each plugin's lifecycle: activation, faults, enable/disable, shutdown.
    private var host: PluginHost!

    /// A registry handing plugins `services`.
    public init(services: PluginHostServices = PluginHostServices()) {
        self.servicesStorage = services
        host = PluginHost(failureLimit: Self.failureLimit, shutdownDeadline: Self.shutdownDeadline) { [unowned self] name, tasks in
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

    /// Registers a built-in command under its name and aliases (replacing any earlier
    /// built-in of the same name).
    public func registerBuiltin(_ command: CommandSpec) {
        lock.withLock { for n in command.allNames { routes[n] = .builtin(command) } }
    }

    /// Registers a built-in export format.
    public func registerBuiltin(_ exporter: ExporterSpec) {
        lock.withLock { formatRoutes[exporter.name] = .builtin(exporter) }
    }

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
            host.add(p.descriptor, source: p.source, enabled: config.isEnabled(name))
            messages += lock.withLock { () -> [String] in
                var conflicts: [String] = []
                for c in p.descriptor.declaredCommands {
                    if let taken = routes[c] {
                        conflicts.append(PluginFault.Notice.nameTaken(name, kind: "command", name: ":" + c, owner: describe(taken)))
                    } else {
                        routes[c] = .plugin(name)
                    }
                }
                for f in p.descriptor.declaredFormats {
                    if let taken = formatRoutes[f] {
                        conflicts.append(PluginFault.Notice.nameTaken(name, kind: "format", name: f, owner: describe(taken)))
                    } else {
                        formatRoutes[f] = .plugin(name)
                    }
                }
                return conflicts
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

    private func describe(_ route: Route) -> String {
        switch route {
        case .builtin: return "psqlui"
        case .plugin(let p): return "plugin \"\(p)\""
        }
    }

    private func describe(_ route: FormatRoute) -> String {
        switch route {
        case .builtin: return "psqlui"
        case .plugin(let p): return "plugin \"\(p)\""
        }
    }

    // MARK: Lookups (synchronous, no plugin code)

    /// True when `name` is a registered command name or alias (declared by an inactive
    /// or disabled plugin too: `:name` is then reported, never sent as SQL).
    public func isCommand(_ name: String) -> Bool { lock.withLock { routes[name] != nil } }

    /// Every command name and alias, sorted.
    public var commandNames: [String] { lock.withLock { routes.keys.sorted() } }

    /// Every export format name, sorted.
    public var formatNames: [String] { lock.withLock { formatRoutes.keys.sorted() } }

    /// The spec of a built-in command, or of an *active* plugin's command (nil for a
    /// plugin not activated yet: help and completion use the declared names then).
    public func commandSpec(named name: String) -> CommandSpec? {
        lock.withLock {
            switch routes[name] {
            case .builtin(let spec): return spec
            case .plugin(let p): return activeCommand(p, name)
            case nil: return nil
            }
        }
    }

    /// Every distinct built-in command and active plugin command (for `:help`).
    public var knownCommandSpecs: [CommandSpec] {
        lock.withLock {
            var seen = Set<String>()
            var specs: [CommandSpec] = []
            for key in routes.keys.sorted() {
                let spec: CommandSpec?
                switch routes[key]! {
                case .builtin(let s): spec = s
                case .plugin(let p): spec = activeCommand(p, key)
                }
                if let spec, seen.insert(spec.name).inserted { specs.append(spec) }
            }
            return specs
        }
    }

    private func activeCommand(_ plugin: String, _ name: String) -> CommandSpec? {
        host.activeProviders().first { $0.name == plugin }?.providers.commands.first { $0.allNames.contains(name) }
    }

    /// The plugin providing command `name`, nil for a built-in or unknown command.
    public func plugin(providingCommand name: String) -> String? {
        lock.withLock { if case .plugin(let p)? = routes[name] { return p } else { return nil } }
    }

    /// The plugin providing format `name`, nil for a built-in or unknown format.
    public func plugin(providingFormat name: String) -> String? {
        lock.withLock { if case .plugin(let p)? = formatRoutes[name] { return p } else { return nil } }
    }

    /// Every plugin, registered ones in dependency order, then refused ones.
    public var plugins: [PluginInfo] { host.infos }

    /// The state of plugin `name`, nil when unknown.
    public func state(of name: String) -> PluginState? { host.state(of: name) }

    /// Parses a colon-command line (`:name args`, leading whitespace allowed) and
    /// returns the invocation when `name` is a registered command, else nil (the line
    /// is SQL: `::int`, `:=`, `:'var'`, `:var`).
    public func invocation(forLine line: String) -> CommandInvocation? {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        guard trimmed.first == ":" else { return nil }
        let afterColon = trimmed.dropFirst()
        let name = String(afterColon.prefix { !$0.isWhitespace })
        guard !name.isEmpty, isCommand(name) else { return nil }
        let rest = afterColon.dropFirst(name.count)
        let args = rest.trimmingCharacters(in: .whitespacesAndNewlines)
        return CommandInvocation(name: name, arguments: args)
    }

    // MARK: Use

    /// Runs a command: a built-in directly; a plugin's after activating the plugin.
    /// Errors are written to `context.writeError` (naming the plugin) and never thrown.
    public func runCommand(_ invocation: CommandInvocation, context: CommandContext) async -> CommandOutcome {
        let route = lock.withLock { routes[invocation.name] }
        switch route {
        case nil:
            return .unknownCommand
        case .builtin(let spec)?:
            do {
                try await spec.handler(invocation, context)
                return .succeeded
            } catch {
                let message = Self.message(error)
                // An empty message: the command already reported the problem itself.
                if !message.isEmpty { context.writeError(":\(invocation.name): \(message)") }
                return .failed
            }
        case .plugin(let name)?:
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
    }

    /// The export format `name`, activating its plugin if needed; nil when unknown.
    /// Throws `PluginFault` when the plugin is disabled or fails to activate.
    public func exporter(named name: String) async throws -> ExporterSpec? {
        switch lock.withLock({ formatRoutes[name] }) {
        case nil: return nil
        case .builtin(let spec)?: return spec
        case .plugin(let p)?:
            let providers = try await activate(p)
            guard let spec = providers.exporters.first(where: { $0.name == name }) else {
                throw PluginFailure(plugin: p, faults: host.report(.missingDeclared(plugin: p, what: "format \(name)")))
            }
            return spec
        }
    }

    /// Reports that an export in format `name` failed with `error`: counts a failure
    /// against the plugin providing it (if any) and returns the lines to show.
    public func reportFailure(ofFormat name: String, error: Error) -> [String] {
        guard let p = plugin(providingFormat: name) else { return ["\(name): \(Self.message(error))"] }
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
        FileHandle.standardError.write(Data(lines.map { $0 + "\n" }.joined().utf8))
    }
    private var assistDelivery: AssistDelivery?

    /// True when someone listens to statements: a bus subscriber or a plugin with
    /// SQL assists (otherwise the statement run skips the analysis).
    public var observesStatements: Bool {
        ((services.eventBus as? CoreEventBus)?.hasSubscribers ?? true) || !host.usablePlugins { $0.hasSqlAssists }.isEmpty
    }

    /// Queues `result` for every SQL assist (in order, off the caller's thread).
    func deliverToAssists(_ result: AnalysisResult) {
        guard !host.usablePlugins(where: { $0.hasSqlAssists }).isEmpty else { return }
        let delivery = lock.withLock { () -> AssistDelivery in
            if let d = assistDelivery { return d }
            let d = AssistDelivery(deliver: { [unowned self] in await self.statementAnalyzed($0) },
                                   report: { [unowned self] in self.onPluginMessages($0) })
            assistDelivery = d
            return d
        }
        delivery.enqueue(result)
    }

    /// Activates every enabled plugin that subscribes to events (each within the
    /// activation deadline), so that it hears the first statement. Returns one line
    /// per failure.
    public func activateEventSubscribers() async -> [String] {
        var lines: [String] = []
        for name in host.usablePlugins(where: { $0.subscribesToEvents }) {
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
