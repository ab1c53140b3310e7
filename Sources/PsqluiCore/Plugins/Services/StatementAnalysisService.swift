import PsqluiPluginAPI

/// The `SqlIntelService` plugins get: psqlui's SQL analysis of one statement — its
/// kind, the relations it names (with aliases; CTE names left out), the columns it
/// names (resolved to their relation through the qualifier, or through the metadata
/// cache for an unqualified name) and its redacted text. Pure apart from reading the
/// latest metadata snapshot; uses the one SQL tokenizer and the completion analyzer's
/// scope reading.
public final class StatementAnalysisService: SqlIntelService, @unchecked Sendable {
    private let snapshot: @Sendable () -> MetadataSnapshot

    /// An analysis resolving unqualified columns against `snapshot()` (empty: only
    /// qualified columns are reported).
    public init(snapshot: @escaping @Sendable () -> MetadataSnapshot = { .empty }) {
        self.snapshot = snapshot
    }

    public func redact(_ sql: String) -> String { StatementRedactor.redact(sql) }

    public func analyze(_ sql: String) -> AnalysisResult {
        let text = Self.trimmedStatement(sql)
        let bytes = Array(text.utf8)
        let stream = SqlTokenStream(bytes: bytes, tokens: SqlTokenizer.tokenize(bytes).filter { $0.kind != .comment })
        let cteNames = Set(CompletionAnalyzer.suggest(bytes: bytes + [0x20], cursor: bytes.count + 1).ctes.map(\.name))
        let (relations, relationTokens) = Self.relations(stream, excluding: cteNames)
        let columns = Self.columns(stream, relations: relations, skipping: relationTokens, snapshot: snapshot())
        return AnalysisResult(statementKind: Self.kind(stream), referencedRelations: relations.map(\.reference),
                              referencedColumns: columns, text: sql, redactedText: StatementRedactor.redact(sql))
    }

    /// The statement without surrounding white space and trailing semicolons.
    static func trimmedStatement(_ sql: String) -> String {
        var t = Substring(sql)
        while let c = t.last, c.isWhitespace || c == ";" { t = t.dropLast() }
        while let c = t.first, c.isWhitespace { t = t.dropFirst() }
        return String(t)
    }

    /// `select`, `insert`, `create table`, `create materialized view`, `explain`…
    static func kind(_ s: SqlTokenStream) -> String {
        let words = (0..<min(s.tokens.count, 6)).map { s.keyword($0) }
        guard let first = words.first, !first.isEmpty else { return "" }
        guard ["create", "alter", "drop"].contains(first) else { return first }
        var rest = words.dropFirst().filter { !$0.isEmpty && !["or", "replace", "temp", "temporary", "unlogged", "unique", "global", "local"].contains($0) }
        var kind = first
        if let next = rest.first {
            kind += " " + next
            rest = Array(rest.dropFirst())
            if next == "materialized" || next == "foreign", let third = rest.first { kind += " " + third }
        }
        return kind
    }

    struct FoundRelation {
        var reference: RelationReference
    }

    /// Names after FROM/JOIN/INTO/UPDATE/TABLE (FROM inside a function call's
    /// parentheses, as in `extract(year from ts)`, is not a relation), with aliases.
    static func relations(_ s: SqlTokenStream, excluding ctes: Set<String>) -> ([FoundRelation], Set<Int>) {
        var found: [FoundRelation] = []
        var used = Set<Int>()
        var groupStarts: [Int] = []  // for each open paren, the index of its first token
        for i in s.tokens.indices {
            switch s.tokens[i].kind {
            case .openParen: groupStarts.append(i + 1)
            case .closeParen: _ = groupStarts.popLast()
            default: break
            }
            let kw = s.keyword(i)
            guard ["from", "join", "into", "update", "table"].contains(kw) else { continue }
            if kw == "from", let start = groupStarts.last, !["select", "with", "delete"].contains(s.keyword(start)) { continue }
            var j = i + 1
            if s.keyword(j) == "only" { j += 1 }
            guard s.isName(j), !["select", "lateral", "(", "values"].contains(s.keyword(j)) else { continue }
            var schema: String?
            var name = s.identifier(j)
            var parts = [j]
            if j + 2 < s.tokens.count, s.tokens[j + 1].kind == .dot, s.isName(j + 2) {
                schema = name
                name = s.identifier(j + 2)
                parts += [j + 1, j + 2]
                j += 2
            }
            if schema == nil && ctes.contains(name) { continue }
            var alias: String?
            if s.keyword(j + 1) == "as", s.isName(j + 2) {
                alias = s.identifier(j + 2)
                parts.append(j + 2)
            } else if s.isName(j + 1), !ScopeParser.notAliases.contains(s.keyword(j + 1)) {
                alias = s.identifier(j + 1)
                parts.append(j + 1)
            }
            used.formUnion(parts)
            let ref = RelationReference(schema: schema, name: name, alias: alias)
            if !found.contains(where: { $0.reference == ref }) { found.append(FoundRelation(reference: ref)) }
        }
        return (found, used)
    }

    /// Column names: `q.col` where `q` is a relation's alias or name, and unqualified
    /// names that the metadata cache knows as a column of a referenced relation.
    static func columns(_ s: SqlTokenStream, relations: [FoundRelation], skipping: Set<Int>,
                        snapshot: MetadataSnapshot) -> [ColumnReference] {
        var out: [ColumnReference] = []
        func add(_ c: ColumnReference) { if !out.contains(c) { out.append(c) } }
        let catalog = relations.map { r -> (RelationReference, Set<String>) in
            let rel = RelationReference(schema: r.reference.schema, name: r.reference.name)
            // Index lookups, not a scan: a catalog may hold 100,000 relations. Columns only as far
            // as they are loaded (a large catalog's are fetched lazily, never on this path).
            let match = snapshot.relation(schema: r.reference.schema, name: r.reference.name)
                ?? (r.reference.schema == nil ? snapshot.relation(schema: "public", name: r.reference.name) : nil)
            return (match.map { RelationReference(schema: $0.schema, name: $0.name) } ?? rel,
                    Set(match.map { snapshot.loadedColumns(of: $0) }?.map(\.name) ?? []))
        }
        for i in s.tokens.indices where s.isName(i) && !skipping.contains(i) {
            if i + 1 < s.tokens.count, s.tokens[i + 1].kind == .dot || s.tokens[i + 1].kind == .openParen { continue }
            let name = s.identifier(i)
            if i >= 2, s.tokens[i - 1].kind == .dot, s.isName(i - 2) {
                let q = s.identifier(i - 2)
                if let k = relations.firstIndex(where: { $0.reference.alias == q || ($0.reference.alias == nil && $0.reference.name == q) }) {
                    add(ColumnReference(relation: catalog[k].0, name: name))
                }
                continue
            }
            if let k = catalog.firstIndex(where: { $0.1.contains(name) }) {
                add(ColumnReference(relation: catalog[k].0, name: name))
            }
        }
        return out
    }
}
