import PsqluiCore

/// Tab completion at the prompt: a metadata cache loading in the background on its
/// own connection, refreshed after DDL and COMMIT (the evaluator's statement
/// callback), on `:refresh` and when the session's connection changes (`:connect`,
/// a reconnect); and the libedit bridge reading it.
final class InteractiveCompletion {
    let cache: MetadataCache
    private let evaluator: Evaluator
    private var connectedTo: (settings: ConnectionSettings, backend: Int32)?

    /// Names the user typed (history at start, then each entry): completion ranks them up.
    let usage = CompletionUsage()

    init(evaluator: Evaluator, processor: InputProcessor, history: [String] = []) {
        self.evaluator = evaluator
        cache = MetadataCache(registry: evaluator.commands.plugins)
        evaluator.metadataCache = cache
        evaluator.commands.plugins.useMetadataCache(cache)
        evaluator.onStatementCompleted = { [cache] tag in
            if MetadataCache.shouldRefresh(afterCommandTag: tag) { cache.refresh() }
        }
        var sources = CompletionSources(snapshot: { [cache] in cache.snapshot }, commands: evaluator.commands,
                                        variables: evaluator.variables, usage: usage)
        // Rare kinds and the session's own cursors and prepared statements: asked of the session, as psql does.
        let lookup = SessionCatalogLookup(timeout: Self.lookupWait) { [unowned evaluator] in evaluator.session.connection }
        sources.lookup = { lookup.names($0) }
        CompletionBridge.install(sources: sources, pendingText: { [unowned processor] in processor.pendingSQL })
        for entry in history { usage.record(entry) }
        noticeConnection()
    }

    deinit { cache.stop() }

    /// How long a Tab waits for a kind looked up on the session (the callback runs inside `readline`).
    static let lookupWait = 0.5

    /// Call before each prompt: a new connection means another catalog, reload it;
    /// the same one gets a fingerprint check (another session's DDL shows within a
    /// second or two of the prompt; an unchanged catalog costs one small query).
    func noticeConnection() {
        let session = evaluator.session
        guard session.isConnected else { return }
        let now = (settings: session.effectiveSettings, backend: session.backendPID)
        if let last = connectedTo, last.settings == now.settings, last.backend == now.backend {
            cache.checkForChanges()
            return
        }
        connectedTo = now
        cache.connect(settings: now.settings)
    }
}
