import Testing
import PsqluiPluginAPI
@testable import PsqluiCore

/// The title, table and footers as psql 15 prints them (expected text copied from
/// `psql -X -c '\d orders_pkey'` and `\ds`-style output on the demo schema).
@Suite struct CatalogTableTests {
    @Test func indexDescriptionMatchesPsql() {
        let t = CatalogTable(
            title: "Index \"public.orders_pkey\"",
            columns: ["Column", "Type", "Key?", "Definition"].map { ColumnInfo(name: $0, typeOID: TypeOID.text) },
            rows: [["id", "integer", "yes", "id"]],
            footers: ["primary key, btree, for table \"public.orders\""])
        #expect(t.render() == [
            "      Index \"public.orders_pkey\"",
            " Column |  Type   | Key? | Definition ",
            "--------+---------+------+------------",
            " id     | integer | yes  | id",
            "primary key, btree, for table \"public.orders\"",
            "",
        ])
    }

    @Test func listingEndsWithRowCountAndNumbersAlignRight() {
        let t = CatalogTable(
            title: "List of schemas",
            columns: [ColumnInfo(name: "Name", typeOID: TypeOID.name), ColumnInfo(name: "Owner", typeOID: TypeOID.name)],
            rows: [["public", "pg_database_owner"], ["sales", "postgres"]])
        #expect(t.render() == [
            "      List of schemas",
            "  Name  |       Owner       ",
            "--------+-------------------",
            " public | pg_database_owner",
            " sales  | postgres",
            "(2 rows)",
            "",
        ])
        let seq = CatalogTable(title: "T", columns: [ColumnInfo(name: "Start", typeOID: TypeOID.int8), ColumnInfo(name: "x", typeOID: TypeOID.text)],
                               rows: [["1", "no"]], footers: [])
        #expect(seq.render()[3] == "     1 | no")
    }

    @Test func titleWiderThanTableIsNotIndented() {
        let t = CatalogTable(title: "A very long title indeed", columns: [ColumnInfo(name: "a", typeOID: TypeOID.text)], rows: [["x"]])
        #expect(t.render().first == "A very long title indeed")
    }

    @Test func roleAttributesUsePsqlsWording() {
        #expect(CatalogListingSQL.roleAttributes(superuser: true, inherit: true, createRole: true, createDB: true, canLogin: true,
                                                 replication: true, bypassRLS: true, connectionLimit: -1, validUntil: nil)
                == "Superuser, Create role, Create DB, Replication, Bypass RLS")
        #expect(CatalogListingSQL.roleAttributes(superuser: false, inherit: false, createRole: false, createDB: false, canLogin: false,
                                                 replication: false, bypassRLS: false, connectionLimit: 1, validUntil: nil)
                == "No inheritance, Cannot login\n1 connection")
    }

    @Test func modifiersComeFromTheNameTyped() {
        #expect(CatalogCommands.modifiers(calledAs: "\\dtS+", bases: ["tables", "dt"]) == (true, true))
        #expect(CatalogCommands.modifiers(calledAs: "tables+", bases: ["tables", "dt"]) == (true, false))
        #expect(CatalogCommands.modifiers(calledAs: "\\dT", bases: ["types", "dT"]) == (false, false))
        #expect(CatalogCommands.patterns("\"My Table\" b") == ["\"My Table\"", "b"])
    }
}
