import PsqluiPluginAPI

/// Everything that can go wrong with a plugin, and every sentence psqlui says about a
/// plugin's state, rendered here and nowhere else.
///
/// `countsAgainstPlugin` separates faults in the plugin's own code (they count toward
/// `PluginRegistry.failureLimit`) from refusals and from the user's own errors passed
/// through a plugin (a SQL typo in `:explain` is the user's, not the plugin's).
public enum PluginFault: Sendable, Equatable, CustomStringConvertible {
    // Faults in plugin code (counted).
    /// `activate` threw.
    case activationFailed(plugin: String, message: String)
    /// `activate` did not return within the activation deadline.
    case activationTimedOut(plugin: String, seconds: Double)
    /// A command handler threw an error of its own.
    case commandFailed(plugin: String, message: String)
    /// An exporter threw an error of its own.
    case exportFailed(plugin: String, message: String)
    /// A metadata hook threw.
    case metadataHookFailed(plugin: String, hook: String, message: String)
    /// A SQL assist threw.
    case sqlAssistFailed(plugin: String, assist: String, message: String)
    /// A connection hook threw.
    case connectionHookFailed(plugin: String, hook: String, message: String)
    /// Activation did not provide a command or format the descriptor declared.
    case missingDeclared(plugin: String, what: String)

    // The user's error, passed through a plugin (not counted).
    /// The server refused SQL the user gave a plugin command (`:explain selec 1`).
    case userQueryFailed(plugin: String, error: QueryError)

    // Consequences and refusals (not counted).
    /// The fault just counted disabled the plugin.
    case disabledNow(plugin: String, failures: Int)
    /// A dependency could not be activated.
    case dependencyFailed(plugin: String, dependency: String)
    /// Disabled by the config or `:plugins disable`.
    case isDisabled(plugin: String)
    /// Disabled earlier after repeated faults.
    case wasDisabledAfterFailures(plugin: String)
    /// Refused at load.
    case notLoaded(plugin: String, reason: String)
    /// `:plugins enable` of a plugin that was never loaded.
    case cannotEnableRefused(plugin: String)
    /// `:plugins enable` of an enabled plugin.
    case alreadyEnabled(plugin: String)
    /// `:plugins disable` of a plugin that is not enabled.
    case notEnabled(plugin: String)
    /// No plugin has this name.
    case unknown(plugin: String)
    /// psqlui is shutting down.
    case stopped(plugin: String)
    /// `onShutdown` overran its deadline.
    case shutdownOverran(plugin: String, seconds: Double)

    /// The plugin concerned.
    public var plugin: String {
        switch self {
        case let .activationFailed(p, _), let .activationTimedOut(p, _), let .commandFailed(p, _),
             let .exportFailed(p, _), let .metadataHookFailed(p, _, _), let .sqlAssistFailed(p, _, _),
             let .connectionHookFailed(p, _, _), let .missingDeclared(p, _), let .userQueryFailed(p, _),
             let .disabledNow(p, _), let .dependencyFailed(p, _), let .isDisabled(p), let .wasDisabledAfterFailures(p),
             let .notLoaded(p, _), let .cannotEnableRefused(p), let .alreadyEnabled(p), let .notEnabled(p),
             let .unknown(p), let .stopped(p), let .shutdownOverran(p, _):
            return p
        }
    }

    /// True for faults in the plugin's own code: they count toward the disable limit.
    public var countsAgainstPlugin: Bool {
        switch self {
        case .activationFailed, .activationTimedOut, .commandFailed, .exportFailed, .metadataHookFailed,
             .sqlAssistFailed, .connectionHookFailed, .missingDeclared:
            return true
        default:
            return false
        }
    }

    /// The line shown to the user.
    public var description: String {
        let p = "plugin \"\(plugin)\""
        switch self {
        case let .activationFailed(_, m): return "\(p): activation failed: \(m)"
        case let .activationTimedOut(_, s): return "\(p): activation did not finish within \(Self.seconds(s))"
        case let .commandFailed(_, m), let .exportFailed(_, m): return "\(p): \(m)"
        case let .metadataHookFailed(_, h, m): return "\(p): metadata hook \(h): \(m)"
        case let .sqlAssistFailed(_, a, m): return "\(p): SQL assist \(a): \(m)"
        case let .connectionHookFailed(_, h, m): return "\(p): connection hook \(h): \(m)"
        case let .missingDeclared(_, what): return "\(p): declared \(what) but did not provide it"
        case let .userQueryFailed(_, e): return "ERROR:  \(e.message)"
        case let .disabledNow(_, n):
            return "\(p) is disabled for this session after \(n) failures; re-enable it with :plugins enable \(plugin)"
        case let .dependencyFailed(_, d): return "\(p) could not be activated: its dependency \"\(d)\" failed"
        case .isDisabled: return "\(p) is disabled; enable it with :plugins enable \(plugin)"
        case .wasDisabledAfterFailures:
            return "\(p) was disabled after repeated failures; re-enable it with :plugins enable \(plugin)"
        case let .notLoaded(_, r): return "\(p) is not loaded: \(r)"
        case .cannotEnableRefused: return "\(p) was not loaded, so it cannot be enabled (see :plugins)"
        case .alreadyEnabled: return "\(p) is already enabled"
        case .notEnabled: return "\(p) is not enabled"
        case .unknown: return "no plugin named \"\(plugin)\""
        case .stopped: return "\(p) is stopped: psqlui is exiting"
        case let .shutdownOverran(_, s): return "\(p) did not finish shutting down within \(Self.seconds(s))"
        }
    }

    /// Plugin-facing sentences that are not faults.
    public enum Notice {
        /// `:plugins enable` worked.
        public static func enabled(_ plugin: String) -> String { "plugin \"\(plugin)\" enabled" }
        /// `:plugins disable` worked.
        public static func disabled(_ plugin: String) -> String { "plugin \"\(plugin)\" disabled" }
        /// A plugin refused at registration.
        public static func refused(_ plugin: String, source: PluginSource, reason: String) -> String {
            "psqlui: plugin \"\(plugin)\" not loaded (\(source)): \(reason)"
        }
        /// A library that could not be loaded at all.
        public static func libraryNotLoaded(_ error: Error) -> String { "psqlui: plugin not loaded: \(error)" }
        /// A second plugin of the same name.
        public static func duplicate(_ plugin: String, other: String) -> String {
            "a plugin named \"\(plugin)\" is already loaded (\(other))"
        }
        /// A declared command or format someone else already provides.
        public static func nameTaken(_ plugin: String, kind: String, name: String, owner: String) -> String {
            "plugin \"\(plugin)\": \(kind) \(name) is already provided by \(owner); ignored"
        }
    }

    private static func seconds(_ s: Double) -> String {
        s == s.rounded() ? "\(Int(s)) s" : "\(s) s"
    }
}

/// A plugin could not do what was asked: the faults to show, in order (the fault
/// itself, then its consequences). Thrown by the registry; `description` is the lines.
public struct PluginFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The plugin concerned.
    public var plugin: String
    /// What to tell the user, one line each.
    public var faults: [PluginFault]

    /// A failure of `plugin`.
    public init(plugin: String, faults: [PluginFault]) {
        self.plugin = plugin
        self.faults = faults
    }

    /// The lines for the user.
    public var messages: [String] { faults.map(\.description) }
    public var description: String { messages.joined(separator: "\n") }
}

/// What became of a colon command.
public enum CommandOutcome: Sendable, Equatable {
    /// The handler returned.
    case succeeded
    /// The command failed; the error was written to the context's error stream.
    case failed
    /// No registered command has this name (the line is SQL, or a typo).
    case unknownCommand
}
