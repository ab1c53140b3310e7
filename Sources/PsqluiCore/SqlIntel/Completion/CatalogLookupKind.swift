/// Names that completion looks up when a rule asks for them, instead of keeping them
/// in the metadata snapshot: kinds that are rare in a catalog (languages, event
/// triggers, access methods, text-search objects, publications, servers …), large
/// but seldom wanted (time zones), or that live in the session itself (cursors,
/// prepared statements, LISTEN channels), which only the user's own connection sees.
///
/// Each kind is one catalog query returning one text column of names; the engine
/// asks its `CompletionEngine.lookup` (a bounded wait on a connection) for them.
public enum CatalogLookupKind: Hashable, Sendable {
    case language, eventTrigger
    /// Every access method, of tables and of indexes.
    case accessMethod
    case tableAccessMethod, indexAccessMethod
    case textSearchConfiguration, textSearchDictionary, textSearchParser, textSearchTemplate
    case publication, subscription, server, foreignDataWrapper
    /// The roles that have a user mapping (`ALTER USER MAPPING FOR |`).
    case userMapping
    /// The session's open cursors, prepared statements and the channels it listens on.
    case cursor, preparedStatement, channel
    /// Time zone names (`pg_timezone_names`), for `SET TIME ZONE` and `timezone`.
    case timeZone
    /// The versions an extension can be installed or updated to.
    case extensionVersion(extension: String)
    /// The constraints of a domain.
    case domainConstraint(schema: String?, domain: String)
    /// A table's columns an INSERT gives values for, in order: not identity or generated
    /// columns, nor those whose default is a sequence's next value or the current time.
    case insertColumns(schema: String?, table: String)

    /// True for what lives in the session: only the user's own connection can list it.
    public var isSessionLocal: Bool {
        switch self {
        case .cursor, .preparedStatement, .channel: return true
        default: return false
        }
    }

    /// How a found name is offered.
    public var candidateKind: CompletionCandidate.Kind {
        switch self {
        case .language: return .language
        case .eventTrigger: return .eventTrigger
        case .accessMethod, .tableAccessMethod, .indexAccessMethod: return .accessMethod
        case .textSearchConfiguration, .textSearchDictionary, .textSearchParser, .textSearchTemplate: return .textSearch
        case .publication: return .publication
        case .subscription: return .subscription
        case .server: return .server
        case .foreignDataWrapper: return .foreignDataWrapper
        case .userMapping: return .role
        case .cursor: return .cursor
        case .preparedStatement: return .preparedStatement
        case .channel: return .channel
        case .timeZone, .extensionVersion: return .value
        case .domainConstraint: return .constraint
        case .insertColumns: return .column
        }
    }

    /// The query: one text column, the names in the order to offer them. Text-search
    /// objects are those visible on the search path (others need their schema).
    public var sql: String {
        switch self {
        case .language: return "SELECT lanname FROM pg_catalog.pg_language WHERE lanname <> 'internal' ORDER BY 1"
        case .eventTrigger: return "SELECT evtname FROM pg_catalog.pg_event_trigger ORDER BY 1"
        case .accessMethod: return "SELECT amname FROM pg_catalog.pg_am ORDER BY 1"
        case .tableAccessMethod: return "SELECT amname FROM pg_catalog.pg_am WHERE amtype = 't' ORDER BY 1"
        case .indexAccessMethod: return "SELECT amname FROM pg_catalog.pg_am WHERE amtype = 'i' ORDER BY 1"
        case .textSearchConfiguration:
            return "SELECT cfgname FROM pg_catalog.pg_ts_config WHERE pg_catalog.pg_ts_config_is_visible(oid) ORDER BY 1"
        case .textSearchDictionary:
            return "SELECT dictname FROM pg_catalog.pg_ts_dict WHERE pg_catalog.pg_ts_dict_is_visible(oid) ORDER BY 1"
        case .textSearchParser:
            return "SELECT prsname FROM pg_catalog.pg_ts_parser WHERE pg_catalog.pg_ts_parser_is_visible(oid) ORDER BY 1"
        case .textSearchTemplate:
            return "SELECT tmplname FROM pg_catalog.pg_ts_template WHERE pg_catalog.pg_ts_template_is_visible(oid) ORDER BY 1"
        case .publication: return "SELECT pubname FROM pg_catalog.pg_publication ORDER BY 1"
        case .subscription:
            return """
                SELECT subname FROM pg_catalog.pg_subscription \
                WHERE subdbid = (SELECT oid FROM pg_catalog.pg_database WHERE datname = pg_catalog.current_database()) ORDER BY 1
                """
        case .server: return "SELECT srvname FROM pg_catalog.pg_foreign_server ORDER BY 1"
        case .foreignDataWrapper: return "SELECT fdwname FROM pg_catalog.pg_foreign_data_wrapper ORDER BY 1"
        case .userMapping: return "SELECT DISTINCT usename FROM pg_catalog.pg_user_mappings ORDER BY 1"
        case .cursor: return "SELECT name FROM pg_catalog.pg_cursors ORDER BY 1"
        case .preparedStatement: return "SELECT name FROM pg_catalog.pg_prepared_statements ORDER BY 1"
        case .channel: return "SELECT channel FROM pg_catalog.pg_listening_channels() AS channel ORDER BY 1"
        case .timeZone: return "SELECT name FROM pg_catalog.pg_timezone_names ORDER BY 1"
        case .extensionVersion(let name):
            return "SELECT version FROM pg_catalog.pg_available_extension_versions WHERE name = \(Self.literal(name)) ORDER BY 1"
        case .domainConstraint(let schema, let domain):
            let visible = schema.map { "n.nspname = \(Self.literal($0))" } ?? "pg_catalog.pg_type_is_visible(t.oid)"
            return """
                SELECT c.conname FROM pg_catalog.pg_constraint c JOIN pg_catalog.pg_type t ON t.oid = c.contypid \
                JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace \
                WHERE t.typname = \(Self.literal(domain)) AND \(visible) ORDER BY 1
                """
        case .insertColumns(let schema, let table):
            let name = Self.literal((schema.map { Self.identifier($0) + "." } ?? "") + Self.identifier(table))
            return """
                SELECT a.attname FROM pg_catalog.pg_attribute a \
                LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum \
                WHERE a.attrelid = pg_catalog.to_regclass(\(name)) AND a.attnum > 0 AND NOT a.attisdropped \
                AND a.attidentity = '' AND a.attgenerated = '' \
                AND coalesce(pg_catalog.pg_get_expr(d.adbin, d.adrelid) !~* '^(nextval\\(|now\\(\\)$|current_timestamp)', true) \
                ORDER BY a.attnum
                """
        }
    }

    /// A double-quoted identifier.
    static func identifier(_ s: String) -> String {
        var out = "\""
        for ch in s { out.append(ch); if ch == "\"" { out.append("\"") } }
        return out + "\""
    }

    /// A SQL string literal (standard_conforming_strings on, every supported server's default).
    static func literal(_ s: String) -> String {
        var out = "'"
        for ch in s { out.append(ch); if ch == "'" { out.append("'") } }
        return out + "'"
    }
}
