import Synchronization

/// The tasks a plugin started, so psqlui can cancel them at exit or on disable
/// (plugins must not leave work running past the foreground session).
public final class PluginTaskScope: Sendable {
    private struct State {
        var tasks: [Int: Task<Void, Never>] = [:]
        var next = 0
        var cancelled = false
    }
    private let state = Mutex(State())

    /// An empty scope.
    public init() {}

    /// Starts `operation` in a task owned by the scope. After `cancelAll()`, the task
    /// starts already cancelled.
    @discardableResult
    public func run(_ operation: @escaping @Sendable () async -> Void) -> Task<Void, Never> {
        let task = Task { await operation() }
        let cancelNow: Bool = state.withLock { s in
            s.next += 1
            s.tasks[s.next] = task
            return s.cancelled
        }
        if cancelNow { task.cancel() }
        return task
    }

    /// How many started tasks have not been cancelled by the scope yet.
    public var count: Int { state.withLock { $0.tasks.count } }

    /// Cancels every task started so far and every task started later.
    public func cancelAll() {
        let tasks: [Task<Void, Never>] = state.withLock { s in
            s.cancelled = true
            defer { s.tasks = [:] }
            return Array(s.tasks.values)
        }
        for t in tasks { t.cancel() }
    }
}
