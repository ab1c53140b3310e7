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
        ("aclitem[]", nil, "^(aclitem\\[])$"),
        ("int[][]", nil, "^(int\\[]\\[])$"),
        ("regres[qrstuv]ion", nil, "^(regres[qrstuv]ion)$"),
        ("\"a[]\"", nil, "^(a\\[\\])$"),
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

    /// `\do`'s patterns: regex characters literal, `*` `?` `.` still pattern syntax.
    @Test func operatorPatternsEscapeRegex() throws {
        #expect(try SQLNamePattern.parse("||", escapingRegex: true).nameRegex == "^(\\|\\|)$")
        #expect(try SQLNamePattern.parse("?|", escapingRegex: true).nameRegex == "^(.\\|)$")
        #expect(try SQLNamePattern.parse("~~*", escapingRegex: true).nameRegex == "^(~~.*)$")
        #expect(try SQLNamePattern.parse("a.b+", escapingRegex: true).nameRegex == "^(b\\+)$")
    }

    @Test func schemalessPatterns() {
        #expect(SQLNamePattern.isSchemaless("orders"))
        #expect(SQLNamePattern.isSchemaless("\"a.b\""))
        #expect(!SQLNamePattern.isSchemaless("s.t"))
    }

    /// psql 15's rewriting of type spellings in `\df`/`\do` argument patterns (from
    /// `psql -E`: `\df x WORD`).
    @Test(arguments: [
        ("int", "integer"), ("INT", "integer"), ("float", "double precision"), ("decimal", "numeric"),
        ("int4", "int4"), ("int4[]", "integer[]"), ("Int4[]", "integer[]"), ("int4[][]", "int4[][]"),
        ("varchar[]", "character varying[]"), ("timestamptz[]", "timestamp with time zone[]"), ("bool", "bool"),
        ("bool[]", "boolean[]"), ("FLOAT[]", "double precision[]"), ("bpchar[]", "bpchar[]"), ("pg_catalog.int", "pg_catalog.int"),
        ("\"int\"", "\"int\""), ("int*", "int*"),
    ])
    func typeSpellings(_ c: (String, String)) {
        #expect(ArgumentTypePatterns.rewritten(c.0) == c.1)
    }

    /// `-` is "no argument"; `*` keeps only the visibility test; `*.*` tests nothing.
    @Test func argumentTypeConditions() throws {
        let none = try ArgumentTypePatterns.clauses(["-"], typeColumns: ["o.oprright"], currentDatabase: "db")
        #expect(none.conditions == ["t0.typname IS NULL"])
        #expect(none.joins.contains("LEFT JOIN pg_catalog.pg_type t0 ON t0.oid = o.oprright"))
        #expect(try ArgumentTypePatterns.clauses(["*"], typeColumns: ["c"], currentDatabase: "db").conditions
                == ["pg_catalog.pg_type_is_visible(t0.oid)"])
        #expect(try ArgumentTypePatterns.clauses(["*.*"], typeColumns: ["c"], currentDatabase: "db").conditions.isEmpty)
        #expect(throws: SQLNamePattern.Problem.crossDatabase("other.pg_catalog.int4")) {
            try ArgumentTypePatterns.clauses(["other.pg_catalog.int4"], typeColumns: ["c"], currentDatabase: "db")
        }
    }
}
