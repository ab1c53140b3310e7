import Testing
@testable import PsqluiCore

/// Engine cases for issue #12's remaining gaps: keyword-spelled built-ins,
/// setting values that are not enums.
@Suite struct CompletionEngineGapTests {
    static let engine: CompletionEngine = {
        var snapshot = demoSnapshot
        let functions = demoSnapshot.functions + [
            .init(schema: "pg_catalog", name: "current_user", arguments: "", result: "name"),
            .init(schema: "pg_catalog", name: "current_schema", arguments: "", result: "name"),
            .init(schema: "pg_catalog", name: "current_database", arguments: "", result: "name"),
        ]
        snapshot = MetadataSnapshot(schemas: demoSnapshot.schemas, relations: demoSnapshot.relations, functions: functions,
                                    types: demoSnapshot.types, foreignKeys: demoSnapshot.foreignKeys, roles: demoSnapshot.roles,
                                    databases: demoSnapshot.databases, keywords: demoSnapshot.keywords, searchPath: demoSnapshot.searchPath,
                                    objects: [.init(kind: .tablespace, schema: "", table: "", name: "fast_disk")],
                                    settings: [.init(name: "DateStyle", type: "string"), .init(name: "default_tablespace", type: "string")])
        return CompletionEngine(snapshot: snapshot)
    }()

    static func texts(_ text: String) -> [String] { complete(text, engine: engine).map(\.text) }
    func texts(_ text: String) -> [String] { Self.texts(text) }

    @Test func keywordSpelledBuiltinsAreKeywordsNeverQuotedFunctions() {
        let lower = Self.texts("select current_")
        #expect(!lower.contains("\"current_user\"") && !lower.contains("\"current_schema\""), "\(lower)")
        #expect(lower.contains("current_user") && lower.contains("current_schema") && lower.contains("current_date"))
        #expect(lower.contains("current_database"), "an ordinary built-in stays a function")
        #expect(Self.texts("SELECT CURRENT_U").first == "CURRENT_USER")
    }

    @Test func joinConditionsByKeyThenBySharedColumnName() {
        let c = texts("select * from customers c join orders o on ")
        #expect(c.first == "o.customer_id = c.id", "\(c)")
        #expect(c.contains("o.id = c.id"), "a shared column name is a condition too, after the key: \(c)")
        #expect(c.firstIndex(of: "o.id = c.id")! > c.firstIndex(of: "o.customer_id = c.id")!)
        #expect(texts("select * from order_lines(1) a join order_lines(2) b on ").starts(with: ["b.line = a.line", "b.amount = a.amount"]),
                "functions' result columns join by name too")
        #expect(texts("select 1::charac").contains("character varying"))
        let kinds = complete("select * from customers c join orders o on o.customer_id = ").map(\.kind)
        #expect(kinds.first == .alias, "aliases qualify a join condition's columns: \(kinds.prefix(3))")
    }

    @Test func builtInSetReturningFunctionsInFromOnlyWhenNothingElseMatches() {
        #expect(!texts("select * from ").contains("generate_series"))
        #expect(texts("select * from gen").first == "generate_series")
        #expect(texts("select * from ord").allSatisfy { $0 != "generate_series" })
        #expect(texts("select * from order_l").first == "order_lines", "a user's set-returning function stays")
    }

    @Test func everyKeywordLastInAnExpression() {
        let c = complete("select ‸ from orders", engine: Self.engine)
        let firstKeyword = c.firstIndex { $0.kind == .keyword } ?? c.count
        #expect(c[..<firstKeyword].contains { $0.kind == .column })
        #expect(c.contains { $0.kind == .keyword && $0.text == "CASE" })
        #expect(texts("select * from orders where status is n").contains("null"))
    }

    @Test func starExpansionAfterAQuotedQualifier() {
        #expect(complete("select \"Regions\".*‸ from \"Sales\".\"Regions\"", engine: Self.engine).first?.text == "\"Regions\".code")
    }

    @Test func settingValuesBeyondEnums() {
        #expect(Self.texts("set datestyle to ").starts(with: ["ISO", "SQL"]))
        #expect(Self.texts("set DateStyle = g") == ["German"])
        #expect(Self.texts("set default_tablespace to ").contains("fast_disk"))
    }
}

/// The SQL after a command's name argument (`:save NAME SELECT …`) completes as SQL.
@Suite struct CompletionCommandSQLTests {
    static let engine: CompletionEngine = {
        var e = demoEngine
        e.commands.append(.init(name: "save", aliases: ["\\ns"], argumentKind: .words,
                                words: .init(id: "save") { _ in ["by_status"] }, sqlFromArgument: 1))
        return e
    }()

    static func texts(_ text: String) -> [String] { complete(text, engine: engine).map(\.text) }

    @Test func theQueryAfterTheNameCompletesAsSQL() {
        let c = complete(":save recent select * from ord", engine: Self.engine)
        #expect(c.first?.text == "order_items" && c.first?.start == ":save recent select * from ".count, "\(c)")
        #expect(Self.texts("\\ns recent select * from orders o where o.").starts(with: ["customer_id", "id"]))
        #expect(Self.texts(":save recent sel").first == "select")
        #expect(Self.texts(":save by").first == "by_status", "the name itself is the command's word")
        #expect(complete("select 1 \\ns ré select * from ord", engine: Self.engine).first?.start == "select 1 \\ns ré select * from ".count)
    }
}
