import PsqluiPluginAPI

extension MetadataSnapshot {
    /// A copy with plugin annotations (MetadataHooks) folded in: a `comment`
    /// annotation becomes the relation's or column's comment where the catalog
    /// gave none, so completion shows it as the candidate's detail; every
    /// annotation is also kept in `annotations`.
    public func annotated(with extra: MetadataAnnotations) -> MetadataSnapshot {
        let all = extra.all
        if all.isEmpty { return self }
        var notes = annotations
        for (object, values) in all {
            let id: ObjectID = object.column.map { .column(schema: object.schema, relation: object.relation, name: $0) }
                ?? .relation(schema: object.schema, name: object.relation)
            notes[id, default: []] += values.keys.sorted().compactMap { values[$0] }
        }
        let comment = MetadataAnnotationKey.comment
        let relations = self.relations.map { r -> Relation in
            var r = r
            if r.comment == nil { r.comment = all[MetadataObjectName(schema: r.schema, relation: r.name)]?[comment] }
            for i in r.columns.indices where r.columns[i].comment == nil {
                r.columns[i].comment = all[MetadataObjectName(schema: r.schema, relation: r.name, column: r.columns[i].name)]?[comment]
            }
            return r
        }
        return replacing(relations: relations, annotations: notes)
    }
}
