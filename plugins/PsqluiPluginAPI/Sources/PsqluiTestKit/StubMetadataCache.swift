import PsqluiPluginAPI

/// A `MetadataCacheView` over fixed relations and annotations.
public final class StubMetadataCache: MetadataCacheView {
    /// The relations returned by `relations()`.
    public let stubRelations: [MetadataRelation]
    /// The annotations returned by `annotations(for:)`.
    public let stubAnnotations: MetadataAnnotations

    /// A cache holding `relations` and `annotations`.
    public init(relations: [MetadataRelation] = [], annotations: MetadataAnnotations = MetadataAnnotations()) {
        self.stubRelations = relations
        self.stubAnnotations = annotations
    }

    public func relations() -> [MetadataRelation] { stubRelations }

    public func annotations(for object: MetadataObjectName) -> [String: String] {
        stubAnnotations.all[object] ?? [:]
    }
}
