import Dispatch
import FoundationEssentials
import PsqluiPluginAPI

/// The host's side of the event bus and SQL assists: what the statement run, the
/// session and the metadata cache call so that plugins hear about them.
extension PluginRegistry {
    /// A user statement is about to be sent on `session`: publishes
    /// `statement.started` and returns the run to finish when it ends (nil when
    /// nobody listens: no subscriber, no SQL assist).
    public func statementStarted(_ sql: [UInt8], on session: PGSession) -> StatementRun? {
        guard observesStatements else { return nil }
        let text = String(decoding: sql, as: UTF8.self)
        let analysis = services.sqlIntel.analyze(text)
        var attributes = Self.sessionAttributes(session)
        attributes[PluginEventKey.statement] = text
        attributes[PluginEventKey.redactedStatement] = analysis.redactedText
        attributes[PluginEventKey.kind] = analysis.statementKind
        attributes[PluginEventKey.started] = NumberText.fixed(Date().timeIntervalSince1970 * 1000, places: 3)
        services.eventBus.publish(PluginEvent(name: PluginEvent.statementStarted, attributes: attributes))
        return StatementRun(registry: self, analysis: analysis, attributes: attributes)
    }

    /// Publishes `session.connected`/`session.disconnected` for the user's session
    /// from now on (and `session.connected` at once when it is already connected).
    public func observe(_ session: PGSession) {
        session.onConnectionChange = { [weak self, weak session] connected in
            guard let self, let session else { return }
            if connected { self.sessionConnected(session) } else { self.sessionDisconnected(session, lost: false) }
        }
        if session.isConnected { sessionConnected(session) }
    }

    /// Uses `cache` (the one completion reads) as the plugins' metadata view and to
    /// resolve columns in the SQL analysis.
    public func useMetadataCache(_ cache: MetadataCache) {
        services.metadataCache = MetadataCachePluginView(cache)
        services.sqlIntel = StatementAnalysisService(snapshot: { [cache] in cache.snapshot })
    }

    /// The session connected (first connect, `:connect`, a reconnect).
    public func sessionConnected(_ session: PGSession) {
        services.eventBus.publish(PluginEvent(name: PluginEvent.connected, attributes: Self.sessionAttributes(session)))
    }

    /// The session's connection ended: `lost` (the server went away) or `closed`.
    public func sessionDisconnected(_ session: PGSession, lost: Bool) {
        var attributes = Self.sessionAttributes(session)
        attributes[PluginEventKey.reason] = lost ? "lost" : "closed"
        services.eventBus.publish(PluginEvent(name: PluginEvent.disconnected, attributes: attributes))
    }

    /// The metadata cache published a new load.
    public func metadataRefreshed(relations: Int) {
        services.eventBus.publish(PluginEvent(name: PluginEvent.metadataRefreshed,
                                              attributes: [PluginEventKey.relations: String(relations)]))
    }

    /// Through a connection hook's route (an SSH tunnel) host and port are the server's
    /// as the settings named it, not the tunnel's local end.
    static func sessionAttributes(_ session: PGSession) -> [String: String] {
        let routed = session.reroutedFrom
        return [PluginEventKey.database: session.databaseName, PluginEventKey.user: session.userName,
                PluginEventKey.host: routed?.host ?? session.host, PluginEventKey.port: routed?.port ?? session.port]
    }
}

/// One user statement between `statement.started` and `statement.finished`.
public final class StatementRun {
    private let registry: PluginRegistry
    private let analysis: AnalysisResult
    private var attributes: [String: String]
    private let started = DispatchTime.now()

    init(registry: PluginRegistry, analysis: AnalysisResult, attributes: [String: String]) {
        self.registry = registry
        self.analysis = analysis
        self.attributes = attributes
    }

    /// The statement ended with `outcome` after completing `tags`: publishes
    /// `statement.finished` (timing, row count, SQLSTATE) and hands the analysis to
    /// the SQL assists (in order, off the caller's thread).
    public func finished(_ outcome: ExecutionOutcome, tags: [String]) {
        let ms = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e6
        attributes[PluginEventKey.durationMilliseconds] = NumberText.fixed(ms, places: 3)
        if let tag = tags.last {
            attributes[PluginEventKey.tag] = tag
            if let rows = Self.rowCount(tag) { attributes[PluginEventKey.rows] = String(rows) }
        }
        switch outcome {
        case .success:
            attributes[PluginEventKey.outcome] = "ok"
        case .serverError(let message, let sqlState):
            attributes[PluginEventKey.outcome] = "error"
            attributes[PluginEventKey.sqlState] = sqlState ?? ""
            attributes[PluginEventKey.error] = SessionQueryService.firstLine(message)
        case .outputError(let message, _):
            attributes[PluginEventKey.outcome] = "error"
            attributes[PluginEventKey.error] = message
        case .connectionLost:
            attributes[PluginEventKey.outcome] = "connection_lost"
        }
        defer {
            if case .connectionLost = outcome {
                var lost = attributes.filter { [PluginEventKey.database, PluginEventKey.user, PluginEventKey.host, PluginEventKey.port].contains($0.key) }
                lost[PluginEventKey.reason] = "lost"
                registry.services.eventBus.publish(PluginEvent(name: PluginEvent.disconnected, attributes: lost))
            }
        }
        registry.services.eventBus.publish(PluginEvent(name: PluginEvent.statementFinished, attributes: attributes))
        registry.deliverToAssists(analysis)
    }

    /// The row count a command tag carries (`SELECT 3` → 3, `INSERT 0 1` → 1), nil for
    /// tags without one (`CREATE TABLE`).
    static func rowCount(_ tag: String) -> Int? {
        let words = tag.split(separator: " ")
        guard words.count >= 2, let n = Int(words[words.count - 1]) else { return nil }
        return n
    }
}
