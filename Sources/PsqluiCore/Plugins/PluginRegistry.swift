import Foundation
import PsqluiPluginAPI

/// Every plugin psqlui knows, built-in or not, and its lifecycle.
///
/// A plugin registers by its *declarations* (no plugin code runs): its command and
/// format names go into the command table through `routing` (`CommandTable`), and it
/// is activated the first time one of its commands or formats is used (its
/// dependencies first). A plugin that throws is reported by name and the session goes
/// on; after `failureLimit` failures it is disabled for the session.
public final class PluginRegistry: @unchecked Sendable {
    /// Failures after which a plugin is disabled for the session.
    public static let failureLimit = 3
    /// How long `onShutdown` may take, in seconds.
    public static let shutdownDeadline = 2.0

    private final class Record {
        let name: String
        let descriptor: PluginDescriptor?
        let source: PluginSource
        let version: String
        let summary: String
        let commands: [String]
        let formats: [String]
        let panes: [String]
        let hasMetadataHooks: Bool
        let hasSqlAssists: Bool
        let dependencies: [String]
        var state: PluginState
        var providers: PluginProviders?
        var activation: Task<PluginProviders, Error>?
        var failures = 0
        var tasks = PluginTaskScope()

        init(descriptor: PluginDescriptor, source: PluginSource, state: PluginState) {
            self.name = descriptor.name
            self.descriptor = descriptor
            self.source = source
            self.version = descriptor.version.description
            self.summary = descriptor.summary
            self.commands = descriptor.declaredCommands
            self.formats = descriptor.declaredFormats
            self.panes = descriptor.declaredPanes
            self.hasMetadataHooks = descriptor.hasMetadataHooks
            self.hasSqlAssists = descriptor.hasSqlAssists
            self.dependencies = descriptor.dependencies.map(\.name)
            self.state = state
        }

        init(refusedName: String, version: String, source: PluginSource, reason: String) {
            self.name = refusedName
            self.descriptor = nil
            self.source = source
            self.version = version
            self.summary = ""
            self.commands = []
            self.formats = []
            self.panes = []
            self.hasMetadataHooks = false
            self.hasSqlAssists = false
            self.dependencies = []
            self.state = .refused(reason: reason)
        }

        var info: PluginInfo {
            PluginInfo(name: name, version: version, state: state, commands: commands, formats: formats, panes: panes,
                       hasMetadataHooks: hasMetadataHooks, hasSqlAssists: hasSqlAssists, source: source, summary: summary)
        }
    }

    private let lock = NSLock()
    /// Where declared command and format names go (the command table sets itself).
    public weak var routing: PluginNameRouting?
    private var records: [String: Record] = [:]
    private var order: [String] = []  // registration order = dependency order
    private var refusedRecords: [Record] = []
    private var servicesStorage: PluginHostServices

    /// A registry handing plugins `services`.
    public init(services: PluginHostServices = PluginHostServices()) {
        self.servicesStorage = services
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
        var seen = lock.withLock { Set(records.keys) }
        for p in plugins {
            let name = p.descriptor.name
            if seen.contains(name) {
                let other = lock.withLock { records[name]?.source.description } ?? accepted.first { $0.descriptor.name == name }.map { $0.source.description } ?? "?"
                messages.append(refuse(name, version: p.descriptor.version.description, source: p.source,
                                       reason: "a plugin named \"\(name)\" is already loaded (\(other))"))
                continue
            }
            if let problem = PluginCompatibility.problem(minimum: p.descriptor.minimumCoreVersion, core: core) {
                messages.append(refuse(name, version: p.descriptor.version.description, source: p.source, reason: problem))
                continue
            }
            seen.insert(name)
            accepted.append(p)
        }
        let existing: [PluginDependencyOrder.Node] = lock.withLock {
            order.compactMap { records[$0] }.compactMap { r in
                r.descriptor.map { PluginDependencyOrder.Node(name: r.name, version: $0.version, dependencies: $0.dependencies) }
            }
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
            let record = Record(descriptor: p.descriptor, source: p.source,
                                state: config.isEnabled(name) ? .declared : .disabled)
            lock.withLock {
                records[name] = record
                order.append(name)
            }
            for c in record.commands {
                if let taken = routing?.claimCommand(c, plugin: name) {
                    messages.append("plugin \"\(name)\": command :\(c) is already provided by \(taken); ignored")
                }
            }
            for f in record.formats {
                if let taken = routing?.claimFormat(f, plugin: name) {
                    messages.append("plugin \"\(name)\": format \(f) is already provided by \(taken); ignored")
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
        let record = Record(refusedName: name, version: version, source: source, reason: reason)
        lock.withLock { refusedRecords.append(record) }
        return "psqlui: plugin \"\(name)\" not loaded (\(source)): \(reason)"
    }

    // MARK: Lookups (synchronous, no plugin code)

    /// The spec of command `name` from plugin `plugin` once it is active, else nil
    /// (help and completion use the declared name until then).
    public func activeCommandSpec(plugin: String, name: String) -> CommandSpec? {
        lock.withLock { records[plugin]?.providers?.commands.first { $0.allNames.contains(name) } }
    }

    /// Every plugin, registered ones in dependency order, then refused ones.
    public var plugins: [PluginInfo] {
        lock.withLock { order.compactMap { records[$0]?.info } + refusedRecords.map(\.info) }
    }

    /// The state of plugin `name`, nil when unknown.
    public func state(of name: String) -> PluginState? { lock.withLock { records[name]?.state } }

    // MARK: Use

    /// Runs plugin `name`'s command after activating the plugin. Errors are written to
    /// `context.writeError` (naming the plugin) and never thrown.
    public func runPluginCommand(plugin name: String, _ invocation: CommandInvocation, context: CommandContext) async -> CommandOutcome {
            do {
                let providers = try await activate(name)
                guard let spec = providers.commands.first(where: { $0.allNames.contains(invocation.name) }) else {
                    throw PluginFault(plugin: name, messages: noteFailure(name, "declared command :\(invocation.name) but did not provide it"))
                }
                do {
                    try await spec.handler(invocation, context)
                } catch {
                    throw PluginFault(plugin: name, messages: noteFailure(name, Self.message(error)))
                }
                return .succeeded
            } catch let fault as PluginFault {
                for m in fault.messages { context.writeError(m) }
                return .failed
            } catch {
                context.writeError("plugin \"\(name)\": \(Self.message(error))")
                return .failed
            }
    }

    /// Export format `name` of plugin `p`, activating the plugin. Throws `PluginFault`
    /// when the plugin is disabled, fails to activate or does not provide the format.
    public func exporter(plugin p: String, format name: String) async throws -> ExporterSpec {
        let providers = try await activate(p)
        guard let spec = providers.exporters.first(where: { $0.name == name }) else {
            throw PluginFault(plugin: p, messages: noteFailure(p, "declared format \(name) but did not provide it"))
        }
        return spec
    }

    /// Activates every enabled plugin that declares metadata hooks and runs the hooks
    /// with `queries` (psqlui's metadata connection). Returns what they added and one
    /// line per failure.
    public func runMetadataHooks(using queries: QueryService) async -> (annotations: MetadataAnnotations, messages: [String]) {
        let names = lock.withLock { order.filter { records[$0].map { $0.hasMetadataHooks && $0.state.isUsable } ?? false } }
        let all = MetadataAnnotations()
        var messages: [String] = []
        for name in names {
            let providers: PluginProviders
            do { providers = try await activate(name) } catch {
                messages += (error as? PluginFault)?.messages ?? ["plugin \"\(name)\": \(Self.message(error))"]
                continue
            }
            for hook in providers.metadataHooks {
                let mine = MetadataAnnotations()
                do {
                    try await hook.enrich(mine, using: queries)
                    all.merge(mine)
                } catch {
                    messages += noteFailure(name, "metadata hook \(hook.name): \(Self.message(error))")
                }
            }
        }
        return (all, messages)
    }

    /// Hands a statement's analysis to the SQL assists of every enabled plugin that
    /// declares them (activating it). Returns one line per failure.
    public func statementAnalyzed(_ result: AnalysisResult) async -> [String] {
        let names = lock.withLock { order.filter { records[$0].map { $0.hasSqlAssists && $0.state.isUsable } ?? false } }
        let intel = services.sqlIntel
        var messages: [String] = []
        for name in names {
            do {
                let providers = try await activate(name)
                for assist in providers.sqlAssists {
                    do { try await assist.statementAnalyzed(result, intel: intel) } catch {
                        messages += noteFailure(name, "SQL assist \(assist.name): \(Self.message(error))")
                    }
                }
            } catch {
                messages += (error as? PluginFault)?.messages ?? ["plugin \"\(name)\": \(Self.message(error))"]
            }
        }
        return messages
    }

    // MARK: Activation

    /// Activates plugin `name` (once; concurrent callers share the activation) after
    /// its dependencies, and returns its providers. Throws `PluginFault`.
    public func activate(_ name: String) async throws -> PluginProviders {
        enum Step { case ready(PluginProviders), wait(Task<PluginProviders, Error>), refuse(String) }
        let step: Step = lock.withLock {
            guard let r = records[name], let descriptor = r.descriptor else { return .refuse("plugin \"\(name)\" is not loaded") }
            switch r.state {
            case .disabled:
                return .refuse("plugin \"\(name)\" is disabled; enable it with :plugins enable \(name)")
            case .failed:
                return .refuse("plugin \"\(name)\" was disabled after repeated failures; re-enable it with :plugins enable \(name)")
            case .refused(let reason):
                return .refuse("plugin \"\(name)\" is not loaded: \(reason)")
            case .declared, .active:
                break
            }
            if let p = r.providers { return .ready(p) }
            if let t = r.activation { return .wait(t) }
            let context = PluginContext(pluginName: name, coreVersion: servicesStorage.coreVersion,
                                        eventBus: servicesStorage.eventBus, sqlIntel: servicesStorage.sqlIntel,
                                        metadataCache: servicesStorage.metadataCache,
                                        config: servicesStorage.config.tables[name] ?? [:], tasks: r.tasks)
            let deps = r.dependencies
            let task = Task<PluginProviders, Error> { [self] in
                for dep in deps { _ = try await self.activate(dep) }
                return try await descriptor.activate(context)
            }
            r.activation = task
            return .wait(task)
        }
        switch step {
        case .ready(let p):
            return p
        case .refuse(let message):
            throw PluginFault(plugin: name, messages: [message])
        case .wait(let task):
            do {
                let providers = try await task.value
                lock.withLock {
                    if let r = records[name], r.activation == task, r.state == .declared {
                        r.providers = providers
                        r.state = .active
                    }
                }
                return providers
            } catch {
                let first = lock.withLock { () -> Bool in
                    guard let r = records[name], r.activation == task else { return false }
                    r.activation = nil
                    return true
                }
                if let fault = error as? PluginFault, fault.plugin != name {
                    // A dependency failed: report it as this plugin's problem once.
                    throw PluginFault(plugin: name, messages: fault.messages + (first ? ["plugin \"\(name)\" could not be activated: its dependency \"\(fault.plugin)\" failed"] : []))
                }
                throw PluginFault(plugin: name, messages: first ? noteFailure(name, "activation failed: \(Self.message(error))") : ["plugin \"\(name)\": activation failed: \(Self.message(error))"])
            }
        }
    }

    /// Counts one failure of plugin `name` and returns the lines to show: one naming the
    /// plugin, and one more when this failure disables it.
    @discardableResult
    public func noteFailure(_ name: String, _ message: String) -> [String] {
        var lines = ["plugin \"\(name)\": \(message)"]
        let disabledNow: Record? = lock.withLock {
            guard let r = records[name] else { return nil }
            r.failures += 1
            guard r.failures >= Self.failureLimit, r.state.isUsable else { return nil }
            r.state = .failed(failures: r.failures)
            return r
        }
        if let r = disabledNow {
            lines.append("plugin \"\(name)\" is disabled for this session after \(r.failures) failures; re-enable it with :plugins enable \(name)")
            stopInBackground(r)
        }
        return lines
    }

    // MARK: Enable, disable, shutdown

    /// Enables a plugin disabled by the config, by `:plugins disable` or after
    /// failures (its failure count starts again). Returns the line to show.
    public func enable(_ name: String) -> String {
        lock.withLock {
            guard let r = records[name] else {
                if refusedRecords.contains(where: { $0.name == name }) { return "plugin \"\(name)\" was not loaded, so it cannot be enabled (see :plugins)" }
                return "no plugin named \"\(name)\""
            }
            switch r.state {
            case .declared, .active: return "plugin \"\(name)\" is already enabled"
            default:
                r.state = .declared
                r.failures = 0
                r.providers = nil
                r.activation = nil
                r.tasks = PluginTaskScope()
                return "plugin \"\(name)\" enabled"
            }
        }
    }

    /// Disables a plugin for this session: its tasks are cancelled and `onShutdown`
    /// runs (2 s deadline). Its names stay registered so that using them says why they
    /// do not work. Returns the lines to show.
    public func disable(_ name: String) async -> [String] {
        let r: Record? = lock.withLock {
            guard let r = records[name], r.state.isUsable else { return nil }
            r.state = .disabled
            return r
        }
        guard let r else {
            return [lock.withLock { records[name] == nil } ? "no plugin named \"\(name)\"" : "plugin \"\(name)\" is not enabled"]
        }
        var lines = ["plugin \"\(name)\" disabled"]
        if await !stop(r) { lines.append("plugin \"\(name)\" did not finish shutting down within \(Int(Self.shutdownDeadline)) s") }
        return lines
    }

    /// Stops every activated plugin at exit, concurrently, each within the 2 s
    /// deadline: cancels their tasks and runs `onShutdown`. Returns a line for each
    /// plugin that overran.
    public func shutdown() async -> [String] {
        let active: [Record] = lock.withLock {
            order.reversed().compactMap { records[$0] }.filter { $0.providers != nil || $0.activation != nil }
        }
        return await withTaskGroup(of: String?.self) { group in
            for r in active {
                group.addTask { [self] in
                    await self.stop(r) ? nil : "plugin \"\(r.name)\" did not finish shutting down within \(Int(Self.shutdownDeadline)) s"
                }
            }
            var lines: [String] = []
            for await line in group { if let line { lines.append(line) } }
            return lines.sorted()
        }
    }

    /// Cancels a plugin's tasks and runs its `onShutdown` with the deadline; true when
    /// it finished in time (or had never been activated).
    private func stop(_ r: Record) async -> Bool {
        let (wasActivated, tasks, descriptor) = lock.withLock { () -> (Bool, PluginTaskScope, PluginDescriptor?) in
            let was = r.providers != nil || r.activation != nil
            r.activation?.cancel()
            r.providers = nil
            r.activation = nil
            return (was, r.tasks, r.descriptor)
        }
        tasks.cancelAll()
        guard wasActivated, let descriptor else { return true }
        return await Deadline.run(seconds: Self.shutdownDeadline) { await descriptor.onShutdown() }
    }

    private func stopInBackground(_ r: Record) {
        Task { _ = await self.stop(r) }
    }

    /// The user-facing text of an error (its description).
    static func message(_ error: Error) -> String {
        String(describing: error)
    }
}
