import FoundationEssentials
import PsqluiPluginAPI

/// The catalog colon commands — `:describe` and the listings (`:tables`, `:views`, …)
/// — as `CommandSpec`s, with psql's backslash forms (`\d`, `\dt+`, `\dtS`) as aliases.
/// Output is psql's, shown as a pane (paged at a terminal when it does not fit).
public enum CatalogCommands {
    /// Every catalog command.
    public static var all: [CommandSpec] {
        [describe] + listings.map(listing) + SourceCommands.all
    }

    /// One listing: its colon name, psql base names, help and how it queries.
    struct Listing {
        var name: String
        var backslash: String
        var summary: String
        var title: String
        /// The synopsis, when it says more than `:name[+] [PATTERN]`.
        var usage: String? = nil
        /// Builds the SQL from pattern, verbose, system, server version, HIDE_TABLEAM.
        var sql: @Sendable (String?, Bool, Bool, Int, Bool) throws -> String
        /// psql reports an empty relation listing on stderr instead of printing it.
        var reportsEmptyAsRelations = false
        /// How many dotted parts a pattern may have (`db.schema.name` = 3).
        var maxParts = 3
        /// More psql names for the same listing (`\z` for `\dp`).
        var otherBackslash: [String] = []
        /// The title when no pattern is given, if it differs (`\dconfig`).
        var titleWithoutPattern: String? = nil

        /// For listings taking more than one pattern (`\dAc AM TYPE`, `\drds ROLE DB`):
        /// builds the SQL from all patterns, verbose, system; `sql` is then unused.
        var patternsSQL: (@Sendable ([String], Bool, Bool) throws -> String)? = nil
        /// How many patterns the listing takes; psql warns about (and ignores) more.
        var patternCount = 1
        /// The message psql prints instead of an empty listing (unless QUIET).
        var emptyMessage: (@Sendable ([String]) -> String)? = nil
        /// psql's option letters after the backslash name (`anptwS+` for `\df`), any
        /// of them in any order; the spellings in `suffixes` are the listed aliases.
        var modifierLetters: String? = nil
        var suffixes = ["", "+", "S", "S+", "+S"]
        /// Builds the SQL and title from the whole request (option letters, all
        /// patterns); `sql` and `patternsSQL` are then unused.
        var build: (@Sendable (Request) throws -> (sql: String, title: String))? = nil
        /// psql warns about words past `patternCount`; some commands ignore them silently.
        var warnsAboutExtraArguments = true
        /// Footer lines after the table (from the pattern, server version); none: the
        /// `(N rows)` footer.
        var footers: (@Sendable (String?, Int, QueryService) async throws -> [String])? = nil

        func title(pattern: String?) -> String { pattern == nil ? titleWithoutPattern ?? title : title }
    }

    /// What a listing's SQL is built from.
    struct Request: Sendable {
        /// The option letters typed after the backslash name (`an+` of `\dfan+`).
        var letters: Set<Character>
        var patterns: [String]
        var verbose: Bool
        var system: Bool
        var serverVersion: Int
        var database: String
        /// psql's `HIDE_TABLEAM`.
        var hideTableAM = false
    }

    /// Thrown for option letters a command does not take (psql's message).
    struct OptionLettersRefused: Error, CustomStringConvertible {
        var description: String
    }

    /// A listing of `patternCount` patterns, built by `sql` from them.
    static func multi(_ name: String, _ backslash: String, _ summary: String, _ title: String, patterns: Int = 2, maxParts: Int = 1,
                      empty: (@Sendable ([String]) -> String)? = nil,
                      _ sql: @escaping @Sendable ([String], Bool, Bool) throws -> String) -> Listing {
        Listing(name: name, backslash: backslash, summary: summary, title: title, sql: { _, _, _, _, _ in "" },
                maxParts: maxParts, patternsSQL: sql, patternCount: patterns, emptyMessage: empty)
    }

    /// A relation listing (`\dt`, `\dv`, `\dm`, `\di`, `\ds`, `\dE`); psql combines
    /// their letters (`\dtv` lists tables and views, `\dti+` tables and indexes).
    static func relations(_ name: String, _ backslash: String, _ summary: String) -> Listing {
        Listing(name: name, backslash: backslash, summary: summary, title: "List of relations",
                usage: ":\(name)[+] [PATTERN]   (\\d[tvmisE][S+] combines kinds)", sql: { _, _, _, _, _ in "" },
                reportsEmptyAsRelations: true, modifierLetters: "tvmisES+",
                build: { r in
                    let kinds = relationKinds(backslash.dropFirst() + String(r.letters))
                    return (try CatalogListingSQL.relations(kinds, pattern: r.patterns.first, verbose: r.verbose, system: r.system,
                                                            serverVersion: r.serverVersion, hideTableAM: r.hideTableAM), "List of relations")
                })
    }

    /// The relation kinds of psql's letters (`t` tables, `v` views, `m` materialized
    /// views, `i` indexes, `s` sequences, `E` foreign tables; others are ignored).
    static func relationKinds(_ letters: some Sequence<Character>) -> CatalogListingSQL.RelationKinds {
        var kinds: CatalogListingSQL.RelationKinds = []
        for c in letters {
            switch c {
            case "t": kinds.insert(.tables)
            case "v": kinds.insert(.views)
            case "m": kinds.insert(.materializedViews)
            case "i": kinds.insert(.indexes)
            case "s": kinds.insert(.sequences)
            case "E": kinds.insert(.foreignTables)
            default: break
            }
        }
        return kinds
    }

    static let listings: [Listing] = [
        relations("tables", "dt", "list tables"),
        relations("views", "dv", "list views"),
        relations("matviews", "dm", "list materialized views"),
        relations("indexes", "di", "list indexes"),
        relations("sequences", "ds", "list sequences"),
        Listing(name: "schemas", backslash: "dn", summary: "list schemas", title: "List of schemas",
                sql: { p, verbose, system, v, _ in try CatalogListingSQL.schemas(pattern: p, verbose: verbose, system: system, serverVersion: v) }, maxParts: 2,
                footers: { p, v, service in try await schemaPublications(pattern: p, serverVersion: v, service: service) }),
        Listing(name: "functions", backslash: "df", summary: "list functions", title: "List of functions",
                usage: ":functions[+] [PATTERN [TYPE ...]]   (\\df[anptw][S+])", sql: { _, _, _, _, _ in "" }, patternCount: 101, modifierLetters: "anptwS+",
                build: { r in
                    // psql checks every letter (`\dfS+x` is refused) but the first
                    // decides which command it is.
                    guard r.letters.isSubset(of: "anptwS+") else { throw OptionLettersRefused(description: "\\df only takes [anptwS+] as options") }
                    return (try CatalogListingSQL.functions(pattern: r.patterns.first, verbose: r.verbose, system: r.system, serverVersion: r.serverVersion,
                                                            kinds: r.letters, argumentTypes: Array(r.patterns.dropFirst()), currentDatabase: r.database),
                            "List of functions")
                }),
        Listing(name: "types", backslash: "dT", summary: "list data types", title: "List of data types",
                sql: { p, verbose, system, v, _ in try CatalogListingSQL.types(pattern: p, verbose: verbose, system: system, serverVersion: v) }),
        Listing(name: "roles", backslash: "du", summary: "list roles", title: "List of roles",
                sql: { p, verbose, s, v, _ in try CatalogListingSQL.roles(pattern: p, verbose: verbose, system: s, serverVersion: v) }, maxParts: 1),
        Listing(name: "databases", backslash: "l", summary: "list databases", title: "List of databases",
                sql: { p, verbose, _, v, _ in try CatalogListingSQL.databases(pattern: p, verbose: verbose, serverVersion: v) }, maxParts: 1,
                otherBackslash: ["list"]),
        Listing(name: "extensions", backslash: "dx", summary: "list installed extensions", title: "List of installed extensions",
                sql: { p, _, _, v, _ in try CatalogListingSQL.extensions(pattern: p, serverVersion: v) }, maxParts: 1),
        Listing(name: "tablespaces", backslash: "db", summary: "list tablespaces", title: "List of tablespaces",
                sql: { p, verbose, system, _, _ in try ObjectListingSQL.tablespaces.sql(pattern: p, verbose: verbose, system: system) }),
        Listing(name: "languages", backslash: "dL", summary: "list procedural languages", title: "List of languages",
                sql: { p, verbose, system, _, _ in try ObjectListingSQL.languages.sql(pattern: p, verbose: verbose, system: system) },
                maxParts: 2),
        Listing(name: "eventtriggers", backslash: "dy", summary: "list event triggers", title: "List of event triggers",
                sql: { p, verbose, system, _, _ in try ObjectListingSQL.eventTriggers.sql(pattern: p, verbose: verbose, system: system) }),
        Listing(name: "domains", backslash: "dD", summary: "list domains", title: "List of domains",
                sql: { p, verbose, system, _, _ in try ObjectListingSQL.domains.sql(pattern: p, verbose: verbose, system: system) }),
        Listing(name: "conversions", backslash: "dc", summary: "list conversions", title: "List of conversions",
                sql: { p, verbose, system, _, _ in try ObjectListingSQL.conversions.sql(pattern: p, verbose: verbose, system: system) }),
        Listing(name: "operators", backslash: "do", summary: "list operators", title: "List of operators",
                usage: ":operators[+] [PATTERN [TYPE [TYPE]]]",
                sql: { _, _, _, _, _ in "" }, patternCount: 3,
                build: { r in
                    (try ObjectListingSQL.operators(pattern: r.patterns.first, argumentTypes: Array(r.patterns.dropFirst()),
                                                    verbose: r.verbose, system: r.system, currentDatabase: r.database), "List of operators")
                }, warnsAboutExtraArguments: false),
        Listing(name: "collations", backslash: "dO", summary: "list collations", title: "List of collations",
                sql: { p, verbose, system, _, _ in try ObjectListingSQL.collations.sql(pattern: p, verbose: verbose, system: system) }),
        Listing(name: "accessmethods", backslash: "dA", summary: "list access methods", title: "List of access methods",
                sql: { p, verbose, system, _, _ in try ObjectListingSQL.accessMethods.sql(pattern: p, verbose: verbose, system: system) }),
        Listing(name: "tsconfigs", backslash: "dF", summary: "list text search configurations", title: "List of text search configurations",
                sql: { p, verbose, system, _, _ in try ObjectListingSQL.tsConfigurations.sql(pattern: p, verbose: verbose, system: system) }),
        Listing(name: "tsdictionaries", backslash: "dFd", summary: "list text search dictionaries", title: "List of text search dictionaries",
                sql: { p, verbose, system, _, _ in try ObjectListingSQL.tsDictionaries.sql(pattern: p, verbose: verbose, system: system) }),
        Listing(name: "tsparsers", backslash: "dFp", summary: "list text search parsers", title: "List of text search parsers",
                sql: { p, verbose, system, _, _ in try ObjectListingSQL.tsParsers.sql(pattern: p, verbose: verbose, system: system) }),
        Listing(name: "tstemplates", backslash: "dFt", summary: "list text search templates", title: "List of text search templates",
                sql: { p, verbose, system, _, _ in try ObjectListingSQL.tsTemplates.sql(pattern: p, verbose: verbose, system: system) }),
        Listing(name: "servers", backslash: "des", summary: "list foreign servers", title: "List of foreign servers",
                sql: { p, verbose, system, _, _ in try ObjectListingSQL.foreignServers.sql(pattern: p, verbose: verbose, system: system) }),
        Listing(name: "usermappings", backslash: "deu", summary: "list user mappings", title: "List of user mappings",
                sql: { p, verbose, system, _, _ in try ObjectListingSQL.userMappings.sql(pattern: p, verbose: verbose, system: system) }),
        Listing(name: "fdws", backslash: "dew", summary: "list foreign-data wrappers", title: "List of foreign-data wrappers",
                sql: { p, verbose, system, _, _ in try ObjectListingSQL.foreignDataWrappers.sql(pattern: p, verbose: verbose, system: system) }),
        Listing(name: "foreigntables", backslash: "det", summary: "list foreign tables", title: "List of foreign tables",
                sql: { p, verbose, system, _, _ in try ObjectListingSQL.foreignTables.sql(pattern: p, verbose: verbose, system: system) }),
        Listing(name: "publications", backslash: "dRp", summary: "list replication publications", title: "List of publications",
                sql: { p, verbose, system, _, _ in try ObjectListingSQL.publications.sql(pattern: p, verbose: verbose, system: system) }),
        Listing(name: "subscriptions", backslash: "dRs", summary: "list replication subscriptions", title: "List of subscriptions",
                sql: { p, verbose, system, _, _ in try ObjectListingSQL.subscriptions.sql(pattern: p, verbose: verbose, system: system) }),
        Listing(name: "statistics", backslash: "dX", summary: "list extended statistics", title: "List of extended statistics",
                sql: { p, verbose, system, _, _ in try ObjectListingSQL.extendedStatistics.sql(pattern: p, verbose: verbose, system: system) }),
        Listing(name: "settings", backslash: "dconfig", summary: "list configuration parameters", title: "List of configuration parameters",
                sql: { p, verbose, system, _, _ in try ObjectListingSQL.settings.sql(pattern: p, verbose: verbose, system: system) },
                maxParts: 1, titleWithoutPattern: "List of non-default configuration parameters"),
        Listing(name: "largeobjects", backslash: "lo_list", summary: "list large objects", title: "Large objects",
                sql: { p, verbose, system, _, _ in try ObjectListingSQL.largeObjects.sql(pattern: p, verbose: verbose, system: system) },
                otherBackslash: ["dl"]),
        relations("foreignrelations", "dE", "list foreign tables as relations"),
        Listing(name: "privileges", backslash: "dp", summary: "list table, view and sequence access privileges (\\z)",
                title: "Access privileges",
                sql: { p, _, system, _, _ in try ObjectListingSQL.privileges.sql(pattern: p, verbose: false, system: system) },
                otherBackslash: ["z"]),
        Listing(name: "defaultprivileges", backslash: "ddp", summary: "list default privileges", title: "Default access privileges",
                sql: { p, _, system, _, _ in try ObjectListingSQL.defaultPrivileges.sql(pattern: p, verbose: false, system: system) }),
        Listing(name: "aggregates", backslash: "da", summary: "list aggregate functions", title: "List of aggregate functions",
                sql: { p, _, system, _, _ in try ObjectListingSQL.aggregates.sql(pattern: p, verbose: false, system: system) }),
        Listing(name: "partitioned", backslash: "dP", summary: "list partitioned tables and indexes", title: "List of partitioned relations",
                usage: ":partitioned[+] [PATTERN]   (\\dP[itn+])", sql: { _, _, _, _, _ in "" }, modifierLetters: "itn+", suffixes: ["", "+"],
                build: { r in try ObjectListingSQL.partitioned(letters: r.letters, pattern: r.patterns.first, verbose: r.verbose) }),
        multi("opclasses", "dAc", "list operator classes", "List of operator classes") { p, v, _ in try OperatorFamilySQL.classes(p, verbose: v) },
        multi("opfamilies", "dAf", "list operator families", "List of operator families") { p, v, _ in try OperatorFamilySQL.families(p, verbose: v) },
        multi("opfamilyoperators", "dAo", "list operators of operator families", "List of operators of operator families") { p, v, _ in
            try OperatorFamilySQL.operators(p, verbose: v)
        },
        multi("opfamilyfunctions", "dAp", "list support functions of operator families", "List of support functions of operator families") { p, v, _ in
            try OperatorFamilySQL.supportFunctions(p, verbose: v)
        },
        multi("casts", "dC", "list casts", "List of casts", patterns: 1, maxParts: 3) { p, v, _ in try CatalogListingSQL.casts(pattern: p.first, verbose: v) },
        multi("comments", "dd", "list object descriptions not shown elsewhere", "Object descriptions", patterns: 1, maxParts: 3) { p, _, s in
            try CatalogListingSQL.objectDescriptions(pattern: p.first, system: s)
        },
        multi("rolesettings", "drds", "list per-database role settings", "List of settings", empty: { p in
            if p.count > 1 { return "Did not find any settings for role \"\(p[0])\" and database \"\(p[1])\"." }
            if let role = p.first { return "Did not find any settings for role \"\(role)\"." }
            return "Did not find any settings."
        }) { p, _, _ in try CatalogListingSQL.roleSettings(p) },
        Listing(name: "groups", backslash: "dg", summary: "list roles", title: "List of roles",
                sql: { p, verbose, s, v, _ in try CatalogListingSQL.roles(pattern: p, verbose: verbose, system: s, serverVersion: v) }, maxParts: 1),
    ]

    /// The names a command answers to: `name`, `name+`, and `\base` with `+`/`S`.
    static func aliases(colon: [String], backslash: String, suffixes: [String] = ["", "+", "S", "S+", "+S"]) -> [String] {
        var names: [String] = []
        for c in colon { names += [c, c + "+"] }
        for suffix in suffixes { names.append("\\" + backslash + suffix) }
        return names
    }

    /// `+` and `S` from the name the command was called by (`\dtS+`, `tables+`).
    static func modifiers(calledAs typed: String, bases: [String]) -> (verbose: Bool, system: Bool) {
        var rest = typed.hasPrefix("\\") ? String(typed.dropFirst()) : typed
        if let base = bases.filter({ rest.hasPrefix($0) }).max(by: { $0.count < $1.count }) { rest = String(rest.dropFirst(base.count)) }
        return (rest.contains("+"), rest.contains("S"))
    }

    /// Runs `body`, then (when it succeeded, as psql does) warns about each ignored word.
    static func warningAboutExtras(_ extras: [String], command: String, context: CommandContext,
                                   _ body: () async throws -> Void) async throws {
        try await body()
        for extra in extras { context.writeWarning("\(command): extra argument \"\(extra)\" ignored") }
    }

    /// The option letters of a backslash call (`an+` of `\dfan+`); none for a colon name.
    static func letters(calledAs typed: String, base: String) -> Set<Character> {
        guard typed.hasPrefix("\\" + base) else { return [] }
        return Set(typed.dropFirst(base.count + 1))
    }

    /// psql-style arguments: split at whitespace outside double quotes, quotes kept
    /// (the pattern rules need them).
    public static func patterns(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var inQuotes = false
        for c in text {
            if c == "\"" { inQuotes.toggle(); current.append(c) } else if c.isWhitespace, !inQuotes {
                if !current.isEmpty { words.append(current); current = "" }
            } else { current.append(c) }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// What `server` asks. psql knows both from its connection, so it is not one of the
    /// queries `ECHO_HIDDEN` shows (the plugin API gives commands no connection facts).
    public static let serverQuery = "SELECT pg_catalog.current_setting('server_version_num'), pg_catalog.current_database()"

    /// The server's `server_version_num` and the current database.
    static func server(_ service: QueryService) async throws -> (version: Int, database: String) {
        let r = try await service.query(serverQuery)
        let row = r.rows.first
        return (Int((row?[0]) ?? "") ?? 150000, (row?[1]) ?? "")
    }

    /// psql's `QUIET`: listings then print an empty table rather than "Did not find …".
    static func quiet(_ context: CommandContext) -> Bool { flag("QUIET", context) }

    /// A psql boolean variable (`QUIET`, `HIDE_TABLEAM`, `HIDE_TOAST_COMPRESSION`).
    static func flag(_ name: String, _ context: CommandContext) -> Bool {
        context.variable(name).flatMap(VariableStore.parseBool) ?? false
    }

    static func settings(_ context: CommandContext) -> PrintSettings {
        PrintSettings.fromDisplayValues { context.displaySetting($0) }
    }

    static func listing(_ l: Listing) -> CommandSpec {
        let usage = l.usage ?? ":\(l.name)[+] [PATTERN]"
        return CommandSpec(
            name: l.name, aliases: Array(aliases(colon: [l.name], backslash: l.backslash, suffixes: l.suffixes).dropFirst())
                + l.otherBackslash.flatMap { aliases(colon: [], backslash: $0) }
                + (l.modifierLetters.map { ["\\" + l.backslash + "[" + $0 + "]"] } ?? []),
            summary: l.summary + " (\\\(l.backslash))", usage: usage,
            examples: [":\(l.name)", ":\(l.name)+", ":\(l.name) public.*", "\\\(l.backslash) ord*"],
            group: "Catalog", completion: .relations,
            handler: { invocation, context in
                let (verbose, system) = modifiers(calledAs: invocation.name, bases: [l.name, l.backslash] + l.otherBackslash)
                var given = invocation.words
                let extras = l.warnsAboutExtraArguments ? Array(given.dropFirst(l.patternCount)) : []
                given = Array(given.prefix(l.patternCount))
                // psql warns about arguments it ignores after a command that succeeded.
                let command = invocation.name.hasPrefix("\\") ? invocation.name : "\\" + l.backslash
                try await warningAboutExtras(extras, command: command, context: context) {
                    let pattern = given.first
                    let (version, database) = try await server(context.session)
                    var sql: String
                    var title = l.title(pattern: pattern)
                    do {
                        if let pattern { try SQLNamePattern.validate(pattern, currentDatabase: database, maxParts: l.maxParts) }
                        if let build = l.build {
                            let request = Request(letters: letters(calledAs: invocation.name, base: l.backslash), patterns: given,
                                                  verbose: verbose, system: system, serverVersion: version, database: database,
                                                  hideTableAM: flag("HIDE_TABLEAM", context))
                            (sql, title) = try build(request)
                        } else if let build = l.patternsSQL {
                            sql = try build(given, verbose, system)
                        } else {
                            sql = try l.sql(pattern, verbose, system, version, flag("HIDE_TABLEAM", context))
                        }
                    } catch let p as SQLNamePattern.Problem {
                        context.writeError(p.description)
                        throw CatalogCommandFailed()
                    } catch let refused as OptionLettersRefused {
                        context.writeError(refused.description)
                        throw CatalogCommandFailed()
                    }
                    if verbose, try await VerboseDetails.show(l.name, pattern: pattern, serverVersion: version, context: context) { return }
                    if l.name == "extensions", verbose {
                        try await extensionContents(pattern: pattern, context: context)
                        return
                    }
                    let result = try await context.session.query(sql)
                    // Under QUIET psql prints the empty table instead of the message.
                    if l.reportsEmptyAsRelations, result.rows.isEmpty, !quiet(context) {
                        context.writeError(pattern.map { "Did not find any relation named \"\($0)\"." } ?? "Did not find any relations.")
                        return
                    }
                    if let message = l.emptyMessage, result.rows.isEmpty, !quiet(context) {
                        context.writeError(message(given))
                        return
                    }
                    let table: CatalogTable
                    if l.name == "roles" || l.name == "groups" {
                        table = rolesTable(result, serverVersion: version, verbose: verbose)
                    } else {
                        let footers = try await l.footers?(pattern, version, context.session) ?? []
                        table = CatalogTable(title: title, result: result, footers: footers.isEmpty ? nil : footers)
                    }
                    try await context.show(TextPane(title: title, lines: table.render(settings: settings(context))))
                }
            })
    }

    /// `\dx+ [PATTERN]`: psql lists the objects of each matching extension (and not the
    /// extensions themselves), one table per extension.
    static func extensionContents(pattern: String?, context: CommandContext) async throws {
        let conditions = try SQLNamePattern.conditions(pattern, schema: nil, name: "e.extname", visibility: nil, maxParts: 1)
        let found = try await context.session.query("SELECT e.extname, e.oid\nFROM pg_catalog.pg_extension e\n"
            + CatalogListingSQL.whereClause(conditions) + "ORDER BY 1;")
        if found.rows.isEmpty {
            context.writeError(pattern.map { "Did not find any extension named \"\($0)\"." } ?? "Did not find any extensions.")
            throw CatalogCommandFailed()
        }
        var lines: [String] = []
        for row in found.rows {
            guard let name = row[0], let oid = row[1] else { continue }
            let objects = try await context.session.query("""
                SELECT pg_catalog.pg_describe_object(classid, objid, 0) AS "Object description"
                FROM pg_catalog.pg_depend
                WHERE refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass AND refobjid = '\(oid)' AND deptype = 'e'
                ORDER BY 1;
                """)
            let title = "Objects in extension \"\(name)\""
            lines += CatalogTable(title: title, result: objects).render(settings: settings(context))
        }
        try await context.show(TextPane(title: "Objects in extensions", lines: lines))
    }

    /// `\dn PATTERN`'s footer (psql 15): the publications of the schema named exactly
    /// the pattern as typed (psql compares the text itself, not the pattern's regex).
    static func schemaPublications(pattern: String?, serverVersion: Int, service: QueryService) async throws -> [String] {
        guard let pattern, serverVersion >= 150000 else { return [] }
        let r = try await service.query("""
            SELECT pubname
            FROM pg_catalog.pg_publication p
                 JOIN pg_catalog.pg_publication_namespace pn ON p.oid = pn.pnpubid
                 JOIN pg_catalog.pg_namespace n ON n.oid = pn.pnnspid
            WHERE n.nspname = \(SQLNamePattern.literal(pattern))
            ORDER BY 1
            """)
        guard !r.rows.isEmpty else { return [] }
        return ["Publications:"] + r.rows.map { "    \"\($0[0] ?? "")\"" }
    }

    /// `\du`'s table from the raw role flags.
    static func rolesTable(_ r: QueryTable, serverVersion: Int, verbose: Bool = false) -> CatalogTable {
        let withMembers = serverVersion < 160000
        var columns = [ColumnInfo(name: "Role name", typeOID: TypeOID.name), ColumnInfo(name: "Attributes", typeOID: TypeOID.text)]
        if withMembers { columns.append(ColumnInfo(name: "Member of", typeOID: TypeOID.text)) }
        if verbose { columns.append(ColumnInfo(name: "Description", typeOID: TypeOID.text)) }
        let index = Dictionary(r.columns.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        let rows: [[String?]] = r.rows.map { v in
            let value = { (name: String) in index[name].flatMap { $0 < v.count ? v[$0] : nil } }
            let attributes = CatalogListingSQL.roleAttributes(
                superuser: value("rolsuper") == "t", inherit: value("rolinherit") == "t", createRole: value("rolcreaterole") == "t",
                createDB: value("rolcreatedb") == "t", canLogin: value("rolcanlogin") == "t",
                replication: value("rolreplication") == "t", bypassRLS: value("rolbypassrls") == "t",
                connectionLimit: Int(value("rolconnlimit") ?? "-1") ?? -1, validUntil: value("rolvaliduntil"))
            var row: [String?] = [value("rolname"), attributes]
            if withMembers { row.append(value("memberof")) }
            if verbose { row.append(value("description")) }
            return row
        }
        return CatalogTable(title: "List of roles", columns: columns, rows: rows, footers: [])
    }

    /// `:describe` / `:d` / `:d+` / `\d`.
    static var describe: CommandSpec {
        CommandSpec(
            name: "describe", aliases: Array(aliases(colon: ["describe", "d"], backslash: "d").dropFirst()),
            summary: "describe a table, view, index, sequence or function (\\d)",
            usage: ":describe[+] [PATTERN ...]   (:d, :d+; \\d takes one PATTERN, as psql)",
            examples: [":d orders", ":d+ orders", ":d sales.*", ":d customer_total", ":d"],
            group: "Catalog", completion: .relations,
            handler: { invocation, context in
                let (verbose, system) = modifiers(calledAs: invocation.name, bases: ["describe", "d"])
                let (version, database) = try await server(context.session)
                // psql's \d takes one pattern and warns about the rest (after its
                // output); `:describe` takes several.
                let backslash = invocation.name.hasPrefix("\\")
                let patternList = backslash ? Array(invocation.words.prefix(1)) : invocation.words
                let extras = backslash ? Array(invocation.words.dropFirst()) : []
                try await warningAboutExtras(extras, command: invocation.name, context: context) {
                    let settings = settings(context)
                    if patternList.isEmpty {
                        let sql = try CatalogListingSQL.relations(.all, pattern: nil, verbose: verbose, system: system, serverVersion: version,
                                                                 hideTableAM: flag("HIDE_TABLEAM", context))
                        let result = try await context.session.query(sql)
                        if result.rows.isEmpty, !quiet(context) { context.writeError("Did not find any relations."); return }
                        let table = CatalogTable(title: "List of relations", result: result)
                        try await context.show(TextPane(title: "List of relations", lines: table.render(settings: settings)))
                        return
                    }
                    var lines: [String] = []
                    var failed = false
                    for pattern in patternList {
                        let describer = RelationDescriber(service: context.session, serverVersion: version, verbose: verbose,
                                                          hideTableAM: flag("HIDE_TABLEAM", context),
                                                          hideCompression: flag("HIDE_TOAST_COMPRESSION", context))
                        let tables: [CatalogTable]
                        do {
                            try SQLNamePattern.validate(pattern, currentDatabase: database)
                            tables = try await describer.describe(pattern: pattern, system: system)
                        } catch let p as SQLNamePattern.Problem {
                            context.writeError(p.description)
                            failed = true
                            continue
                        }
                        if tables.isEmpty {
                            let functions = try await FunctionDescriber(service: context.session, verbose: verbose).describe(pattern: pattern)
                            if functions.isEmpty {
                                context.writeError("Did not find any relation named \"\(pattern)\".")
                                failed = true
                            }
                            for t in functions { lines += t.render(settings: settings) }
                        }
                        for t in tables { lines += t.render(settings: settings) }
                    }
                    if !lines.isEmpty {
                        try await context.show(TextPane(title: "describe " + invocation.arguments, lines: lines))
                    }
                    if failed { throw CatalogCommandFailed() }
                }
            })
    }
}

/// A catalog command already reported its problem; the step fails without another message.
public struct CatalogCommandFailed: Error, CustomStringConvertible {
    public init() {}
    public var description: String { "" }
}
