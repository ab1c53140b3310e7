/// Catalog objects that completion offers by name only (no columns of their
/// own): what `ALTER TABLE t DROP CONSTRAINT`, `DROP INDEX`, `COLLATE` … want.
public enum CatalogObjectKind: String, Hashable, Sendable, CaseIterable {
    case constraint, index, sequence, trigger, policy, rule
    /// Installed extensions.
    case `extension`
    /// Extensions that can be installed (`CREATE EXTENSION`), not yet installed.
    case availableExtension
    case tablespace, collation
}
