import Foundation
import Testing

/// `psqlui --complete TEXT [--cursor N]` against a real copy of the demo schema:
/// one representative case per kind of completion in issue #5, and without a server.
@Suite struct CompleteFlagTests {
    struct Line: Equatable, CustomStringConvertible {
        var kind: String
        var text: String
        var start: Int
        var description: String { "\(kind)\t\(text)\t\(start)" }
    }

    /// A copy of the demo schema plus what it lacks: a second schema, a quoted
    /// name, a role.
    static let database: String = {
        let db = try! TestServer.makeDatabase(prefix: "complete")
        try! TestServer.admin("""
            create schema sales;
            create table sales.regions (id int primary key, label text);
            create table "Mixed Case" (id int);
            do $$ begin create role completion_owner_role; exception when duplicate_object then null; end $$;
            """, database: db)
        return db
    }()

    static func complete(_ text: String, cursor: Int? = nil, database: String? = database, extra: [String] = [],
                         currentDirectory: String? = nil) throws -> [Line] {
        var args = extra + ["--complete", text]
        if let cursor { args += ["--cursor", "\(cursor)"] }
        let out = try TestServer.psqlui(args, database: database, currentDirectory: currentDirectory, timeout: 30)
        #expect(out.status == 0, "\(out)")
        return String(decoding: out.stdout, as: UTF8.self).split(separator: "\n").map { line in
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return Line(kind: f[0], text: f.count > 1 ? f[1] : "", start: f.count > 2 ? Int(f[2]) ?? -1 : -1)
        }
    }

    /// The live catalog's column names of a public table, in attnum order (the reference).
    static func catalogColumns(_ table: String) throws -> [String] {
        try TestServer.admin("select attname from pg_attribute where attrelid = 'public.\(table)'::regclass and attnum > 0 and not attisdropped order by attnum",
                             database: database).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    @Test func keywordsAtStatementStart() throws {
        let lines = try Self.complete("sel")
        #expect(lines.first == Line(kind: "keyword", text: "select", start: 0))
        #expect(try Self.complete("SEL").first?.text == "SELECT")
    }

    @Test(arguments: [
        ("select * from ord", ["orders", "order_items", "order_totals"]),
        ("select * from orders o join cust", ["customers"]),
        ("update ord", ["orders", "order_items"]),
        ("insert into cust", ["customers"]),
        ("delete from prod", ["products"]),
    ])
    func relationsAfterFromJoinUpdateInto(text: String, expected: [String]) throws {
        let lines = try Self.complete(text)
        let relations = lines.filter { $0.kind == "table" || $0.kind == "view" }
        for name in expected { #expect(relations.contains { $0.text == name }, "\(name) missing: \(lines)") }
        // Relations (or a join built on one) come before anything else (functions match too).
        let firstOther = lines.firstIndex { !["table", "view", "join"].contains($0.kind) } ?? lines.count
        let lastRelation = lines.lastIndex { $0.kind == "table" || $0.kind == "view" } ?? -1
        #expect(lastRelation < firstOther, "\(lines)")
        let wordStart = text.count - (text.split(separator: " ").last?.count ?? 0)
        #expect(lines.allSatisfy { $0.start == wordStart })
        #expect(lines.first { $0.text == "order_totals" }.map { $0.kind == "view" } ?? true)
    }

    @Test func schemaQualified() throws {
        let lines = try Self.complete("select * from sales.reg")
        #expect(lines.first == Line(kind: "table", text: "regions", start: "select * from sales.".count))
        #expect(try Self.complete("select * from sal").contains { $0.kind == "schema" && $0.text == "sales." })
    }

    @Test func cteNames() throws {
        let lines = try Self.complete("with recent as (select 1 as n) select * from rec")
        #expect(lines.first?.text == "recent", "\(lines)")
    }

    @Test func columnsViaAlias() throws {
        let text = "select o. from orders o"
        let lines = try Self.complete(text, cursor: "select o.".count)
        #expect(lines.allSatisfy { $0.kind == "column" && $0.start == "select o.".count }, "\(lines)")
        #expect(Set(lines.map(\.text)) == Set(try Self.catalogColumns("orders")))
        let filtered = try Self.complete("select * from orders o where o.cust")
        #expect(filtered.first == Line(kind: "column", text: "customer_id", start: "select * from orders o where o.".count))
    }

    @Test func foreignKeyJoinSuggestion() throws {
        let lines = try Self.complete("select * from orders o join ")
        #expect(lines.first == Line(kind: "join", text: "customers c on c.id = o.customer_id", start: 28), "\(lines)")
    }

    @Test func functions() throws {
        let lines = try Self.complete("select customer_t")
        #expect(lines.first == Line(kind: "function", text: "customer_total", start: 7))
    }

    @Test func datatypesAfterCast() throws {
        let lines = try Self.complete("select '1'::int")
        #expect(!lines.isEmpty && lines.allSatisfy { $0.kind == "datatype" && $0.start == "select '1'::".count }, "\(lines)")
        #expect(lines.contains { $0.text == "integer" } && lines.contains { $0.text == "int4" })
    }

    @Test func rolesAfterOwnerTo() throws {
        let lines = try Self.complete("alter table orders owner to completion_")
        #expect(lines.first == Line(kind: "role", text: "completion_owner_role", start: "alter table orders owner to ".count))
    }

    @Test func quotedIdentifiers() throws {
        let typedPlain = try Self.complete("select * from mix")
        #expect(typedPlain.first?.text == "\"Mixed Case\"", "\(typedPlain)")
        let typedQuoted = try Self.complete("select * from \"Mix")
        #expect(typedQuoted.first == Line(kind: "table", text: "\"Mixed Case\"", start: "select * from ".count))
    }

    /// Whether this build has the colon command at all (`:describe` and `:export`
    /// land from other branches).
    static func hasCommand(_ name: String) -> Bool {
        (try? complete(":", database: nil, extra: ["-h", "/nonexistent", "-p", "1"]))?.contains { $0.text == ":" + name } ?? false
    }

    @Test(.enabled(if: hasCommand("describe"))) func describeCompletesRelations() throws {
        let lines = try Self.complete(":describe ord")
        #expect(lines.prefix(3).map(\.text).sorted() == ["order_items", "order_totals", "orders"], "\(lines)")
    }

    @Test(.enabled(if: hasCommand("export"))) func exportCompletesFormatsIncludingPlugins() throws {
        let formats = Set(try Self.complete(":export ").filter { $0.kind == "format" }.map(\.text))
        #expect(formats.isSuperset(of: ["csv", "json"]), "\(formats)")
    }

    @Test func runCompletesFiles() throws {
        let dir = NSTemporaryDirectory() + "complete-files-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir + "/scripts", withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: dir + "/setup.sql", contents: Data())
        let lines = try Self.complete(":run ", currentDirectory: dir)
        #expect(lines.map(\.text).sorted() == ["scripts/", "setup.sql"], "\(lines)")
        #expect(try Self.complete(":run se", currentDirectory: dir) == [Line(kind: "file", text: "setup.sql", start: 5)])
    }

    @Test func theEmptyBufferOffersStatementStartsThenCommands() throws {
        let lines = try Self.complete("")
        #expect(lines.first == Line(kind: "keyword", text: "SELECT", start: 0), "\(lines.prefix(3))")
        #expect(lines.contains { $0.kind == "command" && $0.text == ":help" }, "\(lines)")
    }

    @Test func historyRanksAUsedTableFirst() throws {
        let home = TestServer.makeHome()
        let dir = home + "/.local/state/psqlui"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        // libedit's history file: a header, then one entry a line with spaces as \040.
        try Data("_HiStOrY_V2_\nselect\\040*\\040from\\040order_totals;\n".utf8).write(to: URL(fileURLWithPath: dir + "/history"))
        let out = try TestServer.psqlui(["--complete", "select * from ord"], database: Self.database, home: home, timeout: 30)
        let first = String(decoding: out.stdout, as: UTF8.self).split(separator: "\n").first.map(String.init)
        #expect(first == "view\torder_totals\t14", "\(String(decoding: out.stdout, as: UTF8.self))")
        let without = try Self.complete("select * from ord").first
        #expect(without?.text == "order_items")
    }

    @Test func psetOptionsThenTheirValues() throws {
        let options = try Self.complete("\\pset ").map(\.text)
        #expect(options.contains("format") && options.contains("linestyle") && options.contains("tuples_only"), "\(options)")
        #expect(try Self.complete("\\pset form").map(\.text) == ["format"])
        #expect(try Self.complete("\\pset format ").map(\.text).contains("wrapped"))
        #expect(try Self.complete("\\pset linestyle u") == [Line(kind: "value", text: "unicode", start: 16)])
        #expect(try Self.complete("\\pset null ").isEmpty)
    }

    @Test func variablesAfterColon() throws {
        let lines = try Self.complete("select * from orders where id = :my", extra: ["-v", "my_id=7"])
        #expect(lines.first == Line(kind: "variable", text: ":my_id", start: "select * from orders where id = ".count))
    }

    @Test func commandsAfterColon() throws {
        let lines = try Self.complete(":pl")
        #expect(lines.first == Line(kind: "command", text: ":plugins", start: 0))
    }

    @Test func withoutAServerKeywordsCommandsAndFilesStillComplete() throws {
        let dir = NSTemporaryDirectory() + "complete-noserver-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: dir + "/load.sql", contents: Data())
        let offline = ["-h", dir, "-p", "1"]  // no socket there: the connection fails at once
        let started = Date()
        #expect(try Self.complete("sel", database: nil, extra: offline, currentDirectory: dir).first?.text == "select")
        #expect(try Self.complete(":qu", database: nil, extra: offline, currentDirectory: dir).first?.text == ":quit")
        #expect(try Self.complete(":run lo", database: nil, extra: offline, currentDirectory: dir).first?.text == "load.sql")
        #expect(try Self.complete("select * from ord", database: nil, extra: offline, currentDirectory: dir).isEmpty)
        #expect(Date().timeIntervalSince(started) < 10)
    }
}

/// Issue #12 kinds against the real demo schema plus a self-referencing key,
/// an enum, a trigger and a set-returning function.
@Suite struct CompleteFlagKindsTests {
    static let database: String = {
        let db = try! TestServer.makeDatabase(prefix: "complete12")
        _ = try! TestServer.admin("""
            create table staff (id int primary key, boss_id int references staff(id), name text);
            create type mood as enum ('happy', 'Sad');
            create function staff_of(b int) returns table (sid int, sname text) language sql as $$ select id, name from staff where boss_id = b $$;
            create function touch() returns trigger language plpgsql as $$ begin return new; end $$;
            create trigger staff_touch before update on staff for each row execute function touch();
            """, database: db)
        return db
    }()

    static func texts(_ text: String, cursor: Int? = nil) throws -> [String] {
        try CompleteFlagTests.complete(text, cursor: cursor, database: database).map(\.text)
    }

    @Test func selfJoinDeclaresItsAliasInBothDirections() throws {
        let joins = try CompleteFlagTests.complete("select * from staff join ", database: Self.database).filter { $0.kind == "join" }.map(\.text)
        #expect(joins.contains("staff staff2 on staff2.id = staff.boss_id"), "\(joins)")
        #expect(joins.contains("staff staff2 on staff2.boss_id = staff.id"), "\(joins)")
    }

    @Test func starExpandsToTheColumnList() throws {
        #expect(try Self.texts("select * from orders", cursor: 8).first == "id, customer_id, status, ordered_at, note")
        #expect(try Self.texts("select o.* from orders o join customers c on c.id = o.customer_id", cursor: 10).first
                == "o.id, o.customer_id, o.status, o.ordered_at, o.note")
    }

    @Test func setReturningFunctionColumnsAndScalarFunctionsLastInFrom() throws {
        #expect(try Self.texts("select f. from staff_of(1) f", cursor: 9) == ["sid", "sname"])
        // PostgreSQL accepts a scalar function in FROM: listed last (Tab never inserts it alone:
        // CompletionEngineTests.aUsersScalarFunctionIsListedLastInFromButNeverInserted).
        let from = try Self.texts("select * from custom")
        #expect(from.first == "customers" && from.last == "customer_total", "\(from)")
        #expect(try Self.texts("select * from staff_o").contains("staff_of"))
    }

    @Test func constraintsTriggersEnumLabelsSettingsIndexes() throws {
        #expect(try Self.texts("alter table orders drop constraint ").contains("orders_customer_id_fkey"))
        #expect(try Self.texts("drop trigger staff_touch on ") == ["staff"])
        #expect(try Self.texts("alter type mood rename value ") == ["'happy'", "'Sad'"])
        #expect(try Self.texts("set client_min_mess") == ["client_min_messages"])
        #expect(try Self.texts("set client_min_messages to ").contains("warning"))
        #expect(try Self.texts("\\di order").contains("order_items_product_id_idx"))
        #expect(try Self.texts("select 1::mo").contains("mood"))
    }

    @Test func keywordSpelledBuiltinsAndFreeFormSettingValues() throws {
        let current = try CompleteFlagTests.complete("select current_u")
        #expect(current.first == CompleteFlagTests.Line(kind: "keyword", text: "current_user", start: 7), "\(current)")
        #expect(!current.contains { $0.text == "\"current_user\"" })
        #expect(try CompleteFlagTests.complete("set datestyle to ").contains { $0.text == "ISO" })
    }

    @Test func plpgsqlStatementsAfterBlockWords() throws {
        let lines = try CompleteFlagTests.complete("do $$ begin if true then update ord")
        #expect(lines.first?.kind == "table" && lines.first?.text == "order_items", "\(lines)")
        #expect(!lines.contains { $0.kind == "keyword" }, "\(lines)")
    }

    @Test func joinConditionsByNameSetSchemaAndStatementOptions() throws {
        let on = try CompleteFlagTests.complete("select * from customers c join orders o on ")
        #expect(on.first == CompleteFlagTests.Line(kind: "join", text: "o.customer_id = c.id", start: 43), "\(on)")
        #expect(on.contains { $0.kind == "join" && $0.text == "o.id = c.id" })
        #expect(try CompleteFlagTests.complete("set schema ").contains(CompleteFlagTests.Line(kind: "schema", text: "'public'", start: 11)))
        #expect(try CompleteFlagTests.complete("analyze (").map(\.text).contains("VERBOSE"))
        #expect(try CompleteFlagTests.complete("select * from generate_s").first?.text == "generate_series")
        #expect(try CompleteFlagTests.complete("select \"Mixed Case\".* from \"Mixed Case\"", cursor: 21).first?.text == "\"Mixed Case\".id")
    }

    /// Kinds looked up on demand, against a schema that has them (each answer checked
    /// against the live catalog's own list).
    @Test func kindsLookedUpOnDemand() throws {
        let db = try TestServer.makeDatabase(prefix: "lookup")
        try TestServer.admin("""
            create table stamped (id serial primary key, note text, made timestamptz default now(), code int generated always as identity);
            create domain positive as int constraint positive_check check (value > 0);
            create function noop_evt() returns event_trigger language plpgsql as $$ begin end $$;
            create event trigger noop_ddl on ddl_command_start execute function noop_evt();
            create publication pub_all for all tables;
            """, database: db)
        func texts(_ text: String) throws -> [String] { try CompleteFlagTests.complete(text, database: db).map(\.text) }
        func kinds(_ text: String) throws -> Set<String> { Set(try CompleteFlagTests.complete(text, database: db).map(\.kind)) }
        #expect(try texts("drop event trigger ") == ["noop_ddl"])
        #expect(try kinds("drop event trigger ") == ["event_trigger"])
        let languages = try TestServer.admin("select lanname from pg_language where lanname <> 'internal' order by 1", database: db)
            .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        #expect(try texts("create function f() returns int language ") == languages)
        #expect(try texts("drop access method b").contains("btree"))
        #expect(try texts("comment on text search configuration eng").first == "english")
        #expect(try texts("drop publication ") == ["pub_all"])
        #expect(try texts("alter domain positive drop constraint ") == ["positive_check"])
        #expect(try texts("alter extension plpgsql update to ") == ["'1.0'"])
        // Time zones, quoted, case-insensitively matched; then inside the literal.
        #expect(try texts("set timezone to eur").contains("'Europe/Amsterdam'"))
        #expect(try texts("set time zone 'Europe/Ams") == ["'Europe/Amsterdam'"])
        // A fresh connection has no cursors or prepared statements: only the keywords.
        #expect(try kinds("fetch ") == ["keyword"])
        // INSERT's columns: not the serial, the now() default or the identity.
        #expect(try texts("insert into stamped (*") == ["note"])
    }

    @Test func compKeywordCaseFromTheVariable() throws {
        #expect(try CompleteFlagTests.complete("alter table orders rename CO", extra: ["-v", "COMP_KEYWORD_CASE=lower"]).map(\.text).prefix(2) == ["column", "constraint"])
        #expect(try CompleteFlagTests.complete("alter table orders rename co", extra: ["-v", "COMP_KEYWORD_CASE=upper"]).map(\.text).prefix(2) == ["COLUMN", "CONSTRAINT"])
        #expect(try CompleteFlagTests.complete("select * from orders ").first?.text == "WHERE")
        #expect(try CompleteFlagTests.complete("\\echo :VERB").map(\.text) == [":VERBOSITY"])
    }

    @Test func unquotedCopyFileAndQualifyingSchemas() throws {
        let dir = NSTemporaryDirectory() + "complete-copy-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir + "/data", withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: dir + "/data/one file.csv", contents: Data())
        let lines = try CompleteFlagTests.complete("copy orders from data/on", currentDirectory: dir)
        #expect(lines == [CompleteFlagTests.Line(kind: "file", text: "'data/one file.csv'", start: 17)], "\(lines)")
        #expect(try CompleteFlagTests.complete("select * from sal").first == CompleteFlagTests.Line(kind: "schema", text: "sales.", start: 14))
        #expect(try CompleteFlagTests.complete("drop schema sal").first == CompleteFlagTests.Line(kind: "schema", text: "sales", start: 12))
        // A table off the search path, qualified.
        #expect(try CompleteFlagTests.complete("select * from reg").contains(CompleteFlagTests.Line(kind: "table", text: "sales.regions", start: 14)))
    }
}
