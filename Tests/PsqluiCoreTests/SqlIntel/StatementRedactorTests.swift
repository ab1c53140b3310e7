import PsqluiCore
import Testing

/// What may leave the machine: literals and secrets become `?` (issue 14).
struct StatementRedactorTests {
    @Test(arguments: [
        ("select * from t where id = 42", "select * from t where id = ?"),
        ("select 'a', E'b\\'c', $$x$$, $q$y$q$, B'101', X'ff', 1.5e3", "select ?, ?, ?, ?, ?, ?, ?"),
        ("alter role app password 'hunter2'", "alter role app password ?"),
        ("create user u with encrypted password 'p@ss'", "create user u with encrypted password ?"),
        ("select 1 -- note: pw=secret\n", "select ? \n"),
        ("select /* secret */ a from t", "select  a from t"),
        ("select a/*x*/from t", "select a from t"),
        ("\\connect postgres://alice:s3cret@db.example/app", "\\connect postgres://alice:?@db.example/app"),
        ("\\c host=db password=s3cret dbname=app", "\\c host=db password=? dbname=app"),
        ("select \"Weird 'Name'\" from \"T\"", "select \"Weird 'Name'\" from \"T\""),
        ("select :'var', :name, $1", "select :'var', :name, $1"),
        ("select 'unterminated", "select ?"),
    ] as [(String, String)])
    func redacts(_ sql: String, _ expected: String) {
        #expect(StatementRedactor.redact(sql) == expected)
    }
}

/// The analysis plugins get: kind, relations, columns.
struct StatementAnalysisServiceTests {
    let intel = StatementAnalysisService()

    @Test(arguments: [
        ("select 1;", "select"), ("  CREATE TABLE x (a int)", "create table"), ("create or replace view v as select 1", "create view"),
        ("create materialized view m as select 1", "create materialized view"), ("drop index i", "drop index"),
        ("explain select 1", "explain"), ("", ""),
    ] as [(String, String)])
    func kind(_ sql: String, _ kind: String) { #expect(intel.analyze(sql).statementKind == kind) }

    @Test(arguments: [
        ("select o.id from orders o join public.customers c on c.id = o.cid", "orders o,public.customers c", "orders.id,public.customers.id,orders.cid"),
        ("insert into log (a) values (1)", "log", ""),
        ("update accounts set balance = 0 where accounts.id = 1", "accounts", "accounts.id"),
        ("with w as (select 1 as x) select w.x from w", "", ""),
        ("select extract(year from ts) from events e", "events e", ""),
        ("select * from a where id in (select aid from b)", "a,b", ""),
    ] as [(String, String, String)])
    func relationsAndQualifiedColumns(_ sql: String, _ relations: String, _ columns: String) {
        let r = intel.analyze(sql)
        let rel = r.referencedRelations.map { ($0.schema.map { $0 + "." } ?? "") + $0.name + ($0.alias.map { " " + $0 } ?? "") }
        #expect(rel.joined(separator: ",") == relations)
        #expect(r.referencedColumns.map(\.description).joined(separator: ",") == columns)
    }

    @Test func unqualifiedColumnsResolveThroughTheMetadataSnapshot() {
        let snapshot = MetadataSnapshot(relations: [.init(schema: "public", name: "items", columns: [.init(name: "id", type: "int4"), .init(name: "label", type: "text")])])
        let r = StatementAnalysisService(snapshot: { snapshot }).analyze("select label, nope from items where id = 1")
        #expect(r.referencedColumns.map(\.description) == ["public.items.label", "public.items.id"])
        #expect(r.redactedText == "select label, nope from items where id = ?")
    }
}
