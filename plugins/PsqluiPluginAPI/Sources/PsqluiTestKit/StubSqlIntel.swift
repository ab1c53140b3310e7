import PsqluiPluginAPI

/// A `SqlIntelService` for tests: the statement kind is the first word, lower case,
/// and the referenced relations are the words after `from`, `join`, `into`,
/// `update` and `table` (enough to drive an assist in a test; not psqlui's analysis).
public final class StubSqlIntel: SqlIntelService {
    /// A stub analysis.
    public init() {}

    public func analyze(_ sql: String) -> AnalysisResult {
        let words = sql.split(whereSeparator: { $0.isWhitespace || $0 == ";" || $0 == "," || $0 == "(" || $0 == ")" })
            .map { $0.lowercased() }
        var relations: [RelationReference] = []
        for (i, w) in words.enumerated() where ["from", "join", "into", "update", "table"].contains(w) && i + 1 < words.count {
            let parts = words[i + 1].split(separator: ".").map(String.init)
            relations.append(parts.count == 2 ? RelationReference(schema: parts[0], name: parts[1]) : RelationReference(name: parts[0]))
        }
        return AnalysisResult(statementKind: words.first ?? "", referencedRelations: relations, text: sql)
    }
}
