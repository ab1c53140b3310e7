import Testing
@testable import PsqluiCore

/// A snapshot modelled on the demo schema (DemoSchema.sql), plus a schema
/// `Sales` with names that need quotes, and a few system objects.
let demoSnapshot: MetadataSnapshot = {
    typealias C = MetadataSnapshot.Column
    let relations: [MetadataSnapshot.Relation] = [
        .init(schema: "public", name: "customers", columns: [C(name: "id", type: "integer"), C(name: "name", type: "text"),
              C(name: "email", type: "text", comment: "Unique contact address"), C(name: "country", type: "character(2)"),
              C(name: "created_at", type: "timestamp with time zone")], comment: "People who buy things"),
        .init(schema: "public", name: "products", columns: [C(name: "id", type: "integer"), C(name: "sku", type: "text"),
              C(name: "title", type: "text"), C(name: "price", type: "numeric(10,2)"), C(name: "tags", type: "text[]"),
              C(name: "attributes", type: "jsonb")]),
        .init(schema: "public", name: "orders", columns: [C(name: "id", type: "integer"), C(name: "customer_id", type: "integer"),
              C(name: "status", type: "text"), C(name: "ordered_at", type: "timestamp with time zone"), C(name: "note", type: "text")]),
        .init(schema: "public", name: "order_items", columns: [C(name: "order_id", type: "integer"), C(name: "product_id", type: "integer"),
              C(name: "quantity", type: "integer"), C(name: "unit_price", type: "numeric(10,2)")]),
        .init(schema: "public", name: "order_totals", kind: .view, columns: [C(name: "order_id", type: "integer"),
              C(name: "customer_id", type: "integer"), C(name: "total", type: "numeric")]),
        .init(schema: "Sales", name: "Order Items", columns: [C(name: "Line No", type: "integer"), C(name: "select", type: "text"),
              C(name: "amount", type: "numeric")]),
        .init(schema: "Sales", name: "Regions", columns: [C(name: "code", type: "text")]),
        .init(schema: "pg_catalog", name: "pg_class", columns: [C(name: "relname", type: "name")]),
        .init(schema: "information_schema", name: "tables", kind: .view, columns: [C(name: "table_name", type: "name")]),
    ]
    let fks: [MetadataSnapshot.ForeignKey] = [
        .init(schema: "public", table: "orders", columns: ["customer_id"], referencedSchema: "public", referencedTable: "customers", referencedColumns: ["id"]),
        .init(schema: "public", table: "order_items", columns: ["order_id"], referencedSchema: "public", referencedTable: "orders", referencedColumns: ["id"]),
        .init(schema: "public", table: "order_items", columns: ["product_id"], referencedSchema: "public", referencedTable: "products", referencedColumns: ["id"]),
    ]
    let functions: [MetadataSnapshot.Function] = [
        .init(schema: "public", name: "customer_total", arguments: "cid integer", result: "numeric"),
        .init(schema: "public", name: "order_lines", arguments: "oid integer", result: "TABLE(line integer, amount numeric)", returnsSet: true,
              resultColumns: ["line", "amount"]),
        .init(schema: "pg_catalog", name: "count", arguments: "\"any\"", result: "bigint", kind: .aggregate),
        .init(schema: "pg_catalog", name: "coalesce", arguments: "", result: "anyelement"),
        .init(schema: "pg_catalog", name: "current_timestamp", arguments: "", result: "timestamptz"),
        .init(schema: "pg_catalog", name: "generate_series", arguments: "integer, integer", result: "SETOF integer", returnsSet: true),
        .init(schema: "pg_catalog", name: "customer_builtin_lookalike", arguments: "", result: "text"),
    ]
    let types: [MetadataSnapshot.DataType] = ["int4", "int8", "text", "numeric", "timestamptz", "bool", "jsonb"].map { .init(schema: "pg_catalog", name: $0) }
        + [.init(schema: "public", name: "order_status")]
    return MetadataSnapshot(
        schemas: [.init(name: "public"), .init(name: "Sales"), .init(name: "pg_catalog"), .init(name: "information_schema")],
        relations: relations, functions: functions, types: types, foreignKeys: fks,
        roles: ["alice", "postgres", "pg_monitor", "Bob"], databases: ["shop", "postgres", "template1"],
        keywords: [.init(word: "select", category: "R"), .init(word: "from", category: "R"), .init(word: "name", category: "U")],
        searchPath: ["pg_catalog", "public"])
}()

let demoCommands: [CompletionCommandInfo] = [
    .init(name: "describe", aliases: ["d", "d+", "\\d", "\\d+"], argumentKind: .relation),
    .init(name: "export", argumentKind: .format),
    .init(name: "run", aliases: ["\\i"], argumentKind: .file),
    .init(name: "connect", aliases: ["\\c"], argumentKind: .database),
    .init(name: "quit", aliases: ["q", "\\q"]),
    .init(name: "set", argumentKind: .variable),
    .init(name: "help", argumentKind: .command),
    .init(name: "output", aliases: ["\\o"], argumentKind: .file),
    .init(name: "go", aliases: ["\\g"], argumentKind: .file),
]

let demoEngine = CompletionEngine(
    snapshot: demoSnapshot, commands: demoCommands, formats: ["csv", "tsv", "json", "ndjson", "markdown", "parquet"],
    variables: ["my_id", "ON_ERROR_STOP"],
    listDirectory: { dir in
        switch dir {
        case ".": return [("migrations", true), ("migrate.sql", false), ("notes.txt", false), (".hidden.sql", false)]
        case "migrations/": return [("001_init.sql", false), ("002_more.sql", false)]
        default: return []
        }
    })

/// Completes `text` with the cursor at `‸` (or the end).
func complete(_ text: String, engine: CompletionEngine = demoEngine) -> [CompletionCandidate] {
    let parts = text.components(separatedBy: "‸")
    return engine.complete(text: parts.joined(), cursor: parts[0].count)
}

func texts(_ text: String) -> [String] { complete(text).map(\.text) }

@Suite struct CompletionEngineTests {
    @Test func tablesAfterFromRankedPrefixFirst() {
        let c = complete("select * from ord")
        #expect(Array(c.map(\.text).prefix(3)) == ["order_items", "order_totals", "orders"])
        #expect(c.first?.start == 14)
        #expect(c.first(where: { $0.text == "order_totals" })?.kind == .view)
        #expect(c.first(where: { $0.text == "orders" })?.kind == .table)
        // Everything after the prefix matches is fuzzy and flagged as such.
        let firstFuzzy = c.firstIndex { !$0.isPrefixMatch } ?? c.count
        #expect(c[firstFuzzy...].allSatisfy { !$0.isPrefixMatch })
        #expect(c[..<firstFuzzy].allSatisfy { $0.text.lowercased().hasPrefix("ord") || $0.text.lowercased().hasPrefix("\"ord") })
    }

    @Test func relationsOffTheSearchPathComeQualifiedAndListedOnly() {
        let c = complete("select * from ord")
        let qualified = c.first { $0.text == "\"Sales\".\"Order Items\"" }
        #expect(qualified?.isPrefixMatch == false, "listed, never inserted by a lone Tab: \(c.map(\.text))")
        #expect(CompletionOutput.insertion(typed: "ord", candidates: c) == "order")
        #expect(!texts("select * from ").contains { $0.hasPrefix("\"Sales\".\"") }, "a bare FROM lists the path's relations only")
    }

    @Test func fuzzyMatchesComeAfterPrefixMatches() {
        let c = complete("select * from oit")
        #expect(c.first?.text == "order_items")
        #expect(c.first?.isPrefixMatch == false)
        #expect(!c.contains { $0.text == "customers" })
    }

    @Test func systemSchemasHiddenUntilTyped() {
        let all = texts("select * from ")
        #expect(!all.contains("pg_class") && !all.contains("tables"))
        #expect(!all.contains("pg_catalog") && !all.contains("information_schema"))
        // A schema that qualifies a name comes with its dot, as in psql (no space follows it).
        #expect(all.contains("public.") && all.contains("\"Sales\"."))
        #expect(texts("select * from pg_").contains("pg_class"))
        #expect(texts("select * from pg_").contains("pg_catalog."))
        #expect(texts("select * from inf").contains("information_schema."))
        #expect(texts("select * from information_schema.").contains("tables"))
        #expect(texts("select * from pg_catalog.").contains("pg_class"))
    }

    @Test func schemaQualifiedAndQuotedNames() {
        #expect(texts("select * from \"Sales\".") == ["\"Order Items\"", "\"Regions\""])
        #expect(texts("select * from \"Sales\".ord").first == "\"Order Items\"")
        #expect(texts("select * from sales.").isEmpty, "unquoted sales folds to lower case: no such schema")
        #expect(texts("select * from orders O where O.st") == ["status"], "a column through an alias keeps the alias as typed")
        #expect(texts("select * from \"Sal").first == "\"Sales\".")
        #expect(texts("select * from sal").first == "\"Sales\".", "lower-case input matches case-insensitively")
        #expect(texts("drop schema sal").first == "\"Sales\"", "the schema itself: no dot")
        let cols = texts("select x.‸ from \"Sales\".\"Order Items\" x")
        #expect(cols == ["amount", "\"Line No\"", "\"select\""])
    }

    @Test func columnsThroughAliasesAndScope() {
        #expect(texts("select * from orders o where o.") == ["customer_id", "id", "note", "ordered_at", "status"])
        let st = complete("select * from orders o where o.st")
        #expect(st.map(\.text) == ["status"], "s-t inside customer_id starts no word: not offered")
        let cid = complete("select * from orders o where o.cid")
        #expect(cid.map(\.text) == ["customer_id"] && cid.map(\.isPrefixMatch) == [false], "c…, id: pieces at word starts")
        let c = complete("select ‸ from orders o join customers c on c.id = o.customer_id")
        let cols = c.filter { $0.kind == .column }.map(\.text)
        #expect(cols.contains("status") && cols.contains("email") && cols.filter { $0 == "id" }.count == 1)
        #expect(c.first?.kind == .column)
        #expect(c.contains { $0.kind == .alias && $0.text == "o" })
        #expect(complete("select * from customers c where c.em").first?.detail == "Unique contact address")
        #expect(complete("select * from orders o where o.st").first?.detail == "text")
    }

    @Test func columnsBeforeFromInTheBuffer() {
        let c = complete("select cu‸ from orders")
        #expect(c.first?.text == "customer_id")
        #expect(c.first?.kind == .column)
        // A user function comes after the columns, a built-in after the user function.
        let names = c.map(\.text)
        let ci = names.firstIndex(of: "customer_id")!, fi = names.firstIndex(of: "customer_total")!
        let bi = names.firstIndex(of: "customer_builtin_lookalike")!
        #expect(ci < fi && fi < bi)
    }

    @Test func columnsOfCtesSubqueriesAndFunctions() {
        #expect(texts("with t as (select id, status as s from orders) select t.‸ from t") == ["id", "s"])
        #expect(texts("with t as (select * from customers) select t.‸ from t").contains("email"))
        #expect(texts("select s.‸ from (select o.id, c.name from orders o join customers c on true) s") == ["id", "name"])
        #expect(texts("select * from order_lines(1) l where l.") == ["amount", "line"])
        #expect(texts("select * from generate_series(1, 3) g where g.") == ["g"])
        #expect(texts("select * from generate_series(1, 3) g(n) where g.") == ["n"])
        #expect(texts("with recent as (select 1) select * from rec").first == "recent")
    }

    @Test func joinSuggestionsFromForeignKeys() {
        let c = complete("select * from orders o join ")
        #expect(c.first?.kind == .join)
        let joins = c.filter { $0.kind == .join }.map(\.text)
        #expect(joins.contains("customers c on c.id = o.customer_id"))
        #expect(joins.contains("order_items oi on oi.order_id = o.id"))
        // Plain tables follow the FK joins.
        let firstTable = c.firstIndex { $0.kind == .table }!
        #expect(c[..<firstTable].allSatisfy { $0.kind == .join })
        // Lower-case input gets lower-case keywords; a typed prefix filters by table name.
        #expect(texts("select * from orders o join cu").first == "customers c on c.id = o.customer_id")
        let upper = complete("SELECT * FROM orders o JOIN ")
        #expect(upper.contains { $0.text == "customers c ON c.id = o.customer_id" })
        // Without aliases in scope, the join uses table names.
        #expect(texts("select * from orders join ").contains("customers on customers.id = orders.customer_id"))
    }

    @Test func joinConditionAfterOn() {
        #expect(texts("select * from orders o join customers c on ").first == "c.id = o.customer_id")
        #expect(texts("select * from order_items i join orders o on ").first == "o.id = i.order_id")
        // USING needs a column both sides have: orders(id…) and order_items(order_id…) share none.
        #expect(texts("select * from orders o join order_items i using (").isEmpty)
        #expect(texts("select * from order_totals t join orders o using (") == ["customer_id"])
    }

    @Test func keywordsFollowTheUsersCase() {
        // psql's default COMP_KEYWORD_CASE, preserve-upper: the case of the word typed, upper when none.
        #expect(texts("select * from orders wh") == ["where"])
        #expect(texts("SELECT * FROM orders WH") == ["WHERE"])
        #expect(texts("select * from orders ").first == "WHERE")
        #expect(texts("SEL").first == "SELECT")
        #expect(texts("sel").first == "select")
    }

    @Test(arguments: [
        ("lower", "select * from orders WH", "where"), ("lower", "SEL", "select"),
        ("upper", "select * from orders wh", "WHERE"), ("upper", "sel", "SELECT"),
        ("preserve-upper", "select * from orders ", "WHERE"), ("preserve-upper", "wI", "with"),
        ("preserve-lower", "select * from orders ", "where"), ("preserve-lower", "Wi", "WITH"),
        ("PRESERVE-LOWER", "sel", "select"), ("nonsense", "select * from orders ", "WHERE"),
    ])
    func compKeywordCase(mode: String, text: String, first: String) {
        var engine = demoEngine
        engine.keywordCase = KeywordCase(variable: mode)
        let c = engine.complete(text: text, cursor: text.count).filter { $0.kind == .keyword }
        #expect(c.first?.text == first, "\(mode) \(text): \(c.prefix(3).map(\.text))")
    }

    @Test func typesRolesDatabasesSchemas() {
        let t = texts("select 1::")
        #expect(t.first == "order_status", "user types before built-ins")
        #expect(t.contains("int4") && t.contains("integer") && t.contains("timestamptz"))
        #expect(texts("alter table orders owner to ").prefix(3) == ["alice", "\"Bob\"", "postgres"])
        #expect(texts("set search_path to ") == ["public", "\"Sales\""])
        #expect(texts("create table t (id ").contains("integer"))
        #expect(texts("select cast(x as num").first == "numeric")
    }

    @Test func commandsAndArguments() {
        #expect(texts(":desc") == [":describe"])
        #expect(texts(":d").prefix(3) == [":describe", ":d", ":d+"])
        #expect(texts("\\d").prefix(2) == ["\\d", "\\d+"])
        #expect(texts(":describe ord").prefix(3) == ["order_items", "order_totals", "orders"])
        #expect(texts(":describe \"Sales\".") == ["\"Order Items\"", "\"Regions\""])
        let described = complete(":describe \"Sales\".Reg")
        #expect(described.first?.text == "\"Regions\"" && described.first?.start == 18)
        #expect(texts(":export ") == ["csv", "tsv", "json", "ndjson", "markdown", "parquet"].sorted())
        #expect(texts(":export par") == ["parquet"])
        #expect(texts(":run ") == ["migrations/", "migrate.sql", "notes.txt"])
        #expect(texts(":run mig") == ["migrations/", "migrate.sql"])
        #expect(texts(":run migrations/0") == ["migrations/001_init.sql", "migrations/002_more.sql"])
        #expect(texts(":run .") == [".hidden.sql"])
        #expect(texts("\\i migr") == ["migrations/", "migrate.sql"])
        #expect(texts("select * from orders \\g no") == ["notes.txt"])
        #expect(texts(":export csv > no") == ["notes.txt"])
        #expect(texts(":connect ") == ["postgres", "shop", "template1"])
        #expect(Array(texts(":set ").prefix(2)) == ["my_id", "ON_ERROR_STOP"], "set variables first, then psql's special ones")
        #expect(texts(":set ").contains("ECHO"))
        #expect(texts(":help ex") == ["export"])
        #expect(texts(":quit ").isEmpty)
        #expect(texts("select * from orders where id = :my") == [":my_id"])
    }

    @Test func cteNamesAndNoCandidatesInStrings() {
        #expect(texts("select * from orders where note = 'ord").isEmpty)
        #expect(texts("-- select * from ord").isEmpty)
    }

    @Test func noPrefixCandidateDeletesTypedText() {
        for input in ["select * from ord", "select * from orders o where o.cus", "sel", ":exp", "select * from \"Sal",
                      "select * from orders o join cu", "select 1::int"] {
            let word = CompletionAnalyzer.suggest(textBeforeCursor: input, fullText: input).word
            let typed = CandidateCollector.needle(for: word)
            for c in complete(input) where c.isPrefixMatch {
                let key = CandidateCollector.needle(for: c.text)
                #expect(key.starts(with: typed), "\(c.text) does not extend \(word)")
            }
            let insertion = CompletionOutput.insertion(typed: word, candidates: complete(input))
            #expect(insertion.count >= word.count)
        }
        // Only fuzzy matches: libedit keeps the typed word.
        #expect(CompletionOutput.insertion(typed: "oit", candidates: complete("select * from oit")) == "oit")
        #expect(CompletionOutput.insertion(typed: "ord", candidates: complete("select * from ord")) == "order")
        #expect(CompletionOutput.insertion(typed: "cust", candidates: complete("select * from cust")) == "customers",
                "customer_total is not set-returning: Tab does not insert it after FROM")
    }

    @Test func aUsersScalarFunctionIsListedLastInFromButNeverInserted() {
        let c = complete("select * from cust")
        #expect(c.first?.text == "customers")
        #expect(c.last?.text == "customer_total", "PostgreSQL accepts any function in FROM: \(c.map(\.text))")
        #expect(c.last?.isPrefixMatch == false)
        #expect(complete("SELECT * FROM CUST").last?.text == "customer_total")
        #expect(!texts("select * from upp").contains("upper"), "a built-in scalar function does not fit in FROM")
    }

    @Test func scriptableOutputFormat() {
        let out = CompletionOutput.format(complete("select * from cust"))
        #expect(out.hasPrefix("table\tcustomers\t14\n"))
        #expect(CompletionOutput.format([]) == "")
    }

    @Test func worksWithoutAServer() {
        let engine = CompletionEngine(snapshot: .empty, commands: demoCommands)
        #expect(complete("sel", engine: engine).first?.text == "select")
        #expect(complete("select * from orders wh", engine: engine).first?.text == "where")
        #expect(complete(":qu", engine: engine).first?.text == ":quit")
        #expect(complete("select * from ", engine: engine).isEmpty)
    }

    @Test func cursorOffsetsAreCharacters() {
        let text = "select 'ü' , * from cust"
        let c = demoEngine.complete(text: text, cursor: text.count)
        #expect(c.first?.text == "customers" && c.first?.start == 20)
        // A cursor before the end completes the word up to the cursor.
        let mid = demoEngine.complete(text: "select * from custXYZ", cursor: 18)
        #expect(mid.first?.text == "customers")
    }

    @Test func syntheticSnapshotAnswers() {
        let engine = CompletionEngine(snapshot: SyntheticSnapshot.make(tables: 500, columnsPerTable: 10))
        #expect(complete("select * from orders_8", engine: engine).first?.text == "orders_8")
        #expect(complete("select * from orders_8 o join ", engine: engine).first?.kind == .join)
        #expect(complete("select * from orders_8 o where o.", engine: engine).count == 10)
    }
}
