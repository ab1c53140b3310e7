import PsqluiPluginAPI

/// The `MetadataCacheView` plugins get: psqlui's metadata cache (the one completion
/// reads) as its last load left it, relations with their columns, and the
/// annotations the metadata hooks added. Never blocks on a load.
public final class MetadataCachePluginView: MetadataCacheView, @unchecked Sendable {
    private let cache: MetadataCache

    /// A view of `cache`.
    public init(_ cache: MetadataCache) { self.cache = cache }

    public func relations() -> [MetadataRelation] {
        cache.snapshot.relations.map { r in
            MetadataRelation(schema: r.schema, name: r.name, kind: Self.relkind(r.kind), columns: r.columns.map(\.name))
        }
    }

    public func annotations(for object: MetadataObjectName) -> [String: String] {
        cache.hookAnnotations.all[object] ?? [:]
    }

    static func relkind(_ kind: MetadataSnapshot.RelationKind) -> Character {
        switch kind {
        case .table: return "r"
        case .view: return "v"
        case .materializedView: return "m"
        case .foreignTable: return "f"
        case .partitionedTable: return "p"
        }
    }
}
