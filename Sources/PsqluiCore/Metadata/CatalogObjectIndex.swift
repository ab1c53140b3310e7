/// A snapshot's named catalog objects (constraints, indexes, triggers… — about two per
/// table) and their lookups, built on first use instead of before the snapshot is
/// published: on 100,000 tables they were most of the time from a warm cache to
/// "metadata ready", and only `ALTER TABLE … CONSTRAINT`/`DROP INDEX`-style
/// completions read them. The loader builds them right after publishing
/// (`MetadataSnapshot.buildDeferredIndexes()`), so a completion rarely waits.
final class CatalogObjectIndex: @unchecked Sendable {
    /// The built form: the objects and their lookups.
    struct Built {
        let objects: [MetadataSnapshot.CatalogObject]
        let byKind: [CatalogObjectKind: [Int]]
        /// `MetadataSnapshot.tableKey` → the objects of that table.
        let byTable: [String: [Int]]
    }

    private let lock = Lock()
    private var source: (() -> [MetadataSnapshot.CatalogObject])?
    private var value: Built?

    /// Objects made by `make` (catalog rows decoded) when first needed.
    init(_ make: @escaping () -> [MetadataSnapshot.CatalogObject]) { source = make }

    /// The objects and lookups, built once (callers on other threads wait for it).
    var built: Built {
        lock.withLock {
            if let value { return value }
            let objects = source?() ?? []
            source = nil
            var byKind: [CatalogObjectKind: [Int]] = [:]
            var byTable: [String: [Int]] = [:]
            for (i, o) in objects.enumerated() {
                byKind[o.kind, default: []].append(i)
                if !o.table.isEmpty { byTable[MetadataSnapshot.tableKey(o.kind, o.schema, o.table), default: []].append(i) }
            }
            let made = Built(objects: objects, byKind: byKind, byTable: byTable)
            value = made
            return made
        }
    }
}
