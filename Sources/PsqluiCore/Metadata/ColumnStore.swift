import FoundationEssentials

/// Columns of a large catalog, loaded per relation when completion first needs
/// them instead of all at once (100,000 tables × 10 columns is a million rows:
/// seconds of query and hundreds of MiB for columns nobody asks for).
///
/// A snapshot of a catalog above `MetadataLoader.eagerColumnLimit` relations
/// carries one store; completion asks it for the columns of the few relations
/// in scope. A miss queues the relations for a fetcher thread with its own
/// connection and waits at most `waitLimit` seconds (the completion callback
/// runs inside `readline`: it must come back fast). A fetch that misses the
/// wait still lands in the store, so the next Tab has the columns.
///
/// Memory stays bounded: at most `capacity` relations are kept; past that the
/// store forgets the oldest half.
public final class ColumnStore: @unchecked Sendable {
    /// Fetches the columns of `relations` (schema, name) on the fetcher thread; nil when it failed.
    public typealias Fetch = @Sendable (_ relations: [(schema: String, name: String)]) -> [String: [MetadataSnapshot.Column]]?

    private let condition = Condition()
    private var known: [String: [MetadataSnapshot.Column]] = [:]
    private var order: [String] = []
    private var queued: [String] = []
    private var inFlight = Set<String>()
    /// Relations whose fetch failed, and when: not retried for a few seconds.
    private var failed: [String: Date] = [:]
    private var stopping = false
    /// A worker thread is running (it clears this when it exits).
    private var worker = false
    private let fetch: Fetch
    /// Called on the fetcher thread when it exits (idle for a while, or stopped): close the connection.
    private let idle: @Sendable () -> Void
    /// How long a lookup waits for a fetch (seconds).
    public var waitLimit: Double
    public let capacity: Int
    /// Fetch round trips made (tests and benches).
    public private(set) var fetches = 0

    public init(waitLimit: Double = 0.5, capacity: Int = 20_000, fetch: @escaping Fetch, idle: @escaping @Sendable () -> Void = {}) {
        self.waitLimit = waitLimit
        self.capacity = capacity
        self.fetch = fetch
        self.idle = idle
    }

    private func hasFailed(_ key: String) -> Bool {
        guard let when = failed[key] else { return false }
        if Date().timeIntervalSince(when) < 5 { return true }
        failed[key] = nil
        return false
    }

    deinit { stop() }

    static func key(_ schema: String, _ name: String) -> String { schema + "\u{0}" + name }

    /// The columns of `schema.name`, fetching them if they are not known yet; [] when
    /// the fetch failed or did not come back within `waitLimit`.
    public func columns(schema: String, name: String) -> [MetadataSnapshot.Column] {
        let key = Self.key(schema, name)
        condition.lock()
        defer { condition.unlock() }
        if let cols = known[key] { return cols }
        if hasFailed(key) { return [] }
        if !inFlight.contains(key) && !queued.contains(key) {
            queued.append(key)
            startWorkerIfNeeded()
            condition.broadcast()
        }
        let deadline = Date().addingTimeInterval(waitLimit)
        while known[key] == nil && failed[key] == nil && !stopping {
            if !condition.wait(until: deadline) { break }
        }
        return known[key] ?? []
    }

    /// The columns of `schema.name` if the store has them (never fetches).
    public func cached(schema: String, name: String) -> [MetadataSnapshot.Column]? {
        condition.withLock { known[Self.key(schema, name)] }
    }

    /// Puts known columns in the store (a load that read them anyway, tests).
    public func insert(_ columns: [String: [MetadataSnapshot.Column]]) {
        condition.withLock { for (k, v) in columns { remember(k, v) } }
    }

    /// Forgets every column (the catalog changed; which relations did is unknown).
    public func invalidate() {
        condition.withLock { known = [:]; order = []; failed = [:] }
    }

    /// Stops the fetcher thread.
    public func stop() {
        condition.withLock { stopping = true; condition.broadcast() }
    }

    private func remember(_ key: String, _ cols: [MetadataSnapshot.Column]) {
        if known.updateValue(cols, forKey: key) == nil { order.append(key) }
        if order.count > capacity {
            let drop = order.prefix(order.count / 2)
            for k in drop { known[k] = nil }
            order.removeFirst(drop.count)
        }
    }

    private func startWorkerIfNeeded() {
        guard !worker else { return }
        worker = true
        DetachedThread.start(name: "psqlui-columns") { [weak self] in self?.run() }
    }

    private func run() {
        defer { idle() }
        while true {
            condition.lock()
            // Idle for a while: the thread (and its connection) go; the next miss starts them again.
            while queued.isEmpty && !stopping {
                if !condition.wait(until: Date().addingTimeInterval(30)) && queued.isEmpty { break }
            }
            if stopping || queued.isEmpty { worker = false; condition.unlock(); return }
            let batch = queued
            queued = []
            inFlight.formUnion(batch)
            condition.unlock()

            let wanted = batch.map { k -> (schema: String, name: String) in
                let parts = k.split(separator: "\u{0}", maxSplits: 1, omittingEmptySubsequences: false)
                return (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
            }
            let got = fetch(wanted)

            condition.lock()
            fetches += 1
            for k in batch {
                inFlight.remove(k)
                if let got {
                    // A relation with no columns (or gone since the load) is known as empty.
                    remember(k, got[k] ?? [])
                } else {
                    failed[k] = Date()
                }
            }
            condition.broadcast()
            condition.unlock()
        }
    }
}
