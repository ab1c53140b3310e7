import FoundationEssentials

/// Names the user has typed (history entries at start, then each statement of the
/// session): completion ranks a candidate whose name is among them above an
/// equal match that is not (`CandidateCollector.SortKey.used`).
///
/// Only the names are kept — lower-cased word and quoted-identifier tokens, not
/// keywords, strings or numbers — at most `capacity` of them (the oldest go first).
/// The history file is one per user, not per database: a name used in another
/// database ranks up here too when this database has it.
public final class CompletionUsage: @unchecked Sendable {
    private let lock = Lock()
    private var set: Set<[UInt8]> = []
    private var order: [[UInt8]] = []
    public let capacity: Int

    public init(capacity: Int = 5_000) { self.capacity = capacity }

    /// Notes the names of one statement or command.
    public func record(_ text: String) {
        let bytes = Array(text.utf8)
        let stream = SqlTokenStream(bytes: bytes, tokens: SqlTokenizer.tokenize(bytes))
        var names: [[UInt8]] = []
        for i in stream.tokens.indices where stream.isName(i) {
            let key = MetadataSnapshot.key(stream.identifier(i))
            if !key.isEmpty && !CompletionUsage.commonWords.contains(key) { names.append(key) }
        }
        guard !names.isEmpty else { return }
        lock.withLock {
            for n in names where set.insert(n).inserted { order.append(n) }
            if order.count > capacity {
                for n in order.prefix(order.count - capacity) { set.remove(n) }
                order.removeFirst(order.count - capacity)
            }
        }
    }

    /// The names used so far (lower-cased UTF-8, as snapshot keys).
    public var names: Set<[UInt8]> { lock.withLock { set } }

    /// SQL words too common to say anything about what the user works with.
    static let commonWords: Set<[UInt8]> = Set(
        ["select", "from", "where", "and", "or", "not", "insert", "into", "values", "update", "set", "delete", "join",
         "on", "as", "by", "order", "group", "limit", "create", "table", "drop", "alter", "with", "in", "is", "null",
         "left", "right", "inner", "outer", "union", "all", "distinct", "having", "case", "when", "then", "else", "end",
         "begin", "commit", "rollback", "true", "false", "asc", "desc", "like", "exists", "between", "offset"]
            .map { Array($0.utf8) })
}
