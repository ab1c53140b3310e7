import Foundation
import PsqluiPluginAPI

/// The catalog picture completion reads, kept fresh in the background.
///
/// Loads run on a dedicated thread (libpq blocks; the cooperative pool has two
/// threads here) over the cache's *own* connection, opened with the user's
/// settings and password. Each load publishes a new immutable `MetadataSnapshot`,
/// swapped under a lock: `snapshot` never waits for a load. Requests made while a
/// load runs are coalesced into one more load.
///
/// The background connection does not see the user's uncommitted DDL, so callers
/// ask for a refresh after DDL *and* after COMMIT (`shouldRefresh(afterCommandTag:)`).
public final class MetadataCache: @unchecked Sendable {
    private let snapshotLock = NSLock()
    private var current: MetadataSnapshot = .empty
    private var completedLoads = 0

    private let work = NSCondition()
    private var settings: ConnectionSettings?
    private var settingsChanged = false
    private var loadRequested = false
    private var stopping = false
    private var worker: Thread?

    private let registry: PluginRegistry?
    /// Called (on the loader thread) with problems worth telling the user about
    /// (a failing metadata hook); connection failures are silent: completion just
    /// keeps the last snapshot.
    public var onMessages: (@Sendable ([String]) -> Void)?

    /// A cache feeding plugin MetadataHooks from `registry` (nil: none).
    public init(registry: PluginRegistry? = nil) {
        self.registry = registry
    }

    deinit { stop() }

    /// The latest snapshot (empty until the first load finishes). Never blocks on a load.
    public var snapshot: MetadataSnapshot { snapshotLock.withLock { current } }

    /// The annotations the plugin metadata hooks added in the latest load, by key
    /// (the plugin API's `MetadataCacheView.annotations(for:)`).
    public var hookAnnotations: MetadataAnnotations { snapshotLock.withLock { currentAnnotations } }
    private var currentAnnotations = MetadataAnnotations()

    /// Why the last load failed (nil after a successful one), for `--complete`'s note.
    public var lastProblem: String? { snapshotLock.withLock { problem } }
    private var problem: String?

    /// How many loads have finished (successfully or not); tests and benches wait on it.
    public var loadsCompleted: Int { snapshotLock.withLock { completedLoads } }

    /// Starts (or retargets, after `:connect`) the background loader and asks for a load.
    public func connect(settings newSettings: ConnectionSettings) {
        var s = newSettings
        s.neverPrompt = true  // the password, if any, is already in the settings
        s.forcePasswordPrompt = false
        work.withLock {
            settings = s
            settingsChanged = true
            loadRequested = true
            work.signal()
        }
        startWorkerIfNeeded()
    }

    /// Asks for a reload (after DDL, COMMIT, `:refresh`). Returns at once.
    public func refresh() {
        work.withLock {
            loadRequested = true
            work.signal()
        }
    }

    /// Stops the loader thread (it closes its connection).
    public func stop() {
        work.withLock {
            stopping = true
            work.signal()
        }
    }

    /// Waits until at least `count` loads have finished or `timeout` seconds pass.
    @discardableResult
    public func waitForLoads(_ count: Int, timeout: Double) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while loadsCompleted < count {
            if Date() >= deadline { return false }
            usleep(2_000)
        }
        return true
    }

    /// True for a command tag after which the catalog may have changed for the
    /// cache's connection: DDL, and COMMIT (DDL inside a transaction becomes visible
    /// to other connections only then).
    public static func shouldRefresh(afterCommandTag tag: String) -> Bool {
        let word = tag.split(separator: " ", maxSplits: 1).first.map { $0.uppercased() } ?? ""
        return refreshingCommands.contains(word)
    }

    static let refreshingCommands: Set<String> = [
        "CREATE", "ALTER", "DROP", "COMMENT", "GRANT", "REVOKE", "SECURITY", "IMPORT", "REASSIGN", "COMMIT",
    ]

    /// Loads once on `session` (blocking; the caller's thread), runs the plugin
    /// metadata hooks on it, and publishes the result. `--complete` uses this directly.
    public func loadNow(using session: PGSession) throws {
        defer { snapshotLock.withLock { completedLoads += 1 } }
        var snapshot = try MetadataLoader.load(using: session)
        var annotations = MetadataAnnotations()
        if let registry {
            let hooked = Self.runHooks(registry, session: session)
            snapshot = snapshot.annotated(with: hooked.annotations)
            annotations = hooked.annotations
            if !hooked.messages.isEmpty { onMessages?(hooked.messages) }
        }
        snapshotLock.withLock { current = snapshot; currentAnnotations = annotations }
        registry?.metadataRefreshed(relations: snapshot.relations.count)
    }

    /// Publishes `snapshot` as if loaded (benchmarks with a synthetic catalog).
    public func publish(_ snapshot: MetadataSnapshot) {
        snapshotLock.withLock { current = snapshot; completedLoads += 1 }
    }

    // MARK: The loader thread

    private func startWorkerIfNeeded() {
        work.withLock {
            guard worker == nil else { return }
            let thread = Thread { [weak self] in self?.runLoader() }
            thread.name = "psqlui-metadata"
            worker = thread
            thread.start()
        }
    }

    private func runLoader() {
        var session: PGSession?
        defer { session?.close() }
        while true {
            work.lock()
            while !loadRequested && !stopping { work.wait() }
            if stopping { work.unlock(); return }
            loadRequested = false
            let retarget = settingsChanged
            settingsChanged = false
            let target = settings
            work.unlock()

            if retarget || !(session?.isConnected ?? false) {
                session?.close()
                session = nil
                if let target {
                    let s = PGSession(settings: target)
                    s.usesQueryCanceller = false
                    do { try s.connect(); session = s } catch {
                        snapshotLock.withLock { problem = "could not connect: " + String(describing: error).split(separator: "\n").first.map(String.init)!  }
                    }
                }
            }
            guard let session else {
                snapshotLock.withLock { completedLoads += 1 }
                continue
            }
            do {
                try loadNow(using: session)
                snapshotLock.withLock { problem = nil }
            } catch {
                snapshotLock.withLock { problem = "catalog query failed: \(error)" }
                session.close()
            }
        }
    }

    /// Runs the registry's metadata hooks from this (non-pool) thread, waiting for them.
    private static func runHooks(_ registry: PluginRegistry, session: PGSession) -> (annotations: MetadataAnnotations, messages: [String]) {
        let executor = SessionExecutor(session: session)
        let service = SessionQueryService(executor: executor)
        // The hooks' queries run on this thread while it waits; a hung hook must not
        // stop completion from ever refreshing again.
        let result = try? BlockingAsync.run(timeout: 10, serving: executor) { await registry.runMetadataHooks(using: service) }
        return result ?? (MetadataAnnotations(), ["metadata hooks timed out"])
    }
}
