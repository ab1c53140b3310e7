/// An identifier as SQL text, for statements psqlui builds itself (`\password`'s
/// `ALTER USER`): bare when lower case, simple and not reserved, else double-quoted
/// (psql's `fmtId`). The one rule is the SQL exporter's.
public enum SQLIdentifier {
    public static func quoted(_ name: String) -> String { SQLInsertExporter.quoteIdentifier(name) }
}
