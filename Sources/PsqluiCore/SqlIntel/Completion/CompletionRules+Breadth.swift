/// More of psql's statement breadth: the options and object kinds of the less common
/// statements (publications, subscriptions, databases, default privileges, COMMENT ON,
/// SECURITY LABEL, SET CONSTRAINTS, user mappings, event triggers, cursors, prepared
/// statements). The words are the SQL grammar's, as the reference pages spell them.
extension CompletionRules {
    /// The object kinds COMMENT ON takes.
    static let commentOnObjects = [
        "ACCESS METHOD", "AGGREGATE", "CAST", "COLLATION", "COLUMN", "CONSTRAINT", "CONVERSION", "DATABASE", "DOMAIN",
        "EXTENSION", "EVENT TRIGGER", "FOREIGN DATA WRAPPER", "FOREIGN TABLE", "FUNCTION", "INDEX", "LANGUAGE",
        "LARGE OBJECT", "MATERIALIZED VIEW", "OPERATOR", "POLICY", "PROCEDURE", "PROCEDURAL LANGUAGE", "PUBLICATION",
        "ROLE", "ROUTINE", "RULE", "SCHEMA", "SEQUENCE", "SERVER", "STATISTICS", "SUBSCRIPTION", "TABLE", "TABLESPACE",
        "TEXT SEARCH", "TRANSFORM FOR", "TRIGGER", "TYPE", "VIEW",
    ]
    /// The object kinds SECURITY LABEL takes.
    static let securityLabelObjects = [
        "TABLE", "COLUMN", "AGGREGATE", "DATABASE", "DOMAIN", "EVENT TRIGGER", "FOREIGN TABLE", "FUNCTION",
        "LARGE OBJECT", "MATERIALIZED VIEW", "LANGUAGE", "PROCEDURE", "PUBLICATION", "ROLE", "ROUTINE", "SCHEMA",
        "SEQUENCE", "SUBSCRIPTION", "TABLESPACE", "TYPE", "VIEW",
    ]
    /// `CREATE DATABASE name [WITH] …` options.
    static let createDatabaseOptions = [
        "OWNER", "TEMPLATE", "ENCODING", "STRATEGY", "LOCALE", "LC_COLLATE", "LC_CTYPE", "ICU_LOCALE", "LOCALE_PROVIDER",
        "COLLATION_VERSION", "TABLESPACE", "ALLOW_CONNECTIONS", "CONNECTION LIMIT", "IS_TEMPLATE", "OID", "WITH",
    ]
    /// What follows `ALTER DATABASE name`.
    static let alterDatabaseActions = [
        "RESET", "SET", "OWNER TO", "RENAME TO", "REFRESH COLLATION VERSION", "IS_TEMPLATE", "ALLOW_CONNECTIONS",
        "CONNECTION LIMIT", "WITH",
    ]
    /// Role attributes that only ALTER ROLE has, besides `roleOptions`.
    static let alterRoleOnly = ["RENAME TO", "RESET", "SET"]
    /// The directions of FETCH and MOVE.
    static let fetchDirections = ["ABSOLUTE", "BACKWARD", "FORWARD", "RELATIVE", "ALL", "NEXT", "PRIOR", "FIRST", "LAST", "FROM", "IN"]
    /// The events an event trigger fires on (lower case, as the server names them).
    static let eventTriggerEvents = ["ddl_command_start", "ddl_command_end", "sql_drop", "table_rewrite"]

    static let breadthRules: [TailRule] = {
        let index = objects(.index), constraint = objects(.constraint)
        let lookup = { (kind: CatalogLookupKind) -> SuggestionTemplate in .fixed(.lookup(kind)) }
        var rules: [TailRule] = [
            // Before `ALTER USER name`: here `mapping` is a keyword, not a role.
            TailRule(["^", "alter", "user", "mapping"], [.keywords(["FOR"])]),
            TailRule(["^", "drop", "user", "mapping"], [.keywords(["FOR", "IF EXISTS FOR"])]),
            // Publications and subscriptions.
            TailRule(["^", "alter", "publication", "*", "set"], [.keywords(["(", "TABLES IN SCHEMA", "TABLE"])]),
            TailRule(["^", "alter", "publication", "*", "add"], [.keywords(["TABLES IN SCHEMA", "TABLE"])]),
            TailRule(["^", "alter", "publication", "*", "drop"], [.keywords(["TABLES IN SCHEMA", "TABLE"])]),
            TailRule(["^", "alter", "publication", "*", "set", "table"], [relation, schema]),
            TailRule(["^", "alter", "publication", "*", "add", "table"], [relation, schema]),
            TailRule(["^", "alter", "publication", "*", "drop", "table"], [relation, schema]),
            TailRule(["^", "alter", "publication", "*", "…", "tables", "in", "schema"], [schema, .keywords(["CURRENT_SCHEMA"])]),
            TailRule(["^", "alter", "subscription", "*", "set"], [.keywords(["(", "PUBLICATION"])]),
            TailRule(["^", "create", "publication", "*", "for"], [.keywords(["TABLE", "ALL TABLES", "TABLES IN SCHEMA"])]),
            TailRule(["^", "create", "publication", "*", "for", "all"], [.keywords(["TABLES"])]),
            TailRule(["^", "create", "publication", "*", "for", "tables"], [.keywords(["IN SCHEMA"])]),
            TailRule(["^", "create", "publication", "*", "for", "table"], [relation, schema]),
            TailRule(["^", "create", "publication", "*", "for", "tables", "in", "schema"], [schema, .keywords(["CURRENT_SCHEMA"])]),
            TailRule(["^", "drop", "publication"], [lookup(.publication)]),
            TailRule(["^", "alter", "publication"], [lookup(.publication)]),
            TailRule(["^", "comment", "on", "publication"], [lookup(.publication)]),
            TailRule(["^", "drop", "subscription"], [lookup(.subscription)]),
            TailRule(["^", "alter", "subscription"], [lookup(.subscription)]),
            TailRule(["^", "comment", "on", "subscription"], [lookup(.subscription)]),
            // Databases.
            TailRule(["^", "alter", "database", "*"], [.keywords(alterDatabaseActions)]),
            TailRule(["^", "create", "database", "*"], [.keywords(createDatabaseOptions)]),
            TailRule(["^", "create", "database", "*", "with"], [.keywords(createDatabaseOptions.filter { $0 != "WITH" })]),
            TailRule(["^", "create", "database", "*", "…", "strategy"], [.keywords(["WAL_LOG", "FILE_COPY"])]),
            TailRule(["^", "create", "database", "*", "…", "locale_provider"], [.keywords(["libc", "icu"])]),
            // Roles.
            TailRule(["^", "create", "role", "*", "with"], [.keywords(roleOptions + ["SYSID"])]),
            TailRule(["^", "create", "user", "*", "with"], [.keywords(roleOptions + ["SYSID"])]),
            TailRule(["^", "create", "group", "*", "with"], [.keywords(roleOptions + ["SYSID"])]),
            TailRule(["^", "alter", "role", "*", "with"], [.keywords(roleOptions + alterRoleOnly)]),
            TailRule(["^", "alter", "user", "*", "with"], [.keywords(roleOptions + alterRoleOnly)]),
            TailRule(["^", "alter", "role", "*"], [.keywords(roleOptions + alterRoleOnly + ["WITH"])]),
            TailRule(["^", "alter", "user", "*"], [.keywords(roleOptions + alterRoleOnly + ["WITH"])]),
            TailRule(["^", "alter", "group"], [role]),
            TailRule(["^", "alter", "group", "*"], [.keywords(["ADD USER", "DROP USER", "RENAME TO"])]),
            TailRule(["^", "alter", "group", "*", "add"], [.keywords(["USER"])]),
            TailRule(["^", "alter", "group", "*", "drop"], [.keywords(["USER"])]),
            TailRule(["^", "alter", "group", "*", "add", "user"], [role]),
            TailRule(["^", "alter", "group", "*", "drop", "user"], [role]),
            TailRule(["^", "reassign", "owned", "by", "*", "to"], [role]),
            TailRule(["^", "reassign", "owned", "by", "*"], [.keywords(["TO"])]),
            TailRule(["^", "alter", "default", "privileges"], [.keywords(["FOR ROLE", "IN SCHEMA", "GRANT", "REVOKE"])]),
            TailRule(["^", "alter", "default", "privileges", "for"], [.keywords(["ROLE", "USER"])]),
            TailRule(["^", "alter", "default", "privileges", "in", "schema", "*", "for"], [.keywords(["ROLE", "USER"])]),
            TailRule(["^", "alter", "default", "privileges", "…", "for", "role"], [role]),
            TailRule(["^", "alter", "default", "privileges", "…", "for", "user"], [role]),
            // User mappings.
            TailRule(["^", "create", "user", "mapping"], [.keywords(["FOR", "IF NOT EXISTS FOR"])]),
            TailRule(["^", "create", "user", "mapping", "for"], [role, .keywords(["CURRENT_ROLE", "CURRENT_USER", "PUBLIC", "USER"])]),
            TailRule(["^", "alter", "user", "mapping", "for"], [lookup(.userMapping)]),
            TailRule(["^", "drop", "user", "mapping", "for"], [lookup(.userMapping)]),
            TailRule(["^", "create", "user", "mapping", "for", "*"], [.keywords(["SERVER"])]),
            TailRule(["^", "alter", "user", "mapping", "for", "*"], [.keywords(["SERVER"])]),
            TailRule(["^", "drop", "user", "mapping", "for", "*"], [.keywords(["SERVER"])]),
            TailRule(["^", "create", "user", "mapping", "for", "*", "server"], [lookup(.server)]),
            TailRule(["^", "alter", "user", "mapping", "for", "*", "server"], [lookup(.server)]),
            TailRule(["^", "drop", "user", "mapping", "for", "*", "server"], [lookup(.server)]),
            // Indexes and tables.
            TailRule(["^", "alter", "index", "*"], [.keywords(["ALTER COLUMN", "OWNER TO", "RENAME TO", "SET", "RESET",
                                                              "ATTACH PARTITION", "DEPENDS ON EXTENSION", "NO DEPENDS ON EXTENSION"])]),
            TailRule(["^", "alter", "index", "*", "attach", "partition"], [index, schema]),
            TailRule(["^", "alter", "index", "*", "alter", "column", "*"], [.keywords(["SET STATISTICS"])]),
            TailRule(["^", "alter", "index", "*", "alter", "column", "*", "set"], [.keywords(["STATISTICS"])]),
            TailRule(["^", "alter", "table", "*", "add", "primary", "key", "using", "index"], [.objectsOfTarget(.index)]),
            TailRule(["^", "alter", "table", "*", "add", "unique", "using", "index"], [.objectsOfTarget(.index)]),
            TailRule(["^", "alter", "table", "*", "add", "constraint", "*", "primary", "key", "using", "index"], [.objectsOfTarget(.index)]),
            TailRule(["^", "alter", "table", "*", "add", "constraint", "*", "unique", "using", "index"], [.objectsOfTarget(.index)]),
            TailRule(["^", "alter", "table", "*", "add", "primary", "key"], [.keywords(["(", "USING INDEX"])]),
            TailRule(["^", "alter", "table", "*", "add", "unique"], [.keywords(["(", "USING INDEX"])]),
            TailRule(["^", "alter", "table", "*", "add", "constraint", "*"], [.keywords(["PRIMARY KEY", "UNIQUE", "FOREIGN KEY", "CHECK", "EXCLUDE"])]),
            TailRule(["^", "alter", "table", "*", "add"], [.targetColumns, .keywords(["COLUMN", "CONSTRAINT", "PRIMARY KEY", "FOREIGN KEY",
                                                                                   "UNIQUE", "CHECK", "EXCLUDE"])]),
            TailRule(["^", "alter", "table", "*", "enable", "*", "rule"], [.objectsOfTarget(.rule)]),
            TailRule(["^", "alter", "table", "*", "enable", "*", "trigger"], [.objectsOfTarget(.trigger)]),
            TailRule(["^", "alter", "table", "*", "set", "access", "method"], [lookup(.tableAccessMethod)]),
            TailRule(["^", "alter", "materialized", "view", "*", "set", "access", "method"], [lookup(.tableAccessMethod)]),
            TailRule(["^", "create", "…", "table", "…", "using"], [lookup(.tableAccessMethod)]),
            TailRule(["^", "create", "…", "index", "…", "on", "*", "using"], [lookup(.indexAccessMethod)]),
            // Types and domains.
            TailRule(["^", "alter", "type", "*"], [.keywords(["ADD ATTRIBUTE", "ADD VALUE", "ALTER ATTRIBUTE", "DROP ATTRIBUTE",
                                                             "OWNER TO", "RENAME", "RENAME VALUE", "RENAME TO", "RENAME ATTRIBUTE",
                                                             "SET SCHEMA", "SET ("])]),
            TailRule(["^", "alter", "domain", "*", "drop", "constraint"], [.domainConstraintsOfTarget]),
            TailRule(["^", "alter", "domain", "*", "rename", "constraint"], [.domainConstraintsOfTarget]),
            TailRule(["^", "alter", "domain", "*", "validate", "constraint"], [.domainConstraintsOfTarget]),
            TailRule(["^", "alter", "domain", "*"], [.keywords(["ADD", "DROP", "OWNER TO", "RENAME", "SET", "VALIDATE CONSTRAINT"])]),
            TailRule(["^", "alter", "domain", "*", "drop"], [.keywords(["CONSTRAINT", "DEFAULT", "NOT NULL"])]),
            TailRule(["^", "alter", "domain", "*", "rename"], [.keywords(["CONSTRAINT", "TO"])]),
            // COMMENT ON and SECURITY LABEL.
            TailRule(["^", "comment", "on"], [.keywords(commentOnObjects)]),
            TailRule(["^", "comment", "on", "constraint"], [constraint]),
            TailRule(["^", "comment", "on", "constraint", "*", "on"], [.tablesOfTarget(.constraint), .keywords(["DOMAIN"])]),
            TailRule(["^", "comment", "on", "constraint", "*", "on", "domain"], [.fixed(.datatype(schema: nil))]),
            TailRule(["^", "comment", "on", "foreign"], [.keywords(["DATA WRAPPER", "TABLE"])]),
            TailRule(["^", "comment", "on", "text", "search"], [.keywords(["CONFIGURATION", "DICTIONARY", "PARSER", "TEMPLATE"])]),
            TailRule(["^", "comment", "on", "transform", "for"], [.fixed(.datatype(schema: nil))]),
            TailRule(["^", "comment", "on", "transform", "for", "*"], [.keywords(["LANGUAGE"])]),
            TailRule(["^", "drop", "transform", "for"], [.fixed(.datatype(schema: nil))]),
            TailRule(["^", "drop", "transform", "for", "*"], [.keywords(["LANGUAGE"])]),
            TailRule(["^", "create", "…", "transform", "for"], [.fixed(.datatype(schema: nil))]),
            TailRule(["^", "create", "…", "transform", "for", "*"], [.keywords(["LANGUAGE"])]),
            TailRule(["^", "security", "label"], [.keywords(["ON", "FOR"])]),
            TailRule(["^", "security", "label", "for", "*"], [.keywords(["ON"])]),
            TailRule(["^", "security", "label", "on"], [.keywords(securityLabelObjects)]),
            TailRule(["^", "security", "label", "for", "*", "on"], [.keywords(securityLabelObjects)]),
            TailRule(["^", "security", "label", "…", "on", "*", "*"], [.keywords(["IS"])]),
            TailRule(["^", "security", "label", "…", "is"], [.keywords(["NULL"])]),
            // Time zones.
            TailRule(["^", "set", "time", "zone"], [lookup(.timeZone), .keywords(["LOCAL", "DEFAULT"])]),
            TailRule(["^", "set", "local", "time", "zone"], [lookup(.timeZone), .keywords(["LOCAL", "DEFAULT"])]),
            TailRule(["^", "set", "session", "time", "zone"], [lookup(.timeZone), .keywords(["LOCAL", "DEFAULT"])]),
            TailRule(["at", "time", "zone"], [lookup(.timeZone)]),
            // SET CONSTRAINTS.
            TailRule(["^", "set", "constraints"], [constraint, .keywords(["ALL"])]),
            TailRule(["^", "set", "constraints", "*"], [.keywords(["DEFERRED", "IMMEDIATE"])]),
            TailRule(["^", "set", "constraints", "all"], [.keywords(["DEFERRED", "IMMEDIATE"])]),
            // COPY's options after an unquoted file name (`COPY t FROM data.csv`).
            TailRule(["^", "copy", "*", "from", "*"], [.keywords(["WITH (", "WHERE"])]),
            TailRule(["^", "copy", "*", "to", "*"], [.keywords(["WITH ("])]),
            // Collations.
            TailRule(["^", "create", "collation", "*", "from"], [objects(.collation)]),
            TailRule(["^", "create", "collation", "*"], [.keywords(["(", "FROM"])]),
            // Event triggers.
            TailRule(["^", "create", "event", "trigger", "*", "on"], [.keywords(eventTriggerEvents)]),
            TailRule(["^", "create", "event", "trigger", "*", "on", "*"], [.keywords(["WHEN TAG IN (", "EXECUTE FUNCTION"])]),
            TailRule(["^", "create", "event", "trigger", "*"], [.keywords(["ON"])]),
            TailRule(["^", "create", "event"], [.keywords(["TRIGGER"])]),
            TailRule(["^", "alter", "event", "trigger", "*"], [.keywords(["DISABLE", "ENABLE", "OWNER TO", "RENAME TO"])]),
            // Cursors and prepared statements (the session's own).
            TailRule(["^", "declare", "*"], [.keywords(["BINARY", "ASENSITIVE", "INSENSITIVE", "SCROLL", "NO SCROLL", "CURSOR"])]),
            TailRule(["^", "close"], [lookup(.cursor), .keywords(["ALL"])]),
            TailRule(["^", "deallocate"], [lookup(.preparedStatement), .keywords(["PREPARE", "ALL"])]),
            TailRule(["^", "deallocate", "prepare"], [lookup(.preparedStatement), .keywords(["ALL"])]),
            TailRule(["^", "execute"], [lookup(.preparedStatement)]),
            TailRule(["^", "explain", "…", "execute"], [lookup(.preparedStatement)]),
            TailRule(["^", "unlisten"], [lookup(.channel), .keywords(["*"])]),
            // Languages.
            TailRule(["^", "do", "language"], [lookup(.language)]),
            TailRule(["language"], [lookup(.language)]),
            TailRule(["^", "drop", "language"], [lookup(.language)]),
            TailRule(["^", "drop", "procedural", "language"], [lookup(.language)]),
            TailRule(["^", "alter", "language"], [lookup(.language)]),
            TailRule(["^", "alter", "procedural", "language"], [lookup(.language)]),
            TailRule(["^", "comment", "on", "language"], [lookup(.language)]),
            TailRule(["^", "comment", "on", "procedural", "language"], [lookup(.language)]),
            TailRule(["on", "language"], [lookup(.language)]),
            // Event triggers, access methods, foreign data wrappers, servers by name.
            TailRule(["^", "drop", "event", "trigger"], [lookup(.eventTrigger)]),
            TailRule(["^", "alter", "event", "trigger"], [lookup(.eventTrigger)]),
            TailRule(["^", "comment", "on", "event", "trigger"], [lookup(.eventTrigger)]),
            TailRule(["^", "drop", "access", "method"], [lookup(.accessMethod)]),
            TailRule(["^", "comment", "on", "access", "method"], [lookup(.accessMethod)]),
            TailRule(["foreign", "data", "wrapper"], [lookup(.foreignDataWrapper)]),
            TailRule(["^", "drop", "server"], [lookup(.server)]),
            TailRule(["^", "alter", "server"], [lookup(.server)]),
            TailRule(["^", "comment", "on", "server"], [lookup(.server)]),
            TailRule(["^", "create", "foreign", "table", "*", "()", "server"], [lookup(.server)]),
            TailRule(["^", "comment", "on", "foreign", "table"], [.fixed(.relationOfKind(.foreignTable))]),
            TailRule(["^", "drop", "foreign", "table"], [.fixed(.relationOfKind(.foreignTable))]),
            TailRule(["^", "alter", "foreign", "table"], [.fixed(.relationOfKind(.foreignTable))]),
            // Extension versions.
            TailRule(["^", "alter", "extension", "*", "update", "to"], [.extensionVersionsOfTarget]),
            TailRule(["^", "create", "extension", "*", "version"], [.extensionVersionsOfTarget]),
            TailRule(["^", "create", "extension", "*", "…", "version"], [.extensionVersionsOfTarget]),
            TailRule(["^", "alter", "extension", "*"], [.keywords(["ADD", "DROP", "UPDATE", "SET SCHEMA"])]),
            TailRule(["^", "alter", "extension", "*", "update"], [.keywords(["TO"])]),
        ]
        // FETCH and MOVE: directions, then the session's cursors.
        for verb in ["fetch", "move"] {
            rules += [
                TailRule(["^", verb], [lookup(.cursor), .keywords(fetchDirections)]),
                TailRule(["^", verb, "backward"], [lookup(.cursor), .keywords(["ALL", "FROM", "IN"])]),
                TailRule(["^", verb, "forward"], [lookup(.cursor), .keywords(["ALL", "FROM", "IN"])]),
                TailRule(["^", verb, "…", "from"], [lookup(.cursor)]),
                TailRule(["^", verb, "…", "in"], [lookup(.cursor)]),
            ]
            for direction in ["all", "next", "prior", "first", "last"] {
                rules.append(TailRule(["^", verb, direction], [lookup(.cursor), .keywords(["FROM", "IN"])]))
            }
            for direction in ["absolute", "relative", "backward", "forward"] {
                rules.append(TailRule(["^", verb, direction, "lit"], [lookup(.cursor), .keywords(["FROM", "IN"])]))
            }
        }
        // Text search objects.
        for (word, kind) in [("configuration", CatalogLookupKind.textSearchConfiguration), ("dictionary", .textSearchDictionary),
                             ("parser", .textSearchParser), ("template", .textSearchTemplate)] {
            for head in [["^", "comment", "on"], ["^", "drop"], ["^", "alter"]] {
                rules.append(TailRule(head + ["text", "search", word], [lookup(kind), schema]))
            }
        }
        for head in [["^", "drop"], ["^", "alter"]] {
            rules.append(TailRule(head + ["text", "search"], [.keywords(["CONFIGURATION", "DICTIONARY", "PARSER", "TEMPLATE"])]))
        }
        return rules
    }()
}
