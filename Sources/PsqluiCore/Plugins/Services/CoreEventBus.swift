import FoundationEssentials
import PsqluiPluginAPI

/// The host's event bus: synchronous delivery to subscribers, in subscription order.
public final class CoreEventBus: EventBus, @unchecked Sendable {
    private let lock = Lock()
    private var handlers: [(id: Int, handler: @Sendable (PluginEvent) -> Void)] = []
    private var nextID = 0

    /// An empty bus.
    public init() {}

    /// True when at least one handler is subscribed.
    public var hasSubscribers: Bool { lock.withLock { !handlers.isEmpty } }

    public func publish(_ event: PluginEvent) {
        let current = lock.withLock { handlers.map(\.handler) }
        for h in current { h(event) }
    }

    public func subscribe(_ handler: @escaping @Sendable (PluginEvent) -> Void) -> EventSubscription {
        let id: Int = lock.withLock {
            nextID += 1
            handlers.append((nextID, handler))
            return nextID
        }
        return EventSubscription { [weak self] in
            guard let self else { return }
            self.lock.withLock { self.handlers.removeAll { $0.id == id } }
        }
    }
}
