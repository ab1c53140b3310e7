import Testing
@testable import PsqluiCore

@Suite struct MetadataLoaderTests {
    @Test func queriesBranchOnServerVersion() {
        let v15 = MetadataLoader.queries(serverVersion: 150004)
        #expect(Set(v15.map(\.part)) == Set(MetadataLoader.Part.allCases))
        #expect(v15.first { $0.part == .functions }!.sql.contains("p.prokind"))
        #expect(v15.first { $0.part == .relations }!.sql.contains("'p'"))
        let v9 = MetadataLoader.queries(serverVersion: 90600)
        #expect(v9.first { $0.part == .functions }!.sql.contains("proisagg"))
        #expect(!v9.first { $0.part == .relations }!.sql.contains("'p'"))
    }

    @Test func returnsTableColumns() {
        #expect(MetadataLoader.tableColumns("TABLE(line integer, amount numeric(10,2))") == ["line", "amount"])
        #expect(MetadataLoader.tableColumns("TABLE(\"Line No\" integer, \"a\"\"b\" text)") == ["Line No", "a\"b"])
        #expect(MetadataLoader.tableColumns("SETOF record").isEmpty)
        #expect(MetadataLoader.tableColumns("numeric").isEmpty)
    }

    @Test func buildsSnapshotFromRows() {
        let s = MetadataLoader.build([
            .schemas: [["public", "standard public schema"], ["pg_catalog", nil]],
            .relations: [["public", "orders", "r", "One checkout"], ["public", "order_totals", "v", nil], ["public", "idx", "i", nil]],
            .columns: [["public", "orders", "id", "integer", nil], ["public", "orders", "customer_id", "integer", "who"],
                       ["public", "order_totals", "total", "numeric", nil]],
            .functions: [["public", "customer_total", "cid integer", "numeric", "f", "f", nil],
                         ["pg_catalog", "count", "\"any\"", "bigint", "a", "f", nil]],
            .types: [["pg_catalog", "int4", nil]],
            .foreignKeys: [["16400", "public", "orders", "customer_id", "public", "customers", "id"],
                           ["16401", "public", "order_items", "a", "public", "pairs", "x"],
                           ["16401", "public", "order_items", "b", "public", "pairs", "y"]],
            .roles: [["postgres"]], .databases: [["shop"]],
            .keywords: [["select", "R"], ["name", "U"]],
            .searchPath: [["pg_catalog"], ["public"]],
        ])
        #expect(s.relations.map(\.name) == ["orders", "order_totals"], "indexes are not relations")
        #expect(s.relation(schema: nil, name: "orders")?.columns.map(\.name) == ["id", "customer_id"])
        #expect(s.relation(schema: nil, name: "orders")?.columns[1].comment == "who")
        #expect(s.relation(schema: nil, name: "order_totals")?.kind == .view)
        #expect(s.functions.first { $0.name == "count" }?.kind == .aggregate)
        #expect(s.foreignKeys.count == 2)
        #expect(s.foreignKeys[1].columns == ["a", "b"] && s.foreignKeys[1].referencedColumns == ["x", "y"])
        #expect(s.needsQuotes("select") && !s.needsQuotes("name") && s.needsQuotes("Name") && s.needsQuotes("a b"))
        #expect(s.searchPath == ["pg_catalog", "public"])
    }

    /// Lookups by exact name: quoted mixed-case names are distinct relations, and a
    /// name matches only its own spelling (the lookup is a binary search of sorted keys).
    @Test func findsRelationsByExactName() {
        let names = ["orders", "Orders", "ORDERS_x", "a", "zeta", "orders2", "Ord"]
        let s = MetadataSnapshot(relations: names.map { MetadataSnapshot.Relation(schema: "public", name: $0) }
            + [MetadataSnapshot.Relation(schema: "other", name: "orders", kind: .view)])
        for n in names { #expect(s.relation(schema: "public", name: n)?.name == n) }
        #expect(s.relation(schema: "public", name: "ORDERS") == nil && s.relation(schema: "public", name: "order") == nil)
        #expect(s.relation(schema: "other", name: "orders")?.kind == .view && s.relation(schema: "other", name: "a") == nil)
        #expect(s.relation(schema: nil, name: "orders")?.schema == "public" && s.relation(schema: "nope", name: "a") == nil)
    }

    /// Catalog objects decoded from rows on first use answer as before, also in an annotated copy.
    @Test func catalogObjectsFromRowsOnFirstUse() {
        let s = MetadataLoader.build([.relations: [["public", "t", "r", nil]],
                                      .objects: [["constraint", "public", "t", "t_pkey"], ["index", "public", "t", "t_idx"],
                                                 ["extension", "", "", "plpgsql"], ["bogus", "", "", "x"]]])
        #expect(s.objects(.constraint, schema: "public", table: "t").map(\.name) == ["t_pkey"])
        #expect(s.objects(.extension).map(\.name) == ["plpgsql"] && s.objects.count == 3)
        let copy = s.replacing(relations: s.relations, annotations: [:])
        #expect(copy.objects(.index, schema: "public", table: "t").map(\.name) == ["t_idx"])
    }
}
