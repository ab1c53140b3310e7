import FoundationEssentials
import PsqluiPluginAPI

/// Runs every plugin's `PluginLifecycle`: sends it the events, performs the actions it
/// returns (activation and shutdown under deadlines, task cancellation) and counts
/// faults through it. The host holds plugin code; the lifecycle holds the decisions.
final class PluginHost: @unchecked Sendable {
    /// How long `activate` may take, in seconds.

    final class Record {
        let name: String
        let descriptor: PluginDescriptor?
        let source: PluginSource
        let version: String
        let declarations: PluginDeclarations
        var lifecycle: PluginLifecycle
        var providers: PluginProviders?
        var activation: Task<PluginProviders, Error>?
        var tasks = PluginTaskScope()

        init(descriptor: PluginDescriptor, source: PluginSource, enabled: Bool, failureLimit: Int, config: [String: ConfigValue]) {
            name = descriptor.name
            self.descriptor = descriptor
            self.source = source
            version = descriptor.version.description
            declarations = PluginDeclarations(descriptor, config: config)
            lifecycle = PluginLifecycle(enabled: enabled, failureLimit: failureLimit)
        }

        init(refusedName: String, version: String, source: PluginSource, reason: String) {
            name = refusedName
            descriptor = nil
            self.source = source
            self.version = version
            declarations = PluginDeclarations()
            lifecycle = PluginLifecycle(refused: reason)
        }

        var state: PluginState {
            switch lifecycle.phase {
            case .declared, .activating: return .declared
            case .active: return .active
            case .disabled, .stopped: return .disabled
            case .failed: return .failed(failures: lifecycle.failures)
            case .refused(let reason): return .refused(reason: reason)
            }
        }

        var info: PluginInfo {
            PluginInfo(name: name, version: version, state: state, commands: declarations.commands,
                       formats: declarations.formats, panes: declarations.panes,
                       hasMetadataHooks: declarations.hasMetadataHooks, hasSqlAssists: declarations.hasSqlAssists,
                       source: source, summary: declarations.summary, hasConnectionHooks: declarations.hasConnectionHooks)
        }
    }

    private let lock = Lock()
    private var records: [String: Record] = [:]
    private var order: [String] = []  // registration order = dependency order
    private var refused: [Record] = []
    private let failureLimit: Int
    private let shutdownDeadline: Double
    private let activationDeadline: Double
    private let context: @Sendable (_ plugin: String, _ tasks: PluginTaskScope) -> PluginContext

    /// A host; `context` builds a plugin's context at activation from the current services.
    init(failureLimit: Int, shutdownDeadline: Double, activationDeadline: Double,
         context: @escaping @Sendable (_ plugin: String, _ tasks: PluginTaskScope) -> PluginContext) {
        self.failureLimit = failureLimit
        self.shutdownDeadline = shutdownDeadline
        self.activationDeadline = activationDeadline
        self.context = context
    }

    // MARK: Records

    /// Adds a registered plugin (enabled or disabled by the config).
    func add(_ descriptor: PluginDescriptor, source: PluginSource, enabled: Bool, config: [String: ConfigValue] = [:]) {
        let r = Record(descriptor: descriptor, source: source, enabled: enabled, failureLimit: failureLimit, config: config)
        lock.withLock {
            records[r.name] = r
            order.append(r.name)
            if r.declarations.hasSqlAssists { anySqlAssists = true }
        }
    }

    /// Adds a plugin that was refused, for `:plugins`.
    func addRefused(_ name: String, version: String, source: PluginSource, reason: String) {
        let r = Record(refusedName: name, version: version, source: source, reason: reason)
        lock.withLock { refused.append(r) }
    }

    /// True when a registered (not refused) plugin has this name.
    func contains(_ name: String) -> Bool { lock.withLock { records[name] != nil } }

    /// The source of registered plugin `name`.
    func source(of name: String) -> PluginSource? { lock.withLock { records[name]?.source } }

    /// Registered plugins' names, dependencies and versions, in order.
    var registered: [(name: String, descriptor: PluginDescriptor)] {
        lock.withLock { order.compactMap { n in records[n]?.descriptor.map { (n, $0) } } }
    }

    /// Every plugin, registered ones in dependency order, then refused ones.
    /// An active plugin's status line is read outside the lock (it is plugin code).
    var infos: [PluginInfo] {
        let listed: [(PluginInfo, PluginDescriptor?)] = lock.withLock {
            order.compactMap { n in records[n].map { ($0.info, $0.providers != nil ? $0.descriptor : nil) } } + refused.map { ($0.info, nil) }
        }
        return listed.map { info, active in
            var info = info
            info.status = active?.status.map { CellFormatter.terminalSafe($0) }
            return info
        }
    }

    /// The state of plugin `name`, nil when unknown.
    func state(of name: String) -> PluginState? { lock.withLock { records[name]?.state } }

    /// Names of every registered plugin whose declarations satisfy `filter`, usable or not.
    func registeredPlugins(where filter: (PluginDeclarations) -> Bool) -> [String] {
        lock.withLock { order.filter { records[$0].map { filter($0.declarations) } ?? false } }
    }

    /// Names of usable plugins whose declarations satisfy `filter`, in dependency order.
    func usablePlugins(where filter: (PluginDeclarations) -> Bool) -> [String] {
        lock.withLock { order.filter { records[$0].map { $0.lifecycle.isUsable && filter($0.declarations) } ?? false } }
    }

    /// True when a registered plugin declares SQL assists (usable or not): when none
    /// does, the statement run asks no more (the common case, no scan of the records).
    var declaresSqlAssists: Bool { lock.withLock { anySqlAssists } }
    private var anySqlAssists = false

    /// True once any plugin's code ran past its declarations (an activation started):
    /// only then is there something for `shutdown` to stop.
    var hasActivatedAny: Bool {
        lock.withLock { records.values.contains { $0.providers != nil || $0.activation != nil } }
    }

    /// Whether any usable plugin matches `filter` (no list made: asked per statement).
    func hasUsablePlugin(where filter: (PluginDeclarations) -> Bool) -> Bool {
        lock.withLock { records.values.contains { $0.lifecycle.isUsable && filter($0.declarations) } }
    }

    /// The providers of plugins that are active now (no activation).
    func activeProviders() -> [(name: String, providers: PluginProviders)] {
        lock.withLock { order.compactMap { n in records[n]?.providers.map { (n, $0) } } }
    }

    // MARK: Activation

    /// Activates plugin `name` (once; concurrent callers share the activation) after
    /// its dependencies, within the activation deadline. Throws `PluginFailure`.
    func activate(_ name: String) async throws -> PluginProviders {
        enum Step { case ready(PluginProviders), wait(Task<PluginProviders, Error>, attempt: Int?), refuse(PluginFault) }
        let step: Step = lock.withLock {
            guard let r = records[name], let descriptor = r.descriptor else { return .refuse(.unknown(plugin: name)) }
            switch r.lifecycle.activate(name) {
            case .useProviders:
                if let p = r.providers { return .ready(p) }
                return .refuse(.unknown(plugin: name))
            case .awaitActivation:
                if let t = r.activation { return .wait(t, attempt: nil) }
                return .refuse(.unknown(plugin: name))
            case .refuse(let fault):
                return .refuse(fault)
            case .startActivation(let attempt):
                let ctx = context(name, r.tasks)
                let deps = descriptor.dependencies.map(\.name)
                let deadline = activationDeadline
                let task = Task<PluginProviders, Error> { [self] in
                    for dep in deps {
                        do { _ = try await self.activate(dep) } catch {
                            throw DependencyFailed(dependency: dep, underlying: error)
                        }
                    }
                    guard let providers = try await Deadline.run(seconds: deadline, { try await descriptor.activate(ctx) }) else {
                        throw ActivationTimedOut(seconds: deadline)
                    }
                    return providers
                }
                r.activation = task
                return .wait(task, attempt: attempt)
            default:
                return .refuse(.unknown(plugin: name))
            }
        }
        switch step {
        case .ready(let p):
            return p
        case .refuse(let fault):
            throw PluginFailure(plugin: name, faults: [fault])
        case .wait(let task, let attempt):
            do {
                let providers = try await task.value
                if let attempt { try finishActivation(name, attempt: attempt, providers: providers) }
                guard let p = lock.withLock({ records[name]?.providers }) else {
                    throw PluginFailure(plugin: name, faults: [.isDisabled(plugin: name)])
                }
                return p
            } catch let failure as PluginFailure {
                throw failure
            } catch {
                guard let attempt else {
                    // Joined someone else's activation: they report and count it.
                    throw PluginFailure(plugin: name, faults: [.activationFailed(plugin: name, message: Self.message(error))])
                }
                throw PluginFailure(plugin: name, faults: activationFailed(name, attempt: attempt, error: error))
            }
        }
    }

    private struct DependencyFailed: Error {
        var dependency: String
        var underlying: Error
    }

    private struct ActivationTimedOut: Error {
        var seconds: Double
    }

    private func finishActivation(_ name: String, attempt: Int, providers: PluginProviders) throws {
        let stale: Record? = lock.withLock {
            guard let r = records[name] else { return nil }
            switch r.lifecycle.activated(attempt: attempt) {
            case .useProviders:
                r.providers = providers
                r.activation = nil
                return nil
            default:
                return r
            }
        }
        if let stale {
            Task { _ = await self.runShutdown(stale) }
            throw PluginFailure(plugin: name, faults: [stale.lifecycle.isUsable ? .unknown(plugin: name) : .isDisabled(plugin: name)])
        }
    }

    private func activationFailed(_ name: String, attempt: Int, error: Error) -> [PluginFault] {
        var faults: [PluginFault]
        if let dep = error as? DependencyFailed {
            let depFaults = (dep.underlying as? PluginFailure)?.faults ?? []
            // A dependency's failure is not this plugin's fault: back to declared, uncounted.
            lock.withLock {
                if let r = records[name], r.lifecycle.phase == .activating(attempt: attempt) {
                    _ = r.lifecycle.dependencyFailed(attempt: attempt)
                    r.activation = nil
                }
            }
            return depFaults + [.dependencyFailed(plugin: name, dependency: dep.dependency)]
        }
        if let timeout = error as? ActivationTimedOut {
            faults = [.activationTimedOut(plugin: name, seconds: timeout.seconds)]
        } else {
            faults = [.activationFailed(plugin: name, message: Self.message(error))]
        }
        let action: PluginLifecycle.Action = lock.withLock {
            guard let r = records[name] else { return .none }
            r.activation = nil
            return r.lifecycle.activationFailed(attempt: attempt)
        }
        faults += consequences(of: action, name)
        return faults
    }

    // MARK: Faults

    /// Reports `fault`: counted when it is the plugin's own, possibly disabling it.
    /// Returns the faults to show (the fault, then its consequences).
    func report(_ fault: PluginFault) -> [PluginFault] {
        guard fault.countsAgainstPlugin else { return [fault] }
        let action: PluginLifecycle.Action = lock.withLock { records[fault.plugin]?.lifecycle.faulted() ?? .none }
        return [fault] + consequences(of: action, fault.plugin)
    }

    private func consequences(of action: PluginLifecycle.Action, _ name: String) -> [PluginFault] {
        guard case .counted(let disabledNow, _) = action, disabledNow else { return [] }
        let r: Record? = lock.withLock { records[name] }
        guard let r else { return [] }
        Task { _ = await self.runShutdown(r) }
        return [.disabledNow(plugin: name, failures: r.lifecycle.failures)]
    }

    // MARK: Enable, disable, shutdown

    /// `:plugins enable NAME`: the line to show.
    func enable(_ name: String) -> String {
        lock.withLock {
            guard let r = records[name] else {
                if refused.contains(where: { $0.name == name }) { return PluginFault.cannotEnableRefused(plugin: name).description }
                return PluginFault.unknown(plugin: name).description
            }
            switch r.lifecycle.enable(name) {
            case .reset:
                r.providers = nil
                r.activation = nil
                r.tasks = PluginTaskScope()
                return PluginFault.Notice.enabled(name)
            case .refuse(let fault):
                return fault.description
            default:
                return PluginFault.Notice.enabled(name)
            }
        }
    }

    /// `:plugins disable NAME`: stops it (shutdown deadline); the lines to show.
    func disable(_ name: String) async -> [String] {
        let (r, action): (Record?, PluginLifecycle.Action) = lock.withLock {
            guard let r = records[name] else { return (nil, .refuse(.unknown(plugin: name))) }
            return (r, r.lifecycle.disable(name))
        }
        guard let r else { return [PluginFault.unknown(plugin: name).description] }
        switch action {
        case .refuse(let fault):
            return [fault.description]
        case .shutDown, .cancelActivation:
            var lines = [PluginFault.Notice.disabled(name)]
            if await !runShutdown(r) { lines.append(PluginFault.shutdownOverran(plugin: name, seconds: shutdownDeadline).description) }
            return lines
        default:
            r.tasks.cancelAll()
            return [PluginFault.Notice.disabled(name)]
        }
    }

    /// Stops every plugin at exit, concurrently, each within the shutdown deadline.
    /// Returns a line for each plugin that overran.
    func shutdown() async -> [String] {
        let toStop: [Record] = lock.withLock {
            order.reversed().compactMap { records[$0] }.filter { r in
                switch r.lifecycle.shutdown() {
                case .shutDown, .cancelActivation: return true
                default: return false
                }
            }
        }
        let deadline = shutdownDeadline
        return await withTaskGroup(of: String?.self) { group in
            for r in toStop {
                group.addTask { [self] in
                    await self.runShutdown(r) ? nil : PluginFault.shutdownOverran(plugin: r.name, seconds: deadline).description
                }
            }
            var lines: [String] = []
            for await line in group { if let line { lines.append(line) } }
            return lines.sorted()
        }
    }

    /// The `shutDown` action: cancels the plugin's tasks and activation, drops its
    /// providers and runs `onShutdown` within the deadline; true when it finished in
    /// time (or had never run code).
    private func runShutdown(_ r: Record) async -> Bool {
        let (ranCode, tasks, descriptor) = lock.withLock { () -> (Bool, PluginTaskScope, PluginDescriptor?) in
            let ran = r.providers != nil || r.activation != nil
            r.activation?.cancel()
            r.providers = nil
            r.activation = nil
            return (ran, r.tasks, r.descriptor)
        }
        tasks.cancelAll()
        guard ranCode, let descriptor else { return true }
        return await Deadline.run(seconds: shutdownDeadline) { await descriptor.onShutdown() }
    }

    /// The user-facing text of an error (its description).
    static func message(_ error: Error) -> String { String(describing: error) }
}

/// What a descriptor declared, read once at registration (no plugin code after that).
struct PluginDeclarations: Sendable {
    var summary = ""
    var commands: [String] = []
    var formats: [String] = []
    var panes: [String] = []
    var hasMetadataHooks = false
    var hasSqlAssists = false
    var subscribesToEvents = false
    /// Subscribes to events given its config: activated at start (`activateEventSubscribers`).
    var activatesAtStart = false
    var hasConnectionHooks = false
    var connectionSettings: [String] = []

    init() {}

    init(_ d: PluginDescriptor, config: [String: ConfigValue] = [:]) {
        summary = d.summary
        commands = d.declaredCommands
        formats = d.declaredFormats
        panes = d.declaredPanes
        hasMetadataHooks = d.hasMetadataHooks
        hasSqlAssists = d.hasSqlAssists
        subscribesToEvents = d.subscribesToEvents
        activatesAtStart = subscribesToEvents && d.subscribesToEvents(config: config)
        hasConnectionHooks = d.hasConnectionHooks
        connectionSettings = d.declaredConnectionSettings
    }
}
