import PsqluiPluginAPI

/// What a plugin's context holds for the metadata cache and the SQL analysis: views
/// that read the registry's *current* services on every call, so a plugin activated
/// at start (before the REPL's metadata cache exists) sees the cache once it does.
final class LiveMetadataCacheView: MetadataCacheView, @unchecked Sendable {
    private let current: @Sendable () -> MetadataCacheView
    init(_ current: @escaping @Sendable () -> MetadataCacheView) { self.current = current }
    func relations() -> [MetadataRelation] { current().relations() }
    func annotations(for object: MetadataObjectName) -> [String: String] { current().annotations(for: object) }
}

/// See `LiveMetadataCacheView`.
final class LiveSqlIntel: SqlIntelService, @unchecked Sendable {
    private let current: @Sendable () -> SqlIntelService
    init(_ current: @escaping @Sendable () -> SqlIntelService) { self.current = current }
    func analyze(_ sql: String) -> AnalysisResult { current().analyze(sql) }
    func redact(_ sql: String) -> String { current().redact(sql) }
}
