/// Decides whether a statement is one the user should confirm before it runs at a
/// terminal: `DROP …`, `TRUNCATE …`, and `DELETE` or `UPDATE` without a `WHERE`
/// (also behind a `WITH` clause). A pure function of the statement text.
public enum DestructiveStatementClassifier {
    /// Why a statement is destructive.
    public enum Reason: Equatable, Sendable {
        case drop(object: String)
        case truncate
        case deleteWithoutWhere
        case updateWithoutWhere

        /// The question's subject, e.g. "DELETE without WHERE".
        public var description: String {
            switch self {
            case .drop(let object): return object.isEmpty ? "DROP" : "DROP " + object.uppercased()
            case .truncate: return "TRUNCATE"
            case .deleteWithoutWhere: return "DELETE without WHERE"
            case .updateWithoutWhere: return "UPDATE without WHERE"
            }
        }
    }

    /// The reason to ask, or nil for a harmless statement.
    public static func classify(_ sql: [UInt8]) -> Reason? {
        let words = TopLevelWords.of(sql)
        guard var verbIndex = words.indices.first else { return nil }
        // `WITH a AS (…), b AS (…) DELETE …`: the verb is the first top-level word
        // that is one (CTE bodies sit inside parentheses).
        if words[verbIndex] == "with" {
            guard let found = words.firstIndex(where: { mainVerbs.contains($0) }) else { return nil }
            verbIndex = found
        }
        let rest = words[(verbIndex + 1)...]
        switch words[verbIndex] {
        case "drop":
            return .drop(object: rest.first ?? "")
        case "truncate":
            return .truncate
        case "delete":
            return rest.contains("where") ? nil : .deleteWithoutWhere
        case "update":
            return rest.contains("where") ? nil : .updateWithoutWhere
        default:
            return nil
        }
    }

    private static let mainVerbs: Set<String> = ["select", "insert", "update", "delete", "merge", "values", "table"]
}
