/// What a rule offers; scope-dependent kinds are filled in by the analyzer.
enum SuggestionTemplate: Sendable {
    case fixed(CompletionSuggestion)
    /// Columns of the references in scope, then their aliases.
    case columnsInScope
    /// Aliases (or names) of the references in scope.
    case aliasesInScope
    /// Columns of the relation the rule's first `*` names (`insert into T (`, `alter table T alter`).
    case targetColumns
    /// FK join suggestions from the references in scope.
    case joinsFromScope
    /// FK join conditions between the last joined reference and the ones before it.
    case joinConditions
    case keywords([String])
    /// Catalog objects of a kind that belong to the rule's first `*` (its constraints, its triggers).
    case objectsOfTarget(CatalogObjectKind)
    /// Tables having an object of a kind named by the rule's first `*` (`DROP TRIGGER x ON`).
    case tablesOfTarget(CatalogObjectKind)
    /// The labels of the enum type the rule's first `*` names.
    case enumLabelsOfTarget
    /// The values of the setting named right before the rule's last element (`SET x TO`).
    case settingValuesOfTarget
    /// The versions of the extension the rule's first `*` names.
    case extensionVersionsOfTarget
    /// The constraints of the domain the rule's first `*` names.
    case domainConstraintsOfTarget
}

/// A declarative completion rule: when the level tokens before the word end
/// with `pattern`, offer `offers`. Pattern elements: a lower-case keyword or
/// punctuation, `*` (a possibly qualified name), `^` (the statement start),
/// `…` (any run of items).
struct TailRule: Sendable {
    let pattern: [String]
    let offers: [SuggestionTemplate]
    init(_ pattern: [String], _ offers: [SuggestionTemplate]) {
        self.pattern = pattern
        self.offers = offers
    }
}

/// The rule tables: data, not code. The analyzer tries `tailRules` (longest
/// pattern first), then decides by the clause the word is in.
enum CompletionRules {
    static let relation: SuggestionTemplate = .fixed(.relation(schema: nil))
    static let schema: SuggestionTemplate = .fixed(.schema)
    static let function: SuggestionTemplate = .fixed(.function(schema: nil))
    static let tableFunction: SuggestionTemplate = .fixed(.tableFunction(schema: nil))
    static let datatype: SuggestionTemplate = .fixed(.datatype(schema: nil))
    static let role: SuggestionTemplate = .fixed(.role)
    static let database: SuggestionTemplate = .fixed(.database)
    static let setting: SuggestionTemplate = .fixed(.setting)
    static func objects(_ kind: CatalogObjectKind) -> SuggestionTemplate { .fixed(.catalogObject(kind, table: nil)) }

    static let statementStarts = [
        "SELECT", "INSERT INTO", "UPDATE", "DELETE FROM", "WITH", "CREATE", "ALTER", "DROP", "TRUNCATE",
        "GRANT", "REVOKE", "BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "EXPLAIN", "ANALYZE", "VACUUM", "COPY",
        "SET", "SHOW", "RESET", "TABLE", "VALUES", "COMMENT ON", "CALL", "DO", "LOCK", "REINDEX",
        "REFRESH MATERIALIZED VIEW", "PREPARE", "EXECUTE", "DEALLOCATE", "LISTEN", "NOTIFY", "DISCARD",
        "CLUSTER", "MERGE INTO", "START TRANSACTION", "RELEASE SAVEPOINT",
    ]
    static let createObjects = [
        "TABLE", "VIEW", "MATERIALIZED VIEW", "INDEX", "UNIQUE INDEX", "FUNCTION", "PROCEDURE", "OR REPLACE",
        "SCHEMA", "SEQUENCE", "TYPE", "DOMAIN", "EXTENSION", "ROLE", "USER", "DATABASE", "TRIGGER",
        "TEMPORARY TABLE", "UNLOGGED TABLE", "POLICY", "AGGREGATE", "PUBLICATION", "SUBSCRIPTION",
        "ACCESS METHOD", "CAST", "COLLATION", "CONVERSION", "DEFAULT CONVERSION", "EVENT TRIGGER", "FOREIGN DATA WRAPPER",
        "FOREIGN TABLE", "GROUP", "LANGUAGE", "OPERATOR", "RULE", "SERVER", "STATISTICS", "TABLESPACE", "TEXT SEARCH",
        "TRANSFORM", "USER MAPPING", "CONSTRAINT TRIGGER",
    ]
    static let dropObjects = [
        "TABLE", "VIEW", "MATERIALIZED VIEW", "INDEX", "FUNCTION", "PROCEDURE", "SCHEMA", "SEQUENCE", "TYPE",
        "DOMAIN", "EXTENSION", "ROLE", "USER", "DATABASE", "TRIGGER", "POLICY", "OWNED BY", "AGGREGATE",
        "ACCESS METHOD", "CAST", "COLLATION", "CONVERSION", "EVENT TRIGGER", "FOREIGN DATA WRAPPER", "FOREIGN TABLE",
        "GROUP", "LANGUAGE", "OPERATOR", "PUBLICATION", "ROUTINE", "RULE", "SERVER", "STATISTICS", "SUBSCRIPTION",
        "TABLESPACE", "TEXT SEARCH", "TRANSFORM", "USER MAPPING",
    ]
    static let alterObjects = [
        "TABLE", "VIEW", "MATERIALIZED VIEW", "INDEX", "FUNCTION", "PROCEDURE", "SCHEMA", "SEQUENCE", "TYPE",
        "DOMAIN", "ROLE", "USER", "DATABASE", "DEFAULT PRIVILEGES", "SYSTEM", "EXTENSION",
        "AGGREGATE", "COLLATION", "CONVERSION", "EVENT TRIGGER", "FOREIGN DATA WRAPPER", "FOREIGN TABLE", "GROUP",
        "LANGUAGE", "LARGE OBJECT", "OPERATOR", "POLICY", "PUBLICATION", "ROUTINE", "RULE", "SERVER", "STATISTICS",
        "SUBSCRIPTION", "TABLESPACE", "TEXT SEARCH", "TRIGGER", "USER MAPPING",
    ]
    static let expressionKeywords = [
        "CASE", "CAST", "EXISTS", "NOT", "NULL", "TRUE", "FALSE", "ARRAY", "INTERVAL", "CURRENT_DATE", "CURRENT_TIMESTAMP",
        "CURRENT_TIME", "CURRENT_USER", "SESSION_USER", "LOCALTIMESTAMP", "DEFAULT", "CURRENT_SCHEMA", "CURRENT_ROLE",
        "CURRENT_CATALOG", "LOCALTIME",
    ]
    /// Ends a keyword list: after these, every other keyword, ranked last (in an
    /// expression anything may follow, as pgcli offers it).
    static let everyOtherKeyword = "…"
    /// Built-in functions that SQL spells as keywords without parentheses (`current_user()`
    /// is a syntax error): offered as the keywords above, never as `"current_user"`.
    static let keywordFunctions: Set<String> = ["current_user", "current_schema", "session_user", "current_role", "current_catalog", "user"]
    static let afterSelectItem = ["FROM", "AS", "INTO", "UNION", "UNION ALL", "EXCEPT", "INTERSECT", "ORDER BY", "LIMIT"]
    static let afterFromItem = [
        "WHERE", "JOIN", "INNER JOIN", "LEFT JOIN", "RIGHT JOIN", "FULL JOIN", "CROSS JOIN", "NATURAL JOIN",
        "LEFT OUTER JOIN", "GROUP BY", "HAVING", "ORDER BY", "LIMIT", "OFFSET", "UNION", "UNION ALL", "EXCEPT",
        "INTERSECT", "WINDOW", "FOR UPDATE",
    ]
    static let afterJoinItem = ["ON", "USING"] + afterFromItem
    static let afterCondition = [
        "AND", "OR", "IS", "NOT", "IN", "LIKE", "ILIKE", "BETWEEN", "GROUP BY", "ORDER BY", "LIMIT", "OFFSET",
        "UNION", "EXCEPT", "INTERSECT", "RETURNING", "FOR UPDATE",
    ]
    static let afterJoinCondition = ["AND", "OR"] + afterFromItem
    static let afterGroupBy = ["HAVING", "ORDER BY", "LIMIT", "OFFSET", "UNION", "EXCEPT", "INTERSECT", "WINDOW"]
    static let afterOrderBy = ["ASC", "DESC", "NULLS FIRST", "NULLS LAST", "LIMIT", "OFFSET", "FETCH FIRST", "FOR UPDATE"]
    static let afterInsertTarget = ["VALUES", "SELECT", "DEFAULT VALUES", "OVERRIDING SYSTEM VALUE", "WITH"]
    static let afterValues = ["ON CONFLICT", "RETURNING"]
    static let afterUpdateTarget = ["SET"]
    static let afterSetItem = ["FROM", "WHERE", "RETURNING"]
    static let afterDeleteTarget = ["WHERE", "USING", "RETURNING"]
    static let alterTableActions = [
        "ADD COLUMN", "ADD CONSTRAINT", "ALTER COLUMN", "DROP COLUMN", "DROP CONSTRAINT", "RENAME TO",
        "RENAME COLUMN", "OWNER TO", "SET SCHEMA", "ENABLE TRIGGER", "DISABLE TRIGGER", "ATTACH PARTITION",
        "DETACH PARTITION", "ENABLE ROW LEVEL SECURITY", "DISABLE ROW LEVEL SECURITY", "FORCE ROW LEVEL SECURITY",
        "NO FORCE ROW LEVEL SECURITY", "VALIDATE CONSTRAINT", "CLUSTER ON", "INHERIT", "NO INHERIT", "REPLICA IDENTITY",
        "SET TABLESPACE", "SET LOGGED", "SET UNLOGGED", "SET (", "RESET (", "ENABLE RULE", "DISABLE RULE",
        "ADD", "ALTER", "DROP", "RENAME", "SET", "ENABLE", "DISABLE",
    ]
    /// Role attributes (`CREATE ROLE r WITH …`, `ALTER ROLE r WITH …`).
    static let roleOptions = [
        "LOGIN", "NOLOGIN", "SUPERUSER", "NOSUPERUSER", "CREATEDB", "NOCREATEDB", "CREATEROLE", "NOCREATEROLE",
        "INHERIT", "NOINHERIT", "REPLICATION", "NOREPLICATION", "BYPASSRLS", "NOBYPASSRLS", "CONNECTION LIMIT",
        "PASSWORD", "ENCRYPTED PASSWORD", "VALID UNTIL", "IN ROLE", "ROLE", "ADMIN",
    ]
    static let policyClauses = ["AS", "FOR", "TO", "USING (", "WITH CHECK ("]
    /// Options in parentheses after ANALYZE, VACUUM and EXPLAIN.
    static let analyzeOptions = ["VERBOSE", "SKIP_LOCKED"]
    static let vacuumOptions = ["FULL", "FREEZE", "VERBOSE", "ANALYZE", "DISABLE_PAGE_SKIPPING", "SKIP_LOCKED",
                                "INDEX_CLEANUP", "PROCESS_TOAST", "TRUNCATE", "PARALLEL"]
    static let explainOptions = ["ANALYZE", "VERBOSE", "COSTS", "SETTINGS", "BUFFERS", "WAL", "TIMING", "SUMMARY", "FORMAT"]
    static let alterColumnActions = [
        "TYPE", "SET DATA TYPE", "SET DEFAULT", "DROP DEFAULT", "SET NOT NULL", "DROP NOT NULL", "SET STATISTICS",
    ]
    static let tableElementStarts = ["PRIMARY KEY", "CONSTRAINT", "FOREIGN KEY", "UNIQUE", "CHECK", "LIKE", "EXCLUDE"]
    static let columnConstraints = [
        "NOT NULL", "NULL", "DEFAULT", "PRIMARY KEY", "REFERENCES", "UNIQUE", "CHECK", "COLLATE", "GENERATED", "CONSTRAINT",
    ]
    /// What follows SET besides a setting's name (the names come from `pg_settings`).
    static let setTargets = ["ROLE", "SESSION AUTHORIZATION", "TIME ZONE", "TRANSACTION", "LOCAL", "SESSION", "CONSTRAINTS"]
    static let isFollow = ["NULL", "NOT NULL", "TRUE", "FALSE", "DISTINCT FROM", "NOT DISTINCT FROM", "UNKNOWN"]
    static let notFollow = ["NULL", "IN", "LIKE", "ILIKE", "EXISTS", "BETWEEN", "DISTINCT FROM"]
    static let subqueryStarts = ["SELECT", "VALUES", "WITH", "TABLE"]
    static let grantPrivileges = [
        "SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER", "ALL PRIVILEGES", "ALL",
        "USAGE", "CREATE", "CONNECT", "TEMPORARY", "EXECUTE",
    ]
    static let grantOnTargets = ["TABLE", "ALL TABLES IN SCHEMA", "SCHEMA", "DATABASE", "FUNCTION", "SEQUENCE"]
    static let transactionModes = ["TRANSACTION", "WORK", "ISOLATION LEVEL", "READ ONLY", "READ WRITE", "DEFERRABLE", "NOT DEFERRABLE"]

    /// Rules on the last items before the word, tried longest pattern first.
    static let tailRules: [TailRule] = {
        let rules: [TailRule] = [
            // Types.
            TailRule(["::"], [datatype]),
            TailRule(["returns"], [datatype, .keywords(["TABLE", "SETOF", "TRIGGER", "VOID"])]),
            TailRule(["setof"], [datatype]),
            TailRule(["^", "alter", "table", "*", "alter", "*", "type"], [datatype]),
            TailRule(["^", "alter", "table", "*", "alter", "column", "*", "type"], [datatype]),
            TailRule(["^", "alter", "table", "*", "alter", "*", "set", "data", "type"], [datatype]),
            TailRule(["^", "alter", "table", "*", "alter", "column", "*", "set", "data", "type"], [datatype]),
            TailRule(["^", "alter", "table", "*", "add", "column", "*"], [datatype]),
            TailRule(["^", "alter", "table", "*", "add", "*"], [datatype]),
            TailRule(["^", "create", "domain", "*", "as"], [datatype]),
            TailRule(["^", "create", "type", "*", "as"], [.keywords(["ENUM", "RANGE"])]),
            // Roles.
            TailRule(["owner", "to"], [role]),
            TailRule(["^", "grant", "…", "to"], [role, .keywords(["PUBLIC"])]),
            TailRule(["^", "grant", "…", "to", "…", ","], [role]),
            TailRule(["^", "revoke", "…", "from"], [role, .keywords(["PUBLIC"])]),
            TailRule(["^", "set", "role"], [role, .keywords(["NONE"])]),
            TailRule(["^", "set", "session", "authorization"], [role, .keywords(["DEFAULT"])]),
            TailRule(["^", "alter", "role"], [role]),
            TailRule(["^", "alter", "user"], [role]),
            TailRule(["^", "drop", "role"], [role]),
            TailRule(["^", "drop", "user"], [role]),
            TailRule(["^", "drop", "owned", "by"], [role]),
            TailRule(["^", "reassign", "owned", "by"], [role]),
            TailRule(["authorization"], [role]),
            // Schemas.
            TailRule(["^", "set", "search_path", "to"], [schema]),
            TailRule(["^", "set", "search_path", "="], [schema]),
            TailRule(["^", "set", "search_path", "…", ","], [schema]),
            TailRule(["^", "set", "local", "search_path", "to"], [schema]),
            TailRule(["^", "set", "schema"], [.fixed(.settingValue(name: "schema"))]),
            TailRule(["set", "schema"], [schema]),
            TailRule(["^", "drop", "schema"], [schema]),
            TailRule(["^", "alter", "schema"], [schema]),
            TailRule(["^", "comment", "on", "schema"], [schema]),
            TailRule(["in", "schema"], [schema]),
            TailRule(["on", "schema"], [schema]),
            TailRule(["^", "create", "schema"], [.keywords(["IF NOT EXISTS", "AUTHORIZATION"])]),
            // Databases.
            TailRule(["^", "drop", "database"], [database]),
            TailRule(["^", "alter", "database"], [database]),
            TailRule(["on", "database"], [database]),
            TailRule(["^", "create", "database", "*", "template"], [database]),
            // Relations.
            TailRule(["^", "table"], [relation, schema]),
            TailRule(["^", "drop", "table"], [relation, schema]),
            TailRule(["^", "drop", "table", "…", ","], [relation, schema]),
            TailRule(["^", "drop", "view"], [relation, schema]),
            TailRule(["^", "drop", "materialized", "view"], [relation, schema]),
            TailRule(["^", "alter", "table"], [relation, schema]),
            TailRule(["^", "alter", "view"], [relation, schema]),
            TailRule(["^", "alter", "materialized", "view"], [relation, schema]),
            TailRule(["^", "refresh", "materialized", "view"], [relation, schema, .keywords(["CONCURRENTLY"])]),
            TailRule(["^", "truncate"], [relation, schema, .keywords(["TABLE", "ONLY"])]),
            TailRule(["^", "truncate", "table"], [relation, schema, .keywords(["ONLY"])]),
            TailRule(["^", "truncate", "…", ","], [relation, schema]),
            TailRule(["^", "lock"], [relation, schema, .keywords(["TABLE"])]),
            TailRule(["^", "lock", "table"], [relation, schema, .keywords(["ONLY"])]),
            TailRule(["^", "copy"], [relation, schema, .keywords(["("])]),
            TailRule(["^", "vacuum"], [relation, schema, .keywords(["FULL", "ANALYZE", "VERBOSE"])]),
            TailRule(["^", "vacuum", "full"], [relation, schema, .keywords(["FREEZE", "ANALYZE", "VERBOSE"])]),
            TailRule(["^", "vacuum", "analyze"], [relation, schema]),
            TailRule(["^", "analyze"], [relation, schema, .keywords(["VERBOSE"])]),
            TailRule(["^", "cluster"], [relation, schema, .keywords(["VERBOSE"])]),
            TailRule(["^", "comment", "on", "table"], [relation, schema]),
            TailRule(["^", "comment", "on", "view"], [relation, schema]),
            TailRule(["^", "comment", "on", "column"], [relation, schema]),
            TailRule(["^", "comment", "on", "…", "is"], [.keywords(["NULL"])]),
            TailRule(["references"], [relation, schema]),
            TailRule(["^", "create", "…", "index", "…", "on"], [relation, schema]),
            TailRule(["^", "create", "…", "index", "on"], [relation, schema]),
            TailRule(["^", "create", "…", "trigger", "…", "on"], [relation, schema]),
            TailRule(["^", "create", "…", "policy", "*", "on"], [relation, schema]),
            TailRule(["^", "grant", "…", "on"], [relation, schema, .keywords(grantOnTargets)]),
            TailRule(["^", "grant", "…", "on", "table"], [relation, schema]),
            TailRule(["^", "revoke", "…", "on"], [relation, schema, .keywords(grantOnTargets)]),
            TailRule(["^", "insert", "into"], [relation, schema]),
            TailRule(["^", "insert", "into", "*"], [.keywords(afterInsertTarget)]),
            TailRule(["^", "insert", "into", "*", "as", "*"], [.keywords(afterInsertTarget)]),
            TailRule(["^", "insert", "into", "*", "()"], [.keywords(["VALUES", "SELECT", "OVERRIDING SYSTEM VALUE", "WITH"])]),
            TailRule(["^", "insert"], [.keywords(["INTO"])]),
            TailRule(["^", "merge", "into"], [relation, schema]),
            TailRule(["^", "update"], [relation, schema]),
            TailRule(["^", "update", "*"], [.keywords(afterUpdateTarget)]),
            TailRule(["^", "update", "*", "*"], [.keywords(afterUpdateTarget)]),
            TailRule(["^", "update", "*", "as", "*"], [.keywords(afterUpdateTarget)]),
            TailRule(["^", "delete"], [.keywords(["FROM"])]),
            TailRule(["^", "delete", "from"], [relation, schema]),
            TailRule(["^", "delete", "from", "*"], [.keywords(afterDeleteTarget)]),
            TailRule(["^", "delete", "from", "*", "*"], [.keywords(afterDeleteTarget)]),
            // ALTER TABLE … COLUMN.
            TailRule(["^", "alter", "table", "*"], [.keywords(alterTableActions)]),
            TailRule(["^", "alter", "table", "*", "alter"], [.targetColumns, .keywords(["COLUMN", "CONSTRAINT"])]),
            TailRule(["^", "alter", "table", "*", "alter", "column"], [.targetColumns]),
            TailRule(["^", "alter", "table", "*", "drop"], [.targetColumns, .keywords(["COLUMN", "CONSTRAINT"])]),
            TailRule(["^", "alter", "table", "*", "drop", "column"], [.targetColumns]),
            TailRule(["^", "alter", "table", "*", "rename"], [.targetColumns, .keywords(["COLUMN", "TO", "CONSTRAINT"])]),
            TailRule(["^", "alter", "table", "*", "rename", "column"], [.targetColumns]),
            TailRule(["^", "alter", "table", "*", "alter", "*"], [.keywords(alterColumnActions)]),
            TailRule(["^", "alter", "table", "*", "alter", "column", "*"], [.keywords(alterColumnActions)]),
            TailRule(["^", "alter", "table", "*", "add", "column"], []),
            TailRule(["^", "alter", "table", "*", "add", "constraint"], []),
            TailRule(["^", "alter", "table", "*", "alter", "*", "set"], [.keywords(["DEFAULT", "NOT NULL", "DATA TYPE", "STATISTICS"])]),
            TailRule(["^", "alter", "table", "*", "alter", "column", "*", "set"], [.keywords(["DEFAULT", "NOT NULL", "DATA TYPE", "STATISTICS"])]),
            TailRule(["^", "alter", "table", "*", "alter", "*", "drop"], [.keywords(["DEFAULT", "NOT NULL"])]),
            TailRule(["^", "alter", "table", "*", "alter", "column", "*", "drop"], [.keywords(["DEFAULT", "NOT NULL"])]),
            TailRule(["^", "alter", "table", "*", "rename", "to"], []),
            // Functions.
            TailRule(["^", "drop", "function"], [function, schema]),
            TailRule(["^", "drop", "procedure"], [function, schema]),
            TailRule(["^", "drop", "aggregate"], [function, schema]),
            TailRule(["^", "alter", "function"], [function, schema]),
            TailRule(["^", "alter", "procedure"], [function, schema]),
            TailRule(["^", "comment", "on", "function"], [function, schema]),
            TailRule(["^", "call"], [function, schema]),
            TailRule(["execute", "function"], [function, schema]),
            TailRule(["execute", "procedure"], [function, schema]),
            TailRule(["on", "function"], [function, schema]),
            // Statement heads.
            TailRule(["^", "create"], [.keywords(createObjects)]),
            TailRule(["^", "create", "or", "replace"], [.keywords(["VIEW", "FUNCTION", "PROCEDURE", "TRIGGER", "AGGREGATE", "RULE"])]),
            TailRule(["^", "create", "unique"], [.keywords(["INDEX"])]),
            TailRule(["^", "create", "materialized"], [.keywords(["VIEW"])]),
            TailRule(["^", "create", "temporary"], [.keywords(["TABLE", "VIEW", "SEQUENCE"])]),
            TailRule(["^", "create", "temp"], [.keywords(["TABLE", "VIEW", "SEQUENCE"])]),
            // As psql: the existing names after CREATE TABLE / FUNCTION (to copy or replace one).
            TailRule(["^", "create", "table"], [.fixed(.relationOfKind(.table)), .keywords(["IF NOT EXISTS"])]),
            TailRule(["^", "create", "function"], [function, schema]),
            TailRule(["^", "create", "or", "replace", "function"], [function, schema]),
            TailRule(["^", "create", "procedure"], [function, schema]),
            TailRule(["^", "create", "or", "replace", "procedure"], [function, schema]),
            TailRule(["^", "create", "table", "*"], [.keywords(["(", "AS", "PARTITION OF", "OF"])]),
            TailRule(["^", "create", "view", "*"], [.keywords(["AS"])]),
            TailRule(["^", "create", "view", "*", "as"], [.keywords(["SELECT", "VALUES", "WITH"])]),
            TailRule(["^", "create", "materialized", "view", "*"], [.keywords(["AS"])]),
            TailRule(["^", "create", "…", "index"], [.keywords(["ON", "CONCURRENTLY", "IF NOT EXISTS"])]),
            TailRule(["^", "create", "…", "index", "*"], [.keywords(["ON"])]),
            TailRule(["^", "create", "…", "index", "…", "on", "*"], [.keywords(["USING", "("])]),
            TailRule(["^", "drop"], [.keywords(dropObjects)]),
            TailRule(["^", "drop", "materialized"], [.keywords(["VIEW"])]),
            TailRule(["^", "alter"], [.keywords(alterObjects)]),
            TailRule(["^", "alter", "materialized"], [.keywords(["VIEW"])]),
            TailRule(["^", "explain"], [.keywords(["ANALYZE", "VERBOSE", "(", "SELECT", "INSERT INTO", "UPDATE", "DELETE FROM", "WITH", "VALUES", "TABLE",
                                                   "MERGE INTO", "EXECUTE", "DECLARE", "CREATE TABLE", "REFRESH MATERIALIZED VIEW"])]),
            TailRule(["^", "begin"], [.keywords(transactionModes)]),
            TailRule(["^", "start"], [.keywords(["TRANSACTION"])]),
            TailRule(["^", "rollback"], [.keywords(["TO SAVEPOINT", "WORK", "TRANSACTION", "AND CHAIN", "PREPARED"])]),
            TailRule(["^", "commit"], [.keywords(["WORK", "TRANSACTION", "AND CHAIN", "PREPARED"])]),
            TailRule(["^", "start", "transaction"], [.keywords(Array(transactionModes.dropFirst(2)))]),
            TailRule(["^", "set", "transaction"], [.keywords(["ISOLATION LEVEL", "READ ONLY", "READ WRITE", "DEFERRABLE", "NOT DEFERRABLE", "SNAPSHOT"])]),
            // Options of one statement kind, written here from the SQL grammar.
            TailRule(["^", "drop", "trigger", "*", "on", "*"], [.keywords(["CASCADE", "RESTRICT"])]),
            TailRule(["^", "drop", "policy", "*", "on", "*"], [.keywords(["CASCADE", "RESTRICT"])]),
            TailRule(["^", "drop", "rule", "*", "on", "*"], [.keywords(["CASCADE", "RESTRICT"])]),
            TailRule(["^", "alter", "table", "*", "set"], [.keywords(["SCHEMA", "TABLESPACE", "LOGGED", "UNLOGGED", "WITH", "WITHOUT", "ACCESS METHOD", "("])]),
            TailRule(["^", "alter", "table", "*", "set", "without"], [.keywords(["CLUSTER", "OIDS"])]),
            TailRule(["^", "alter", "table", "*", "enable"], [.keywords(["TRIGGER", "RULE", "ROW LEVEL SECURITY", "REPLICA", "ALWAYS"])]),
            TailRule(["^", "alter", "table", "*", "disable"], [.keywords(["TRIGGER", "RULE", "ROW LEVEL SECURITY"])]),
            TailRule(["^", "alter", "table", "*", "enable", "trigger"], [.objectsOfTarget(.trigger), .keywords(["ALL", "USER"])]),
            TailRule(["^", "alter", "table", "*", "disable", "trigger"], [.objectsOfTarget(.trigger), .keywords(["ALL", "USER"])]),
            TailRule(["^", "alter", "table", "*", "enable", "rule"], [.objectsOfTarget(.rule)]),
            TailRule(["^", "alter", "table", "*", "disable", "rule"], [.objectsOfTarget(.rule)]),
            TailRule(["^", "alter", "table", "*", "inherit"], [relation, schema]),
            TailRule(["^", "alter", "table", "*", "no", "inherit"], [relation, schema]),
            TailRule(["^", "alter", "table", "*", "no"], [.keywords(["INHERIT", "FORCE ROW LEVEL SECURITY"])]),
            TailRule(["^", "alter", "table", "*", "attach", "partition"], [relation, schema]),
            TailRule(["^", "alter", "table", "*", "detach", "partition"], [relation, schema]),
            TailRule(["^", "alter", "table", "*", "replica", "identity"], [.keywords(["FULL", "NOTHING", "DEFAULT", "USING INDEX"])]),
            TailRule(["^", "alter", "table", "*", "replica", "identity", "using"], [.keywords(["INDEX"])]),
            TailRule(["^", "alter", "table", "*", "replica", "identity", "using", "index"], [.objectsOfTarget(.index)]),
            TailRule(["^", "alter", "table", "*", "cluster", "on"], [.objectsOfTarget(.index)]),
            TailRule(["^", "alter", "index", "*", "set"], [.keywords(["TABLESPACE", "("])]),
            TailRule(["^", "alter", "sequence", "*", "set"], [.keywords(["SCHEMA", "LOGGED", "UNLOGGED"])]),
            TailRule(["^", "alter", "domain", "*", "set"], [.keywords(["DEFAULT", "NOT NULL", "SCHEMA"])]),
            TailRule(["^", "alter", "materialized", "view", "*", "set"], [.keywords(["SCHEMA", "TABLESPACE", "ACCESS METHOD", "WITHOUT CLUSTER", "("])]),
            TailRule(["^", "create", "…", "policy", "*", "on", "*"], [.keywords(policyClauses)]),
            TailRule(["^", "create", "…", "policy", "*", "on", "*", "as"], [.keywords(["PERMISSIVE", "RESTRICTIVE"])]),
            TailRule(["^", "create", "…", "policy", "*", "on", "*", "as", "*"], [.keywords(["FOR", "TO", "USING (", "WITH CHECK ("])]),
            TailRule(["^", "create", "…", "policy", "…", "for"], [.keywords(["ALL", "SELECT", "INSERT", "UPDATE", "DELETE"])]),
            TailRule(["^", "create", "…", "policy", "…", "for", "all"], [.keywords(["TO", "USING (", "WITH CHECK ("])]),
            TailRule(["^", "create", "…", "policy", "…", "for", "select"], [.keywords(["TO", "USING ("])]),
            TailRule(["^", "create", "…", "policy", "…", "for", "delete"], [.keywords(["TO", "USING ("])]),
            TailRule(["^", "create", "…", "policy", "…", "for", "insert"], [.keywords(["TO", "WITH CHECK ("])]),
            TailRule(["^", "create", "…", "policy", "…", "for", "update"], [.keywords(["TO", "USING (", "WITH CHECK ("])]),
            TailRule(["^", "alter", "policy", "*", "on", "*"], [.keywords(["RENAME TO", "TO", "USING (", "WITH CHECK ("])]),
            TailRule(["^", "alter", "policy", "*", "on", "*", "to"], [role, .keywords(["PUBLIC", "CURRENT_USER", "SESSION_USER"])]),
            TailRule(["^", "alter", "rule", "*", "on", "*"], [.keywords(["RENAME TO"])]),
            TailRule(["^", "alter", "trigger", "*", "on", "*"], [.keywords(["RENAME TO", "DEPENDS ON EXTENSION", "NO DEPENDS ON EXTENSION"])]),
            TailRule(["^", "alter", "rule", "*", "on"], [.tablesOfTarget(.rule)]),
            TailRule(["^", "comment", "on", "constraint", "*"], [.keywords(["ON"])]),
            TailRule(["^", "comment", "on", "policy", "*"], [.keywords(["ON"])]),
            TailRule(["^", "comment", "on", "rule", "*"], [.keywords(["ON"])]),
            TailRule(["^", "comment", "on", "trigger", "*"], [.keywords(["ON"])]),
            TailRule(["^", "comment", "on", "policy"], [objects(.policy)]),
            TailRule(["^", "comment", "on", "policy", "*", "on"], [.tablesOfTarget(.policy)]),
            TailRule(["^", "comment", "on", "rule", "*", "on"], [.tablesOfTarget(.rule)]),
            TailRule(["^", "comment", "on", "materialized", "view"], [relation, schema]),
            TailRule(["^", "create", "…", "view", "*", "as"], [.keywords(subqueryStarts)]),
            TailRule(["^", "prepare", "*", "as"], [.keywords(["SELECT", "INSERT INTO", "UPDATE", "DELETE FROM", "WITH", "VALUES", "MERGE INTO"])]),
            TailRule(["^", "do"], [.keywords(["LANGUAGE"])]),
            TailRule(["^", "copy", "*", "from", "lit"], [.keywords(["WITH (", "WHERE"])]),
            TailRule(["^", "copy", "*", "to", "lit"], [.keywords(["WITH ("])]),
            TailRule(["^", "grant"], [.keywords(grantPrivileges), role]),
            TailRule(["^", "revoke"], [.keywords(grantPrivileges), role]),
            TailRule(["^", "refresh"], [.keywords(["MATERIALIZED VIEW"])]),
            TailRule(["^", "reindex"], [.keywords(["TABLE", "INDEX", "SCHEMA", "DATABASE", "SYSTEM"])]),
            TailRule(["^", "reindex", "table"], [relation, schema]),
            TailRule(["^", "reindex", "schema"], [schema]),
            TailRule(["^", "reindex", "database"], [database]),
            TailRule(["^", "discard"], [.keywords(["ALL", "PLANS", "SEQUENCES", "TEMPORARY", "TEMP"])]),
            TailRule(["^", "with"], [.keywords(["RECURSIVE"])]),
            TailRule(["^", "with", "recursive"], []),
            TailRule(["^", "with", "…", "as"], [.keywords(["(", "MATERIALIZED", "NOT MATERIALIZED"])]),
            // Expression keywords.
            TailRule(["is"], [.keywords(isFollow)]),
            TailRule(["is", "not"], [.keywords(["NULL", "TRUE", "FALSE", "DISTINCT FROM", "UNKNOWN"])]),
            TailRule(["order"], [.keywords(["BY"])]),
            TailRule(["group"], [.keywords(["BY"])]),
            TailRule(["partition"], [.keywords(["BY"])]),
            TailRule(["left"], [.keywords(["JOIN", "OUTER JOIN"])]),
            TailRule(["right"], [.keywords(["JOIN", "OUTER JOIN"])]),
            TailRule(["full"], [.keywords(["JOIN", "OUTER JOIN"])]),
            TailRule(["inner"], [.keywords(["JOIN"])]),
            TailRule(["cross"], [.keywords(["JOIN"])]),
            TailRule(["natural"], [.keywords(["JOIN", "LEFT JOIN", "INNER JOIN"])]),
            TailRule(["outer"], [.keywords(["JOIN"])]),
            TailRule(["nulls"], [.keywords(["FIRST", "LAST"])]),
            TailRule(["union"], [.keywords(["ALL", "SELECT"])]),
            TailRule(["union", "all"], [.keywords(["SELECT"])]),
            TailRule(["intersect"], [.keywords(["SELECT", "ALL"])]),
            TailRule(["except"], [.keywords(["SELECT", "ALL"])]),
            TailRule(["on", "conflict"], [.keywords(["DO NOTHING", "DO UPDATE SET", "ON CONSTRAINT"])]),
            TailRule(["do"], [.keywords(["NOTHING", "UPDATE SET"])]),
            TailRule(["as"], []),
            TailRule(["limit"], [.keywords(["ALL"])]),
            TailRule(["offset"], []),
            TailRule(["fetch"], [.keywords(["FIRST", "NEXT"])]),
            TailRule(["exists"], [.keywords(["("])]),
            TailRule(["for"], [.keywords(["UPDATE", "SHARE", "NO KEY UPDATE", "KEY SHARE"])]),
        ]
        // psql's breadth first: among patterns of one length its rules are the more specific.
        let all = breadthRules + rules + utilityRules
        // Longest first; among equals, the earlier in the table (a stable order).
        return all.enumerated().sorted { a, b in
            a.element.pattern.count != b.element.pattern.count ? a.element.pattern.count > b.element.pattern.count : a.offset < b.offset
        }.map(\.element)
    }()

    /// The tail rules that can apply inside parentheses (not anchored at the statement start).
    static let innerTailRules = tailRules.filter { $0.pattern.first != "^" }

    /// psql's utility breadth: objects by kind, settings, extensions, enum labels, files.
    static let utilityRules: [TailRule] = {
        let index = objects(.index), sequence = objects(.sequence), trigger = objects(.trigger)
        let policy = objects(.policy), rule = objects(.rule)
        var rules: [TailRule] = []
        // Constraints and triggers of a table.
        for verb in ["drop", "rename", "validate", "alter"] {
            rules.append(TailRule(["^", "alter", "table", "*", verb, "constraint"], [.objectsOfTarget(.constraint)]))
        }
        for verb in ["enable", "disable"] {
            rules.append(TailRule(["^", "alter", "table", "*", verb, "trigger"], [.objectsOfTarget(.trigger), .keywords(["ALL", "USER"])]))
            rules.append(TailRule(["^", "alter", "table", "*", verb, "rule"], [.objectsOfTarget(.rule)]))
        }
        rules += [
            TailRule(["^", "alter", "table", "*", "enable"], [.keywords(["TRIGGER", "ROW LEVEL SECURITY", "RULE", "REPLICA TRIGGER", "ALWAYS TRIGGER"])]),
            TailRule(["^", "alter", "table", "*", "disable"], [.keywords(["TRIGGER", "ROW LEVEL SECURITY", "RULE"])]),
            TailRule(["^", "alter", "table", "*", "validate"], [.keywords(["CONSTRAINT"])]),
            TailRule(["^", "alter", "table", "*", "set", "tablespace"], [objects(.tablespace)]),
            TailRule(["^", "alter", "table", "*", "set"], [.keywords(["SCHEMA", "TABLESPACE", "LOGGED", "UNLOGGED", "WITHOUT CLUSTER", "ACCESS METHOD"])]),
            TailRule(["^", "cluster", "*", "using"], [.objectsOfTarget(.index)]),
            TailRule(["^", "cluster", "*"], [.keywords(["USING"])]),
            TailRule(["^", "alter", "table", "*", "cluster", "on"], [.objectsOfTarget(.index)]),
            // Indexes, sequences, triggers, policies, rules by name.
            TailRule(["^", "drop", "index"], [index, schema, .keywords(["CONCURRENTLY"])]),
            TailRule(["^", "drop", "index", "…", ","], [index, schema]),
            TailRule(["^", "alter", "index"], [index, schema]),
            TailRule(["^", "reindex", "index"], [index, schema]),
            TailRule(["^", "comment", "on", "index"], [index, schema]),
            TailRule(["^", "drop", "sequence"], [sequence, schema]),
            TailRule(["^", "alter", "sequence"], [sequence, schema]),
            TailRule(["^", "comment", "on", "sequence"], [sequence, schema]),
            TailRule(["^", "drop", "trigger"], [trigger]),
            TailRule(["^", "alter", "trigger"], [trigger]),
            TailRule(["^", "drop", "trigger", "*"], [.keywords(["ON"])]),
            TailRule(["^", "drop", "trigger", "*", "on"], [.tablesOfTarget(.trigger)]),
            TailRule(["^", "alter", "trigger", "*", "on"], [.tablesOfTarget(.trigger)]),
            TailRule(["^", "comment", "on", "trigger", "*", "on"], [.tablesOfTarget(.trigger)]),
            TailRule(["^", "drop", "policy"], [policy]),
            TailRule(["^", "alter", "policy"], [policy]),
            TailRule(["^", "drop", "policy", "*"], [.keywords(["ON"])]),
            TailRule(["^", "drop", "policy", "*", "on"], [.tablesOfTarget(.policy)]),
            TailRule(["^", "alter", "policy", "*", "on"], [.tablesOfTarget(.policy)]),
            TailRule(["^", "drop", "rule"], [rule]),
            TailRule(["^", "drop", "rule", "*"], [.keywords(["ON"])]),
            TailRule(["^", "drop", "rule", "*", "on"], [.tablesOfTarget(.rule)]),
            TailRule(["^", "create", "…", "policy", "…", "to"], [role, .keywords(["PUBLIC", "CURRENT_USER", "SESSION_USER"])]),
            // Types, enum labels.
            TailRule(["^", "alter", "type"], [datatype]),
            TailRule(["^", "drop", "type"], [datatype]),
            TailRule(["^", "drop", "domain"], [datatype]),
            TailRule(["^", "alter", "domain"], [datatype]),
            TailRule(["^", "alter", "type", "*", "rename"], [.keywords(["VALUE", "TO", "ATTRIBUTE"])]),
            TailRule(["^", "alter", "type", "*", "add"], [.keywords(["VALUE", "ATTRIBUTE"])]),
            TailRule(["^", "alter", "type", "*", "rename", "value"], [.enumLabelsOfTarget]),
            TailRule(["^", "alter", "type", "*", "add", "value", "lit"], [.keywords(["BEFORE", "AFTER"])]),
            TailRule(["^", "alter", "type", "*", "add", "value", "lit", "before"], [.enumLabelsOfTarget]),
            TailRule(["^", "alter", "type", "*", "add", "value", "lit", "after"], [.enumLabelsOfTarget]),
            TailRule(["^", "alter", "type", "*", "alter", "attribute", "*", "type"], [datatype]),
            TailRule(["^", "alter", "type", "*", "add", "attribute", "*"], [datatype]),
            TailRule(["^", "create", "type", "*", "as", "range", "()"], []),
            // Settings and their values.
            TailRule(["^", "set"], [setting, .keywords(setTargets)]),
            TailRule(["^", "set", "local"], [setting, .keywords(["ROLE", "SESSION AUTHORIZATION", "TIME ZONE", "TRANSACTION"])]),
            TailRule(["^", "set", "session"], [setting, .keywords(["AUTHORIZATION", "CHARACTERISTICS AS TRANSACTION", "ROLE"])]),
            TailRule(["^", "show"], [setting, .keywords(["ALL", "TIME ZONE", "TRANSACTION ISOLATION LEVEL"])]),
            TailRule(["^", "reset"], [setting, .keywords(["ALL", "ROLE", "SESSION AUTHORIZATION"])]),
            TailRule(["^", "alter", "system"], [.keywords(["SET", "RESET"])]),
            TailRule(["^", "alter", "system", "set"], [setting]),
            TailRule(["^", "alter", "system", "reset"], [setting, .keywords(["ALL"])]),
            TailRule(["^", "alter", "database", "*", "set"], [setting]),
            TailRule(["^", "alter", "database", "*", "reset"], [setting, .keywords(["ALL"])]),
            TailRule(["^", "alter", "role", "*", "set"], [setting]),
            TailRule(["^", "alter", "user", "*", "set"], [setting]),
            TailRule(["^", "alter", "role", "*", "reset"], [setting, .keywords(["ALL"])]),
            TailRule(["^", "set", "*"], [.keywords(["TO"])]),
            TailRule(["^", "set", "local", "*"], [.keywords(["TO"])]),
            TailRule(["^", "set", "session", "*"], [.keywords(["TO"])]),
            TailRule(["^", "alter", "system", "set", "*"], [.keywords(["TO"])]),
        ]
        for head in [["^", "set"], ["^", "set", "local"], ["^", "set", "session"], ["^", "alter", "system", "set"],
                     ["^", "alter", "database", "*", "set"], ["^", "alter", "role", "*", "set"], ["^", "alter", "user", "*", "set"]] {
            // The setting is the name right before TO / `=` (for ALTER DATABASE/ROLE the first `*` is the database or role).
            let value: [SuggestionTemplate] = [.settingValuesOfTarget, .keywords(["DEFAULT"])]
            rules.append(TailRule(head + ["*", "to"], value))
            rules.append(TailRule(head + ["*", "="], value))
        }
        rules += [
            // Extensions, tablespaces, collations.
            TailRule(["^", "create", "extension"], [objects(.availableExtension), .keywords(["IF NOT EXISTS"])]),
            TailRule(["^", "drop", "extension"], [objects(.extension)]),
            TailRule(["^", "alter", "extension"], [objects(.extension)]),
            TailRule(["^", "comment", "on", "extension"], [objects(.extension)]),
            TailRule(["^", "create", "extension", "*"], [.keywords(["WITH", "SCHEMA", "VERSION", "CASCADE"])]),
            TailRule(["tablespace"], [objects(.tablespace)]),
            TailRule(["^", "create", "tablespace"], []),
            TailRule(["collate"], [objects(.collation)]),
            // Roles wherever a role goes.
            TailRule(["for", "role"], [role]),
            TailRule(["in", "role"], [role]),
            TailRule(["with", "owner"], [role]),
            TailRule(["^", "create", "database", "*", "owner"], [role]),
            TailRule(["^", "grant", "*", "to"], [role, .keywords(["PUBLIC"])]),
            // COPY's file (the string itself is completed by the analyzer).
            TailRule(["^", "copy", "*", "from"], [.fixed(.quotedFile), .keywords(["STDIN", "PROGRAM"])]),
            TailRule(["^", "copy", "*", "()", "from"], [.fixed(.quotedFile), .keywords(["STDIN", "PROGRAM"])]),
            TailRule(["^", "copy", "*", "to"], [.fixed(.quotedFile), .keywords(["STDOUT", "PROGRAM"])]),
            TailRule(["^", "copy", "*", "()", "to"], [.fixed(.quotedFile), .keywords(["STDOUT", "PROGRAM"])]),
            TailRule(["^", "copy", "*"], [.keywords(["FROM", "TO", "("])]),
            TailRule(["^", "copy", "*", "()"], [.keywords(["FROM", "TO"])]),
            TailRule(["^", "copy", "*", "…", "with"], [.keywords(["("])]),
        ]
        return rules
    }()
}
