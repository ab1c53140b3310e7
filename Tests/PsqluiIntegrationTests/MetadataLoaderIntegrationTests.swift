import Testing
@testable import PsqluiCore

/// The catalog queries against the real test server and the demo schema.
@Suite struct MetadataLoaderIntegrationTests {
    func loadDemo() throws -> MetadataSnapshot {
        let db = try TestServer.makeDatabase()
        let session = PGSession(settings: ConnectionSettings(host: TestServer.host, port: TestServer.port, user: TestServer.user, dbname: db))
        try session.connect()
        defer { session.close() }
        return try MetadataLoader.load(using: session)
    }

    @Test func loadsTheDemoSchema() throws {
        let s = try loadDemo()
        let orders = try #require(s.relation(schema: nil, name: "orders"))
        #expect(orders.columns.map(\.name) == ["id", "customer_id", "status", "ordered_at", "note"])
        #expect(orders.columns[3].type == "timestamp with time zone")
        #expect(orders.comment == "One checkout by one customer")
        #expect(s.relation(schema: nil, name: "customers")?.columns.first { $0.name == "email" }?.comment == "Unique contact address")
        #expect(s.relation(schema: nil, name: "order_totals")?.kind == .view)
        #expect(s.relation(schema: nil, name: "products")?.columns.first { $0.name == "price" }?.type == "numeric(10,2)")
        let fk = s.foreignKeys.filter { $0.schema == "public" }
        #expect(fk.contains { $0.table == "orders" && $0.columns == ["customer_id"] && $0.referencedTable == "customers" && $0.referencedColumns == ["id"] })
        #expect(fk.contains { $0.table == "order_items" && $0.referencedTable == "products" })
        #expect(s.functions(schema: nil, name: "customer_total").first?.arguments == "cid integer")
        #expect(s.functions(schema: nil, name: "customer_total").first?.result == "numeric")
        #expect(s.functions(schema: "pg_catalog", name: "count").contains { $0.kind == .aggregate })
        #expect(s.types.contains { $0.schema == "pg_catalog" && $0.name == "int4" })
        #expect(!s.types.contains { $0.name == "_int4" }, "array types are left out, as in \\dT")
        #expect(s.roles.contains(TestServer.user))
        #expect(s.databases.contains("postgres"))
        #expect(s.keywords.contains { $0.word == "select" && $0.category == "R" })
        #expect(s.searchPath.first == "pg_catalog" && s.searchPath.contains("public"))
        #expect(s.schemas.contains { $0.name == "public" })
    }

    @Test func completesFromTheLiveCatalog() throws {
        let engine = CompletionEngine(snapshot: try loadDemo())
        let joins = engine.complete(text: "select * from orders o join ", cursor: 28).filter { $0.kind == .join }.map(\.text)
        #expect(joins.contains("customers c on c.id = o.customer_id"))
        #expect(joins.contains("order_items oi on oi.order_id = o.id"))
        let on = "select * from orders o join customers c on "
        #expect(engine.complete(text: on, cursor: on.count).first?.text == "c.id = o.customer_id")
        let cols = "select * from customers c where c.em"
        #expect(engine.complete(text: cols, cursor: cols.count).first?.text == "email")
        #expect(engine.complete(text: "select * from pg_cl", cursor: 19).first?.text == "pg_class")
        #expect(!engine.complete(text: "select * from ", cursor: 14).contains { $0.text == "pg_class" })
        let fn = "select customer_t"
        #expect(engine.complete(text: fn, cursor: fn.count).first?.text == "customer_total")
        // "select" is reserved: a column named so would be quoted; "name" is not.
        #expect(engine.snapshot.needsQuotes("select") && !engine.snapshot.needsQuotes("name"))
    }
}
