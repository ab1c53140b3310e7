/// What psql's `command_no_begin` and ON_ERROR_ROLLBACK logic need to know about a
/// statement: whether `AUTOCOMMIT off` may open a transaction before it, and whether
/// it manages transactions or savepoints itself.
public enum TransactionControlClassifier {
    /// True when `AUTOCOMMIT off` must not send `BEGIN` first: transaction control,
    /// and statements that cannot run inside a transaction block (psql's list).
    public static func mustNotBeginBefore(_ sql: [UInt8]) -> Bool {
        let w = TopLevelWords.of(sql)
        guard let first = w.first else { return true }
        func at(_ i: Int) -> String { i < w.count ? w[i] : "" }
        switch first {
        case "abort", "begin", "start", "commit", "end", "rollback", "savepoint", "release":
            return true
        case "prepare":
            return at(1) == "transaction"
        case "vacuum":
            return true
        case "cluster":
            return w.count == 1 || (w.count == 2 && at(1) == "verbose")
        case "create", "drop":
            if at(1) == "database" || at(1) == "tablespace" { return true }
            if at(1) == "index" && at(2) == "concurrently" { return true }
            if at(1) == "unique" && at(2) == "index" && at(3) == "concurrently" { return true }
            return false
        case "alter":
            return at(1) == "system"
        case "reindex":
            return at(1) == "database" || at(1) == "system" || w.contains("concurrently")
        case "discard":
            return at(1) == "all"
        default:
            return false
        }
    }

    /// True when the statement's tag would be COMMIT, ROLLBACK, SAVEPOINT or RELEASE:
    /// psql then leaves its ON_ERROR_ROLLBACK savepoint alone.
    public static func managesSavepoints(_ sql: [UInt8]) -> Bool {
        guard let first = TopLevelWords.of(sql).first else { return false }
        return ["commit", "end", "rollback", "abort", "savepoint", "release"].contains(first)
    }
}
