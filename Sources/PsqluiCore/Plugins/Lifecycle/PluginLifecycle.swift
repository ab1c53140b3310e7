/// The lifecycle of one plugin in a session, as a value: each event changes the state
/// and returns the action the host must perform. No plugin code, no tasks, no clocks —
/// `PluginHost` runs the actions (with deadlines); tests drive the events one by one.
///
/// ```
/// declared ──activate──▶ activating(n) ──activated(n)──▶ active
///    ▲  ▲                     │ failed(n)                  │ faulted
///    │  └─────────────────────┘ (counted)                  │ (counted)
///    │ enable          disable / limit reached             ▼
///    └──────────── disabled / failed ◀─────────────────────┘
/// shutdown: from anywhere to `stopped` (terminal).
/// ```
///
/// Activation attempts are numbered so that a result arriving after the plugin was
/// disabled (or re-enabled and activated again) is recognised as stale.
public struct PluginLifecycle: Sendable, Equatable {
    /// Where the plugin stands.
    public enum Phase: Sendable, Equatable {
        /// Registered by its declarations; no plugin code has run (or it was reset).
        case declared
        /// `activate` is running (attempt number).
        case activating(attempt: Int)
        /// Activated by attempt `attempt`; its providers are in use.
        case active(attempt: Int)
        /// Turned off by the config or `:plugins disable`.
        case disabled
        /// Turned off for the session after `failureLimit` faults.
        case failed
        /// Not loaded: incompatible, or its dependencies could not be met.
        case refused(reason: String)
        /// psqlui is exiting; nothing runs any more.
        case stopped
    }

    /// What the host does after an event.
    public enum Action: Sendable, Equatable {
        /// Nothing to do.
        case none
        /// Run the plugin's `activate` (dependencies first) as attempt `attempt`, with
        /// the activation deadline, then send `activated` or `activationFailed`.
        case startActivation(attempt: Int)
        /// An activation is running: wait for its result.
        case awaitActivation
        /// The plugin is active: use its providers.
        case useProviders
        /// Tell the user why the plugin cannot be used (not counted as a fault).
        case refuse(PluginFault)
        /// Cancel the running activation (its result will arrive stale).
        case cancelActivation
        /// Drop the providers, cancel the plugin's tasks and run `onShutdown` with the
        /// shutdown deadline.
        case shutDown
        /// Start over: drop providers and the old task scope (after enable).
        case reset
        /// A fault was counted; `disabledNow` when it reached the limit, and then
        /// `shutDown` says whether plugin code had been activated and must be stopped.
        case counted(disabledNow: Bool, shutDown: Bool)
    }

    /// The current phase.
    public private(set) var phase: Phase
    /// Faults counted since registration or the last enable.
    public private(set) var failures = 0
    /// Faults after which the plugin is disabled for the session.
    public let failureLimit: Int
    private var attempts = 0

    /// A plugin registered enabled (`declared`) or disabled by the config.
    public init(enabled: Bool, failureLimit: Int = 3) {
        phase = enabled ? .declared : .disabled
        self.failureLimit = failureLimit
    }

    /// A plugin that could not be loaded.
    public init(refused reason: String) {
        phase = .refused(reason: reason)
        failureLimit = 0
    }

    /// True while the plugin's capabilities may be used (declared, activating, active).
    public var isUsable: Bool {
        switch phase {
        case .declared, .activating, .active: return true
        case .disabled, .failed, .refused, .stopped: return false
        }
    }

    /// True when plugin code has run or is running (shutdown then has work to do).
    public var hasRunCode: Bool {
        switch phase {
        case .activating, .active: return true
        default: return false
        }
    }

    // MARK: Events

    /// One of the plugin's capabilities is wanted.
    public mutating func activate(_ plugin: String) -> Action {
        switch phase {
        case .declared:
            attempts += 1
            phase = .activating(attempt: attempts)
            return .startActivation(attempt: attempts)
        case .activating: return .awaitActivation
        case .active: return .useProviders
        case .disabled: return .refuse(.isDisabled(plugin: plugin))
        case .failed: return .refuse(.wasDisabledAfterFailures(plugin: plugin))
        case .refused(let reason): return .refuse(.notLoaded(plugin: plugin, reason: reason))
        case .stopped: return .refuse(.stopped(plugin: plugin))
        }
    }

    /// Attempt `attempt` returned providers.
    public mutating func activated(attempt: Int) -> Action {
        guard phase == .activating(attempt: attempt) else {
            // Disabled or stopped meanwhile: the plugin ran code, so stop it now.
            return .shutDown
        }
        phase = .active(attempt: attempt)
        return .useProviders
    }

    /// Attempt `attempt` threw or overran the deadline: counted; back to `declared`
    /// (the next use tries again) unless the limit is reached.
    public mutating func activationFailed(attempt: Int) -> Action {
        guard phase == .activating(attempt: attempt) else { return .none }
        phase = .declared
        return count(wasActive: false)
    }

    /// Attempt `attempt` could not start because a dependency failed: back to
    /// `declared`, not counted (the dependency's own failure is counted on it).
    public mutating func dependencyFailed(attempt: Int) -> Action {
        guard phase == .activating(attempt: attempt) else { return .none }
        phase = .declared
        return .none
    }

    /// The active plugin's own code failed (a command, exporter, hook or assist threw
    /// something that was not the user's error). Counted.
    public mutating func faulted() -> Action {
        guard isUsable else { return .none }
        return count(wasActive: hasRunCode)
    }

    /// `:plugins disable NAME`.
    public mutating func disable(_ plugin: String) -> Action {
        switch phase {
        case .declared:
            phase = .disabled
            return .none
        case .activating:
            phase = .disabled
            return .cancelActivation
        case .active:
            phase = .disabled
            return .shutDown
        case .disabled, .failed: return .refuse(.notEnabled(plugin: plugin))
        case .refused(let reason): return .refuse(.notLoaded(plugin: plugin, reason: reason))
        case .stopped: return .refuse(.stopped(plugin: plugin))
        }
    }

    /// `:plugins enable NAME` (after the config, `:plugins disable` or the limit).
    public mutating func enable(_ plugin: String) -> Action {
        switch phase {
        case .disabled, .failed:
            phase = .declared
            failures = 0
            return .reset
        case .declared, .activating, .active: return .refuse(.alreadyEnabled(plugin: plugin))
        case .refused: return .refuse(.cannotEnableRefused(plugin: plugin))
        case .stopped: return .refuse(.stopped(plugin: plugin))
        }
    }

    /// psqlui exits.
    public mutating func shutdown() -> Action {
        let was = phase
        phase = .stopped
        switch was {
        case .active: return .shutDown
        case .activating: return .cancelActivation
        default: return .none
        }
    }

    private mutating func count(wasActive: Bool) -> Action {
        failures += 1
        guard failures >= failureLimit else { return .counted(disabledNow: false, shutDown: false) }
        phase = .failed
        return .counted(disabledNow: true, shutDown: wasActive)
    }
}
