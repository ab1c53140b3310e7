import PsqluiPluginAPI
import Synchronization

/// An `EventBus` that delivers synchronously in memory and remembers every event
/// published, for assertions.
public final class InMemoryEventBus: EventBus {
    private struct State {
        var handlers: [Int: @Sendable (PluginEvent) -> Void] = [:]
        var next = 0
        var published: [PluginEvent] = []
    }
    private let state = Mutex(State())

    /// An empty bus.
    public init() {}

    /// Every event published so far, oldest first.
    public var published: [PluginEvent] { state.withLock { $0.published } }

    /// How many handlers are subscribed.
    public var subscriberCount: Int { state.withLock { $0.handlers.count } }

    public func publish(_ event: PluginEvent) {
        let handlers = state.withLock { s -> [@Sendable (PluginEvent) -> Void] in
            s.published.append(event)
            return s.handlers.sorted { $0.key < $1.key }.map(\.value)
        }
        for h in handlers { h(event) }
    }

    public func subscribe(_ handler: @escaping @Sendable (PluginEvent) -> Void) -> EventSubscription {
        let id = state.withLock { s -> Int in
            s.next += 1
            s.handlers[s.next] = handler
            return s.next
        }
        return EventSubscription { [weak self] in
            _ = self?.state.withLock { $0.handlers.removeValue(forKey: id) }
        }
    }
}
