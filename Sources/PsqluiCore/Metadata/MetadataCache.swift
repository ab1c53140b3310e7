import FoundationEssentials
import Glibc
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
///
/// Scale (100,000 tables): every load first reads a `CatalogFingerprint` (one
/// cheap query). On the first load of a database the rows cached on disk at the
/// same fingerprint are published at once (`CatalogDiskCache`) instead of
/// querying the catalog; a check at each prompt (`checkForChanges()`) reloads only
/// when the fingerprint moved; a catalog above `MetadataLoader.eagerColumnLimit`
/// relations is loaded without columns, which a `ColumnStore` fetches per relation.
public final class MetadataCache: @unchecked Sendable {
    private let snapshotLock = Lock()
    private var current: MetadataSnapshot = .empty
    private var completedLoads = 0

    private let work = Condition()
    private var settings: ConnectionSettings?
    private var settingsChanged = false
    private var loadRequested = false
    /// The pending request must reload even if the fingerprint did not move (DDL, COMMIT, `:refresh`).
    private var forceRequested = false
    /// Fingerprint checks still due after a prompt's: another session reports its
    /// counters when it goes idle, at once if it last reported over a second ago,
    /// otherwise up to 10 s later (PostgreSQL's idle stats interval).
    private var rechecks: [Date] = []
    static let recheckDelays: [Double] = [1.2, 4, 11]
    private var stopping = false
    private var worker = false

    private let registry: PluginRegistry?
    /// Called (on the loader thread) with problems worth telling the user about
    /// (a failing metadata hook); connection failures are silent: completion just
    /// keeps the last snapshot.
    public var onMessages: (@Sendable ([String]) -> Void)?

    /// A cache feeding plugin MetadataHooks from `registry` (nil: none).
    public init(registry: PluginRegistry? = nil,
                diskCache: CatalogDiskCache? = CatalogDiskCache.defaultDirectory().map(CatalogDiskCache.init)) {
        self.registry = registry
        self.diskCache = diskCache
    }

    deinit { stop() }

    /// Where loads are cached between runs (nil: not cached).
    public let diskCache: CatalogDiskCache?
    /// How long a completion waits for a large catalog's columns of one relation.
    public var columnWaitLimit = 0.5
    /// Above this many relations columns are fetched per relation (tests lower it).
    public var eagerColumnLimit = MetadataLoader.eagerColumnLimit
    /// The key of the catalog the current snapshot came from (fingerprint key).
    private var currentKey = ""
    /// The lazily-loaded columns of the current target (large catalogs only).
    private var columnStore: ColumnStore?
    /// Where the last published snapshot came from: "disk", "catalog", or "" (none yet).
    public var lastSource: String { snapshotLock.withLock { source } }
    private var source = ""
    /// Fingerprint checks that found the catalog unchanged (tests).
    public var unchangedChecks: Int { snapshotLock.withLock { unchanged } }
    private var unchanged = 0

    /// Where the last published load's time went, phase by phase in order (connect,
    /// fingerprint, read, build, …; seconds), for the bench's breakdown of "ready".
    public var lastLoadPhases: [(phase: String, seconds: Double)] { snapshotLock.withLock { phases } }
    private var phases: [(phase: String, seconds: Double)] = []
    /// Phases of the load in progress (loader thread only).
    private var pendingPhases: [(phase: String, seconds: Double)] = []
    private var phaseStart = ContinuousClock.now

    /// Ends the current phase as `name` (loader thread only).
    private func lap(_ name: String) {
        let now = ContinuousClock.now
        let d = now - phaseStart
        pendingPhases.append((name, Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18))
        phaseStart = now
    }

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
            forceRequested = true
            work.signal()
        }
    }

    /// Asks for a fingerprint check (before each prompt): a reload only if the catalog
    /// changed since the last load, and one more check a moment later, since other
    /// sessions report their changes late (see `rechecks`). Returns at once.
    public func checkForChanges() {
        work.withLock {
            loadRequested = true
            let now = Date()
            rechecks = Self.recheckDelays.map { now.addingTimeInterval($0) }
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
    /// metadata hooks on it, and publishes the result (the disk cache is used and
    /// written as by the loader thread).
    public func loadNow(using session: PGSession) throws {
        pendingPhases = []
        phaseStart = ContinuousClock.now
        do { try load(using: session, force: true) } catch {
            snapshotLock.withLock { completedLoads += 1 }
            throw error
        }
    }

    /// Waits until a snapshot is published (from disk or the catalog) or `timeout` seconds pass.
    @discardableResult
    public func waitForSnapshot(timeout: Double) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while snapshot === MetadataSnapshot.empty {
            if Date() >= deadline { return false }
            usleep(1_000)
        }
        return true
    }

    /// Publishes `snapshot` as if loaded (benchmarks with a synthetic catalog).
    public func publish(_ snapshot: MetadataSnapshot) {
        snapshotLock.withLock { current = snapshot; completedLoads += 1 }
    }

    // MARK: The loader thread

    private func startWorkerIfNeeded() {
        work.withLock {
            guard !worker else { return }
            worker = true
            DetachedThread.start(name: "psqlui-metadata") { [weak self] in self?.runLoader() }
        }
    }

    private func runLoader() {
        var session: PGSession?
        defer { session?.close(); columnStore?.stop() }
        while true {
            work.lock()
            while !loadRequested && !stopping {
                if let at = rechecks.first {
                    if Date() >= at { rechecks.removeFirst(); loadRequested = true; break }
                    _ = work.wait(until: at)
                } else {
                    work.wait()
                }
            }
            if stopping { work.unlock(); return }
            loadRequested = false
            let force = forceRequested
            forceRequested = false
            let retarget = settingsChanged
            settingsChanged = false
            let target = settings
            work.unlock()

            pendingPhases = []
            phaseStart = ContinuousClock.now
            if retarget || !(session?.isConnected ?? false) {
                session?.close()
                session = nil
                if let target {
                    let s = PGSession(settings: target)
                    s.usesQueryCanceller = false
                    do { try s.connect(); Self.prepare(s); session = s; lap("connect") } catch {
                        snapshotLock.withLock { problem = "could not connect: " + String(describing: error).split(separator: "\n").first.map(String.init)!  }
                    }
                }
            }
            if retarget {
                columnStore?.stop()
                columnStore = target.map(makeColumnStore)
            }
            guard let session else {
                snapshotLock.withLock { completedLoads += 1 }
                continue
            }
            do {
                try load(using: session, force: force || retarget)
                snapshotLock.withLock { problem = nil }
            } catch {
                snapshotLock.withLock { problem = "catalog query failed: \(error)"; completedLoads += 1 }
                session.close()
            }
        }
    }

    /// One round of the loader: fingerprint, then nothing (unchanged), the disk cache
    /// (first load of this catalog), or the catalog queries.
    private func load(using session: PGSession, force: Bool) throws {
        let fingerprint = try? CatalogFingerprint.read(using: session)
        lap("fingerprint")
        let current = snapshot
        let sameCatalog = fingerprint.map { $0.key == currentKey } ?? false
        if !force, let fingerprint, sameCatalog, current !== MetadataSnapshot.empty, current.fingerprint == fingerprint.stamp {
            snapshotLock.withLock { unchanged += 1 }
            return
        }
        if !sameCatalog, let fingerprint, let diskCache, let entry = diskCache.read(key: fingerprint.key),
           entry.stamp == fingerprint.stamp {
            lap("read disk cache")
            let built = MetadataLoader.build(entry.rows, deferred: entry.deferred, columnStore: entry.lazyColumns ? columnStore : nil,
                                             fingerprint: fingerprint.stamp)
            lap("build snapshot")
            currentKey = fingerprint.key
            try publish(built, source: "disk", hooksUsing: session)
            return
        }
        let loaded = try MetadataLoader.loadRows(using: session, eagerColumnLimit: eagerColumnLimit)
        lap("catalog queries")
        columnStore?.invalidate()
        let built = MetadataLoader.build(loaded.rows, columnStore: loaded.lazyColumns ? columnStore : nil,
                                         fingerprint: fingerprint?.stamp ?? "")
        lap("build snapshot")
        currentKey = fingerprint?.key ?? ""
        try publish(built, source: "catalog", hooksUsing: session)
        if let fingerprint, let diskCache {
            try? diskCache.write(CatalogDiskCache.Entry(stamp: fingerprint.stamp, lazyColumns: loaded.lazyColumns, rows: loaded.rows),
                                 key: fingerprint.key)
        }
    }

    /// Publishes `built` at once, then again with the plugin hooks' annotations (they run queries of their own).
    private func publish(_ built: MetadataSnapshot, source from: String, hooksUsing session: PGSession) throws {
        snapshotLock.withLock { current = built; source = from; phases = pendingPhases }
        defer { snapshotLock.withLock { completedLoads += 1 } }
        built.buildDeferredIndexes()
        registry?.metadataRefreshed(relations: built.relations.count)
        guard let registry else { return }
        let hooked = Self.runHooks(registry, session: session)
        if !hooked.messages.isEmpty { onMessages?(hooked.messages) }
        let annotated = built.annotated(with: hooked.annotations)
        snapshotLock.withLock {
            if current === built { current = annotated }
            currentAnnotations = hooked.annotations
        }
    }

    /// Catalog queries on a large catalog have plan costs that switch JIT on: 100+ ms
    /// of compiling for a query that runs in a few. Off for this connection (no such
    /// setting before PostgreSQL 11: ignored).
    static func prepare(_ session: PGSession) {
        _ = try? session.query("SET jit = off")
    }

    /// The column store of a target: fetches on a connection of its own, opened on first use.
    private func makeColumnStore(_ settings: ConnectionSettings) -> ColumnStore {
        let connection = ColumnConnection(settings: settings)
        return ColumnStore(waitLimit: columnWaitLimit, fetch: { connection.fetch($0) }, idle: { connection.close() })
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

/// The connection a `ColumnStore` fetches on: opened on first use, closed when the
/// store's thread goes idle, reopened after a failure.
final class ColumnConnection: @unchecked Sendable {
    private let lock = Lock()
    private var session: PGSession?
    private let settings: ConnectionSettings

    init(settings: ConnectionSettings) { self.settings = settings }

    func fetch(_ relations: [(schema: String, name: String)]) -> [String: [MetadataSnapshot.Column]]? {
        lock.withLock {
            if session == nil || !(session?.isConnected ?? false) {
                session?.close()
                let s = PGSession(settings: settings)
                s.usesQueryCanceller = false
                do { try s.connect() } catch { return nil }
                MetadataCache.prepare(s)
                session = s
            }
            do { return try MetadataLoader.fetchColumns(relations, using: session!) } catch {
                session?.close()
                session = nil
                return nil
            }
        }
    }

    func close() {
        lock.withLock { session?.close(); session = nil }
    }
}
