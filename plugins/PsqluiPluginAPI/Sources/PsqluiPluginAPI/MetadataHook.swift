import Synchronization

/// Adds to psqlui's metadata cache (comments, ownership, statistics, anything a plugin
/// can read from the catalog) on every metadata load.
///
/// The host calls `enrich` after it loaded the catalog, with a fresh annotation set and
/// a `QueryService` on its *metadata connection* (read-only; it does not see the
/// user's uncommitted work). A hook that throws is reported with its plugin's name; the
/// metadata the core loaded is kept.
public protocol MetadataHook: AnyObject, Sendable {
    /// A short name for messages (`comments`).
    var name: String { get }
    /// Reads what the hook adds and records it in `annotations`.
    func enrich(_ annotations: MetadataAnnotations, using queries: QueryService) async throws
}

/// A database object an annotation is about: a relation, or one of its columns.
public struct MetadataObjectName: Sendable, Hashable, CustomStringConvertible {
    /// The schema (`public`).
    public var schema: String
    /// The relation (table, view, …) name.
    public var relation: String
    /// The column name, or nil for the relation itself.
    public var column: String?

    /// Names a relation or, with `column`, one of its columns.
    public init(schema: String, relation: String, column: String? = nil) {
        self.schema = schema
        self.relation = relation
        self.column = column
    }

    /// `schema.relation[.column]` (unquoted, for messages).
    public var description: String {
        column.map { "\(schema).\(relation).\($0)" } ?? "\(schema).\(relation)"
    }
}

/// Well-known annotation keys.
public enum MetadataAnnotationKey {
    /// The object's `COMMENT ON` text.
    public static let comment = "comment"
}

/// Text annotations on database objects, keyed by object and annotation key
/// (`MetadataAnnotationKey.comment`, or a plugin's own `plugin.key`). Thread-safe.
public final class MetadataAnnotations: Sendable {
    private let storage = Mutex<[MetadataObjectName: [String: String]]>([:])

    /// An empty set.
    public init() {}

    /// Sets (or with nil, removes) annotation `key` on `object`.
    public func set(_ value: String?, key: String, for object: MetadataObjectName) {
        storage.withLock { $0[object, default: [:]][key] = value }
    }

    /// Annotation `key` on `object`, or nil.
    public func value(key: String, for object: MetadataObjectName) -> String? {
        storage.withLock { $0[object]?[key] }
    }

    /// Every annotation, by object then key.
    public var all: [MetadataObjectName: [String: String]] {
        storage.withLock { $0 }
    }

    /// Copies every annotation of `other` into this set (other's values win).
    public func merge(_ other: MetadataAnnotations) {
        let incoming = other.all
        storage.withLock { mine in
            for (object, values) in incoming {
                mine[object, default: [:]].merge(values) { _, new in new }
            }
        }
    }
}

/// One relation the metadata cache knows.
public struct MetadataRelation: Sendable, Hashable {
    /// The schema.
    public var schema: String
    /// The relation's name.
    public var name: String
    /// `pg_class.relkind` (`r` table, `v` view, `m` materialized view, `p` partitioned
    /// table, `f` foreign table, `S` sequence, `i` index).
    public var kind: Character
    /// Column names in order.
    public var columns: [String]

    /// Creates a relation description.
    public init(schema: String, name: String, kind: Character, columns: [String]) {
        self.schema = schema
        self.name = name
        self.kind = kind
        self.columns = columns
    }
}

/// Read-only view of psqlui's metadata cache, as the last load left it.
public protocol MetadataCacheView: AnyObject, Sendable {
    /// Every relation known.
    func relations() -> [MetadataRelation]
    /// The annotations on `object` (from all metadata hooks), by key.
    func annotations(for object: MetadataObjectName) -> [String: String]
}
