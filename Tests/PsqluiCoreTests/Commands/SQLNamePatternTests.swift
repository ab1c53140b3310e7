import Testing
@testable import PsqluiCore

/// psql's pattern rules, one case a line. Expected regexes are what `psql -X -E`
/// (15) sends for `\dt PATTERN`.
@Suite struct SQLNamePatternTests {
    static let cases: [(pattern: String, schema: String?, name: String?)] = [
        ("orders", nil, "^(orders)$"),
        ("ORD*", nil, "^(ord.*)$"),
        ("\"ORD\"", nil, "^(ORD)$"),
        ("o?d", nil, "^(o.d)$"),
        ("a$b", nil, "^(a\\$b)$"),
        ("a+b", nil, "^(a+b)$"),
        ("ab(c", nil, "^(ab(c)$"),
        ("\"a.b\"", nil, "^(a\\.b)$"),
        ("x\"y\"z", nil, "^(xyz)$"),
        ("\"a\"\"b\"", nil, "^(a\"b)$"),
        ("sales.*", "^(sales)$", "^(.*)$"),
        ("sales.", "^(sales)$", "^()$"),
        ("*.x", "^(.*)$", "^(x)$"),
        ("Sales.Orders", "^(sales)$", "^(orders)$"),
        ("\"Sales\".orders", "^(Sales)$", "^(orders)$"),
        ("\"a*b\"", nil, "^(a\\*b)$"),
        ("\"A|B\"", nil, "^(A\\|B)$"),
        ("a|b", nil, "^(a|b)$"),
        ("café", nil, "^(café)$"),
        ("\"x.y\".z", "^(x\\.y)$", "^(z)$"),
    ]

    @Test(arguments: cases)
    func translates(_ c: (pattern: String, schema: String?, name: String?)) throws {
        let p = try SQLNamePattern.parse(c.pattern)
        #expect(p.schemaRegex == c.schema)
        #expect(p.nameRegex == c.name)
    }

    @Test func emptyPatternConstrainsNothing() throws {
        #expect(try SQLNamePattern.parse("") == SQLNamePattern())
        #expect(try SQLNamePattern.conditions("", schema: "n.nspname", name: "c.relname", visibility: "vis") == ["vis"])
    }

    @Test func threePartsNameTheDatabase() throws {
        let p = try SQLNamePattern.parse("demo.sales.x")
        #expect(p.databaseRegex == "^(demo)$")
        #expect(throws: SQLNamePattern.Problem.crossDatabase("a.b.c")) { try SQLNamePattern.validate("a.b.c", currentDatabase: "demo") }
        try SQLNamePattern.validate("demo.sales.x", currentDatabase: "demo")
    }

    @Test func tooManyDotsIsPsqlsError() {
        #expect(throws: SQLNamePattern.Problem.tooManyDots("a.b.c.d")) { try SQLNamePattern.parse("a.b.c.d") }
        #expect(throws: SQLNamePattern.Problem.tooManyDots("a.b")) { try SQLNamePattern.parse("a.b", maxParts: 1) }
        #expect(SQLNamePattern.Problem.tooManyDots("a.b.c").description == "improper qualified name (too many dotted names): a.b.c")
    }

    /// The exact condition lines psql 15 sends (from `psql -E`).
    @Test func conditionsMatchPsql() throws {
        let vis = "pg_catalog.pg_table_is_visible(c.oid)"
        #expect(try SQLNamePattern.conditions("ORD*", schema: "n.nspname", name: "c.relname", visibility: vis)
                == ["c.relname OPERATOR(pg_catalog.~) '^(ord.*)$' COLLATE pg_catalog.default", vis])
        #expect(try SQLNamePattern.conditions("sales.*", schema: "n.nspname", name: "c.relname", visibility: vis)
                == ["n.nspname OPERATOR(pg_catalog.~) '^(sales)$' COLLATE pg_catalog.default"])
        #expect(try SQLNamePattern.conditions("a$b", schema: "n.nspname", name: "c.relname", visibility: vis)
                == ["c.relname OPERATOR(pg_catalog.~) E'^(a\\\\$b)$' COLLATE pg_catalog.default", vis])
        #expect(try SQLNamePattern.conditions("it's", schema: nil, name: "d.datname", visibility: nil)
                == ["d.datname OPERATOR(pg_catalog.~) '^(it''s)$' COLLATE pg_catalog.default"])
        #expect(try SQLNamePattern.conditions(nil, schema: "n.nspname", name: "c.relname", visibility: vis) == [vis])
    }

    @Test func schemalessPatterns() {
        #expect(SQLNamePattern.isSchemaless("orders"))
        #expect(SQLNamePattern.isSchemaless("\"a.b\""))
        #expect(!SQLNamePattern.isSchemaless("s.t"))
    }
}
