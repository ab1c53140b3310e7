import Testing
@testable import PsqluiCore

/// One-line cases for the pure analyzer: `‸` marks the cursor (default: the
/// end); the expectation lists the suggestion kinds in order, keyword lists
/// abbreviated to `keyword` (their contents are checked in `keywordCases`).
struct AnalyzerCase: CustomTestStringConvertible, Sendable {
    let text: String
    let expected: [String]
    init(_ text: String, _ expected: [String]) { self.text = text; self.expected = expected }
    var testDescription: String { text }

    var split: (before: String, full: String) {
        let parts = text.components(separatedBy: "‸")
        return (parts[0], parts.joined())
    }

    static func labels(_ c: CompletionContext) -> [String] {
        c.suggestions.map { if case .keyword = $0 { return "keyword" } else { return $0.label } }
    }
}

let relationStart = ["relation", "schema", "tableFunction"]
let expressionIn: (String) -> [String] = { scope in ["column(\(scope))", "alias(\(scope.split(separator: ",").map { $0.split(separator: " ").last.map(String.init) ?? "" }.joined(separator: ",")))", "function", "keyword"] }

let analyzerBaseCases: [AnalyzerCase] = [
    // Statement starts.
    AnalyzerCase("", ["keyword"]),
    AnalyzerCase("  ", ["keyword"]),
    AnalyzerCase("select 1; ", ["keyword"]),
    AnalyzerCase("select 1;\n", ["keyword"]),
    AnalyzerCase("select 1; ‸ select 2", ["keyword"]),
    // FROM and JOIN.
    AnalyzerCase("select * from ", relationStart),
    AnalyzerCase("select a from ", relationStart),
    AnalyzerCase("select a, b from ", relationStart),
    AnalyzerCase("select * from orders, ", relationStart),
    AnalyzerCase("select * from orders o, ", relationStart),
    AnalyzerCase("select * from orders as o, ", relationStart),
    AnalyzerCase("select * from public.", ["relation(public)", "tableFunction(public)"]),
    AnalyzerCase("select * from \"Sales\".", ["relation(Sales)", "tableFunction(Sales)"]),
    AnalyzerCase("select * from orders o join ", ["join(orders o)", "relation", "schema", "tableFunction"]),
    AnalyzerCase("select * from orders join ", ["join(orders)", "relation", "schema", "tableFunction"]),
    AnalyzerCase("select * from orders o inner join ", ["join(orders o)", "relation", "schema", "tableFunction"]),
    AnalyzerCase("select * from orders o left join ", ["join(orders o)", "relation", "schema", "tableFunction"]),
    AnalyzerCase("select * from orders o left outer join ", ["join(orders o)", "relation", "schema", "tableFunction"]),
    AnalyzerCase("select * from orders o join customers c on c.id = o.customer_id join ",
                 ["join(orders o,customers c)", "relation", "schema", "tableFunction"]),
    AnalyzerCase("select * from public.orders o join ", ["join(public.orders o)", "relation", "schema", "tableFunction"]),
    AnalyzerCase("select * from orders o join public.", ["relation(public)", "tableFunction(public)"]),
    AnalyzerCase("select * from orders o join customers c on ",
                 ["joinCondition(customers c;orders o)", "alias(o,c)", "column(orders o,customers c)", "function"]),
    AnalyzerCase("select * from orders join customers on ",
                 ["joinCondition(customers;orders)", "alias(orders,customers)", "column(orders,customers)", "function"]),
    AnalyzerCase("select * from orders o join customers c on c.id = ", ["alias(o,c)", "column(orders o,customers c)", "function"]),
    AnalyzerCase("select * from orders o join customers c on c.", ["column(customers c)"]),
    AnalyzerCase("select * from orders o join customers c on c.id = o.", ["column(orders o)"]),
    AnalyzerCase("select * from orders o join order_items i using (", ["using(orders o;order_items i)"]),
    AnalyzerCase("select * from orders o join order_items i using (order_id, ", ["using(orders o;order_items i)"]),
    AnalyzerCase("select * from orders o join order_items i ", ["keyword"]),
    AnalyzerCase("select * from orders ", ["keyword"]),
    AnalyzerCase("select * from orders o ", ["keyword"]),
    AnalyzerCase("select * from orders o left ", ["keyword"]),
    AnalyzerCase("select * from orders o natural ", ["keyword"]),
    AnalyzerCase("select * from (", ["keyword"]),
    AnalyzerCase("select * from lateral (", ["keyword"]),
    AnalyzerCase("select * from orders, lateral (", ["keyword"]),
    // SELECT list.
    AnalyzerCase("select ", ["function", "keyword"]),
    AnalyzerCase("select ‸ from orders", expressionIn("orders")),
    AnalyzerCase("select ‸ from orders o", expressionIn("orders o")),
    AnalyzerCase("select id, ‸ from orders o", expressionIn("orders o")),
    AnalyzerCase("select distinct ‸ from orders o", expressionIn("orders o")),
    AnalyzerCase("select o.‸ from orders o", ["column(orders o)"]),
    AnalyzerCase("select orders.‸ from orders", ["column(orders)"]),
    AnalyzerCase("select public.orders.‸ from public.orders", ["column(public.orders)"]),
    AnalyzerCase("select ‸ from orders o join customers c on c.id = o.customer_id", expressionIn("orders o,customers c")),
    AnalyzerCase("select c.‸ from orders o join customers c on c.id = o.customer_id", ["column(customers c)"]),
    AnalyzerCase("select x.‸ from orders o", ["function(x)"]),
    AnalyzerCase("select pg_catalog.", ["function(pg_catalog)"]),
    AnalyzerCase("select a + ‸ from t", expressionIn("t")),
    AnalyzerCase("select a ", ["keyword"]),
    AnalyzerCase("select a as ", []),
    AnalyzerCase("select count(‸) from orders", expressionIn("orders")),
    AnalyzerCase("select count(distinct ‸) from orders", expressionIn("orders")),
    AnalyzerCase("select coalesce(a, ‸) from orders", expressionIn("orders")),
    AnalyzerCase("select sum(i.‸) from order_items i", ["column(order_items i)"]),
    AnalyzerCase("select ‸ from orders union select id from customers", expressionIn("orders")),
    AnalyzerCase("select id from orders union select ‸ from customers", expressionIn("customers")),
    AnalyzerCase("select * from orders union ", ["keyword"]),
    // WHERE, GROUP BY, ORDER BY, HAVING.
    AnalyzerCase("select * from orders where ", expressionIn("orders")),
    AnalyzerCase("select * from orders o where ", expressionIn("orders o")),
    AnalyzerCase("select * from orders o where o.", ["column(orders o)"]),
    AnalyzerCase("select * from orders o where o.id = 1 and ", expressionIn("orders o")),
    AnalyzerCase("select * from orders o where o.id = 1 or ", expressionIn("orders o")),
    AnalyzerCase("select * from orders o where not ", expressionIn("orders o")),
    AnalyzerCase("select * from orders where id = ", expressionIn("orders")),
    AnalyzerCase("select * from orders where id > ", expressionIn("orders")),
    AnalyzerCase("select * from orders where id ", ["keyword"]),
    AnalyzerCase("select * from orders where note is ", ["keyword"]),
    AnalyzerCase("select * from orders where note is not ", ["keyword"]),
    AnalyzerCase("select * from orders where id between ", expressionIn("orders")),
    AnalyzerCase("select * from orders where status like ", expressionIn("orders")),
    AnalyzerCase("select * from orders where id in (", ["column(orders)", "alias(orders)", "function", "keyword"]),
    AnalyzerCase("select * from orders where id in (select ", ["function", "keyword"]),
    AnalyzerCase("select * from orders where id in (select ‸ from order_items)", expressionIn("order_items")),
    AnalyzerCase("select * from orders o where exists (select 1 from order_items i where i.", ["column(order_items i)"]),
    AnalyzerCase("select * from orders o where exists (select 1 from order_items i where i.order_id = o.", ["column(orders o)"]),
    AnalyzerCase("select * from orders o where exists (", ["keyword"]),
    AnalyzerCase("select * from orders group ", ["keyword"]),
    AnalyzerCase("select * from orders group by ", ["column(orders)", "alias(orders)", "function"]),
    AnalyzerCase("select * from orders group by status, ", ["column(orders)", "alias(orders)", "function"]),
    AnalyzerCase("select * from orders group by status ", ["keyword"]),
    AnalyzerCase("select * from orders order ", ["keyword"]),
    AnalyzerCase("select * from orders order by ", ["column(orders)", "alias(orders)", "function"]),
    AnalyzerCase("select * from orders order by id ", ["keyword"]),
    AnalyzerCase("select * from orders order by id nulls ", ["keyword"]),
    AnalyzerCase("select status from orders group by status having ", expressionIn("orders")),
    AnalyzerCase("select * from orders limit ", ["keyword"]),
    AnalyzerCase("select * from orders offset ", []),
    AnalyzerCase("select row_number() over (", ["keyword"]),
    AnalyzerCase("select row_number() over (partition by ‸) from orders", ["column(orders)", "alias(orders)", "function"]),
    AnalyzerCase("select case when ‸ from orders", expressionIn("orders")),
    AnalyzerCase("select * from orders where status = 'new' and ", expressionIn("orders")),
    AnalyzerCase("select * from orders where (", ["column(orders)", "alias(orders)", "function", "keyword"]),
    // CTEs, subqueries, functions in FROM.
    AnalyzerCase("with x as (select a, b from t) select * from ", relationStart),
    AnalyzerCase("with x as (select a, b from t) select x.‸ from x", ["column(x)"]),
    AnalyzerCase("with x as (select a, b from t) select ‸ from x", expressionIn("x")),
    AnalyzerCase("with x(c1, c2) as (select a, b from t) select ‸ from x", expressionIn("x")),
    AnalyzerCase("with x as (select * from orders) select ‸ from x", expressionIn("x")),
    AnalyzerCase("with recursive r as (select 1 as n union all select n + 1 from r) select ‸ from r", expressionIn("r")),
    AnalyzerCase("with x as (select 1), y as (select 2) select * from ", relationStart),
    AnalyzerCase("with x as (", ["keyword"]),
    AnalyzerCase("with x as (select * from ", relationStart),
    AnalyzerCase("with x as (select * from orders where ", expressionIn("orders")),
    AnalyzerCase("with x as (select 1) update orders set ", ["column(orders)"]),
    AnalyzerCase("select * from (select a, b as c from t) s where s.", ["column((subquery) s)"]),
    AnalyzerCase("select * from (select a, b as c from t) s where ", expressionIn("(subquery) s")),
    AnalyzerCase("select s.‸ from (select * from orders) s", ["column((subquery) s)"]),
    AnalyzerCase("select * from (select ‸ from orders) s", expressionIn("orders")),
    AnalyzerCase("select * from (select * from orders where ‸) s", expressionIn("orders")),
    AnalyzerCase("select * from generate_series(1, 10) g where ", expressionIn("generate_series g")),
    AnalyzerCase("select * from generate_series(1, 10) as g(n) where g.", ["column(generate_series g)"]),
    AnalyzerCase("select * from unnest(array[1,2]) with ordinality u(x, n) where u.", ["column(unnest u)"]),
    AnalyzerCase("select * from pg_catalog.generate_series(1, 2) g where g.", ["column(pg_catalog.generate_series g)"]),
    // Quoted names.
    AnalyzerCase("select * from \"Ord", relationStart),
    AnalyzerCase("select * from \"Order Items\" oi where oi.", ["column(Order Items oi)"]),
    AnalyzerCase("select * from \"Order Items\" where ", ["column(Order Items)", "alias(Order Items)", "function", "keyword"]),
    AnalyzerCase("select * from orders where note is distinct from ", expressionIn("orders")),
    AnalyzerCase("select \"Order Items\".‸ from \"Order Items\"", ["column(Order Items)"]),
    AnalyzerCase("select * from \"Sales\".\"Order Items\" x where x.", ["column(Sales.Order Items x)"]),
    AnalyzerCase("select * from Orders O where o.", ["column(orders o)"]),
    // INSERT, UPDATE, DELETE.
    AnalyzerCase("insert ", ["keyword"]),
    AnalyzerCase("insert into ", ["relation", "schema"]),
    AnalyzerCase("insert into public.", ["relation(public)"]),
    AnalyzerCase("insert into orders ", ["keyword"]),
    AnalyzerCase("insert into orders (", ["column(orders)"]),
    AnalyzerCase("insert into orders (id, ", ["column(orders)"]),
    AnalyzerCase("insert into public.orders (", ["column(public.orders)"]),
    AnalyzerCase("insert into orders (id) ", ["keyword"]),
    AnalyzerCase("insert into orders (id) values (", ["function", "keyword"]),
    AnalyzerCase("insert into orders values (1, ", ["function", "keyword"]),
    AnalyzerCase("insert into orders (id) select ‸ from customers", expressionIn("customers")),
    AnalyzerCase("insert into orders (id) values (1) on conflict ", ["keyword"]),
    AnalyzerCase("insert into orders (id) values (1) on conflict (id) do update set ", ["column(orders)"]),
    AnalyzerCase("update ", ["relation", "schema"]),
    AnalyzerCase("update orders ", ["keyword"]),
    AnalyzerCase("update orders o ", ["keyword"]),
    AnalyzerCase("update orders set ", ["column(orders)"]),
    AnalyzerCase("update orders o set ", ["column(orders)"]),
    AnalyzerCase("update orders set status = 'x', ", ["column(orders)"]),
    AnalyzerCase("update orders set status = ", expressionIn("orders")),
    AnalyzerCase("update orders set status = 'x' ", ["keyword"]),
    AnalyzerCase("update orders set status = 'x' where ", expressionIn("orders")),
    AnalyzerCase("update orders o set status = c.name from customers c where ", expressionIn("orders o,customers c")),
    AnalyzerCase("update orders set note = 'x' returning ", ["column(orders)", "alias(orders)", "function"]),
    AnalyzerCase("delete ", ["keyword"]),
    AnalyzerCase("delete from ", ["relation", "schema"]),
    AnalyzerCase("delete from orders ", ["keyword"]),
    AnalyzerCase("delete from orders where ", expressionIn("orders")),
    AnalyzerCase("delete from orders o using ", ["relation", "schema"]),
    AnalyzerCase("delete from orders o using customers c where ", expressionIn("orders o,customers c")),
    // DDL.
    AnalyzerCase("create ", ["keyword"]),
    AnalyzerCase("create or replace ", ["keyword"]),
    AnalyzerCase("create unique ", ["keyword"]),
    AnalyzerCase("create table ", ["relation(table)", "keyword"]),
    AnalyzerCase("create table t ", ["keyword"]),
    AnalyzerCase("create table t (", ["keyword"]),
    AnalyzerCase("create table t (id ", ["datatype"]),
    AnalyzerCase("create table t (id integer, name ", ["datatype"]),
    AnalyzerCase("create table t (id integer ", ["keyword"]),
    AnalyzerCase("create table t (id integer, ", ["keyword"]),
    AnalyzerCase("create table t (id integer references ", ["relation", "schema"]),
    AnalyzerCase("create table t (id integer references customers (", ["column(customers)"]),
    AnalyzerCase("create table if not exists t (id ", ["datatype"]),
    AnalyzerCase("create temporary table t (id ", ["datatype"]),
    AnalyzerCase("create index on ", ["relation", "schema"]),
    AnalyzerCase("create index idx on ", ["relation", "schema"]),
    AnalyzerCase("create unique index concurrently idx on ", ["relation", "schema"]),
    AnalyzerCase("create index idx on orders (", ["column(orders)"]),
    AnalyzerCase("create index idx on orders using btree (", ["column(orders)"]),
    AnalyzerCase("create view v as ", ["keyword"]),
    AnalyzerCase("create view v as select * from ", relationStart),
    AnalyzerCase("create function f(a integer) returns ", ["datatype", "keyword"]),
    AnalyzerCase("create function f(a integer) returns setof ", ["datatype"]),
    AnalyzerCase("create domain d as ", ["datatype"]),
    AnalyzerCase("alter ", ["keyword"]),
    AnalyzerCase("alter table ", ["relation", "schema"]),
    AnalyzerCase("alter table if exists ", ["relation", "schema"]),
    AnalyzerCase("alter table only ", ["relation", "schema"]),
    AnalyzerCase("alter table orders ", ["keyword"]),
    AnalyzerCase("alter table orders alter ", ["column(orders)", "keyword"]),
    AnalyzerCase("alter table orders alter column ", ["column(orders)"]),
    AnalyzerCase("alter table public.orders alter column ", ["column(public.orders)"]),
    AnalyzerCase("alter table orders drop column ", ["column(orders)"]),
    AnalyzerCase("alter table orders drop column if exists ", ["column(orders)"]),
    AnalyzerCase("alter table orders rename column ", ["column(orders)"]),
    AnalyzerCase("alter table orders alter column status ", ["keyword"]),
    AnalyzerCase("alter table orders alter column status type ", ["datatype"]),
    AnalyzerCase("alter table orders alter status type ", ["datatype"]),
    AnalyzerCase("alter table orders alter column status set data type ", ["datatype"]),
    AnalyzerCase("alter table orders alter column status set ", ["keyword"]),
    AnalyzerCase("alter table orders add column ", []),
    AnalyzerCase("alter table orders add column flag ", ["datatype"]),
    AnalyzerCase("alter table orders add flag ", ["datatype"]),
    AnalyzerCase("alter table orders add constraint ", []),
    AnalyzerCase("alter table orders owner to ", ["role"]),
    AnalyzerCase("alter table orders set schema ", ["schema"]),
    AnalyzerCase("alter view order_totals owner to ", ["role"]),
    AnalyzerCase("alter function customer_total(integer) owner to ", ["role"]),
    AnalyzerCase("alter function ", ["function", "schema"]),
    AnalyzerCase("drop ", ["keyword"]),
    AnalyzerCase("drop table ", ["relation", "schema"]),
    AnalyzerCase("drop table if exists ", ["relation", "schema"]),
    AnalyzerCase("drop table orders, ", ["relation", "schema"]),
    AnalyzerCase("drop view ", ["relation", "schema"]),
    AnalyzerCase("drop materialized view ", ["relation", "schema"]),
    AnalyzerCase("drop function ", ["function", "schema"]),
    AnalyzerCase("drop schema ", ["schema"]),
    AnalyzerCase("drop database ", ["database"]),
    AnalyzerCase("drop role ", ["role"]),
    AnalyzerCase("truncate ", ["relation", "schema", "keyword"]),
    AnalyzerCase("truncate table ", ["relation", "schema", "keyword"]),
    AnalyzerCase("comment on ", ["keyword"]),
    AnalyzerCase("comment on table ", ["relation", "schema"]),
    AnalyzerCase("comment on column ", ["relation", "schema"]),
    AnalyzerCase("comment on function ", ["function", "schema"]),
    AnalyzerCase("refresh materialized view ", ["relation", "schema", "keyword"]),
    AnalyzerCase("table ", ["relation", "schema"]),
    AnalyzerCase("vacuum ", ["relation", "schema", "keyword"]),
    AnalyzerCase("analyze ", ["relation", "schema", "keyword"]),
    AnalyzerCase("analyze orders (", ["column(orders)"]),
    AnalyzerCase("copy ", ["relation", "schema", "keyword"]),
    AnalyzerCase("copy orders (", ["column(orders)"]),
    AnalyzerCase("lock table ", ["relation", "schema", "keyword"]),
    AnalyzerCase("call ", ["function", "schema"]),
    // Types.
    AnalyzerCase("select 1::", ["datatype"]),
    AnalyzerCase("select id::‸ from orders", ["datatype"]),
    AnalyzerCase("select '1'::pg_catalog.", ["datatype(pg_catalog)"]),
    AnalyzerCase("select cast(x as ", ["datatype"]),
    AnalyzerCase("select cast(‸", ["function", "keyword"]),
    AnalyzerCase("select * from orders where id::", ["datatype"]),
    // Roles, schemas, databases, settings.
    AnalyzerCase("grant ", ["keyword", "role"]),
    AnalyzerCase("grant select on ", ["relation", "schema", "keyword"]),
    AnalyzerCase("grant select on table ", ["relation", "schema"]),
    AnalyzerCase("grant select on orders to ", ["role", "keyword"]),
    AnalyzerCase("grant select on orders to alice, ", ["role"]),
    AnalyzerCase("grant usage on schema ", ["schema"]),
    AnalyzerCase("grant select on all tables in schema ", ["schema"]),
    AnalyzerCase("grant connect on database ", ["database"]),
    AnalyzerCase("grant execute on function ", ["function", "schema"]),
    AnalyzerCase("revoke select on orders from ", ["role", "keyword"]),
    AnalyzerCase("set ", ["setting", "keyword"]),
    AnalyzerCase("set search_path to ", ["schema"]),
    AnalyzerCase("set search_path = ", ["schema"]),
    AnalyzerCase("set search_path to public, ", ["schema"]),
    AnalyzerCase("set local search_path to ", ["schema"]),
    AnalyzerCase("set role ", ["role", "keyword"]),
    AnalyzerCase("set session authorization ", ["role", "keyword"]),
    AnalyzerCase("alter role ", ["role"]),
    AnalyzerCase("alter database ", ["database"]),
    AnalyzerCase("alter schema ", ["schema"]),
    AnalyzerCase("create schema ", ["keyword"]),
    AnalyzerCase("create schema s authorization ", ["role"]),
    AnalyzerCase("reassign owned by ", ["role"]),
    AnalyzerCase("show ", ["setting", "keyword"]),
    AnalyzerCase("begin ", ["keyword"]),
    AnalyzerCase("explain ", ["keyword"]),
    AnalyzerCase("explain analyze select * from ", relationStart),
    AnalyzerCase("explain (analyze, buffers) select * from orders where ", expressionIn("orders")),
    AnalyzerCase("explain select * from orders o join ", ["join(orders o)", "relation", "schema", "tableFunction"]),
    // Strings, comments, numbers: nothing.
    AnalyzerCase("select 'abc", []),
    AnalyzerCase("select * from orders where status = 'ne", []),
    AnalyzerCase("select e'it\\'s ", []),
    AnalyzerCase("select $$ body ", []),
    AnalyzerCase("select $fn$ select * from ", []),
    AnalyzerCase("-- comment sel", []),
    AnalyzerCase("select 1 -- and then ", []),
    AnalyzerCase("select /* from ", []),
    AnalyzerCase("select /* a */ ‸ from orders", expressionIn("orders")),
    AnalyzerCase("select 12", []),
    AnalyzerCase("select $1", []),
    AnalyzerCase("select 'a' || ‸ from orders", expressionIn("orders")),
    // Variables.
    AnalyzerCase("select :", ["variable"]),
    AnalyzerCase("select :fo", ["variable"]),
    AnalyzerCase("select * from orders where id = :", ["variable"]),
    AnalyzerCase("select * from orders where id = :my_id", ["variable"]),
    // Colon commands and backslash commands.
    AnalyzerCase(":", ["command"]),
    AnalyzerCase(":d", ["command"]),
    AnalyzerCase(":desc", ["command"]),
    AnalyzerCase("  :desc", ["command"]),
    AnalyzerCase(":describe ", ["argument(:describe,0)"]),
    AnalyzerCase(":describe ord", ["argument(:describe,0)"]),
    AnalyzerCase(":d public.ord", ["argument(:d,0)"]),
    AnalyzerCase(":export ", ["argument(:export,0)"]),
    AnalyzerCase(":export cs", ["argument(:export,0)"]),
    AnalyzerCase(":export csv > ", ["file"]),
    AnalyzerCase(":export csv > out/o", ["file"]),
    AnalyzerCase(":export csv >o", ["file"]),
    AnalyzerCase(":export csv >> log", ["file"]),
    AnalyzerCase(":run ", ["argument(:run,0)"]),
    AnalyzerCase(":run scripts/mig", ["argument(:run,0)"]),
    AnalyzerCase(":connect ", ["argument(:connect,0)"]),
    AnalyzerCase(":set ", ["argument(:set,0)"]),
    AnalyzerCase(":set name ", ["argument(:set,1)"]),
    AnalyzerCase("select 1\n:exp", ["command"]),
    AnalyzerCase("select * from orders\n:export ", ["argument(:export,0)"]),
    AnalyzerCase("\\", ["command"]),
    AnalyzerCase("\\d", ["command"]),
    AnalyzerCase("\\d ", ["argument(\\d,0)"]),
    AnalyzerCase("\\d ord", ["argument(\\d,0)"]),
    AnalyzerCase("\\i ", ["argument(\\i,0)"]),
    AnalyzerCase("\\i foo/", ["argument(\\i,0)"]),
    AnalyzerCase("\\o out.txt", ["argument(\\o,0)"]),
    AnalyzerCase("select * from orders \\g ", ["argument(\\g,0)"]),
    AnalyzerCase("select * from orders \\g out", ["argument(\\g,0)"]),
    AnalyzerCase("\\c ", ["argument(\\c,0)"]),
    AnalyzerCase("\\d orders\nselect * from ", relationStart),
    AnalyzerCase("select '\\d' from ", relationStart),
    // Several statements, cursor in the middle.
    AnalyzerCase("select 1; select * from orders o where o.", ["column(orders o)"]),
    AnalyzerCase("select * from customers c where c.‸; select * from orders o", ["column(customers c)"]),
    AnalyzerCase("select * from orders o where o.id = 1;\nselect * from ", relationStart),
    AnalyzerCase("select ‸ from orders o; select * from customers", expressionIn("orders o")),
    // Multi-line buffers.
    AnalyzerCase("select *\nfrom orders o\nwhere o.", ["column(orders o)"]),
    AnalyzerCase("select\n  ‸\nfrom orders o\n  join customers c on c.id = o.customer_id", expressionIn("orders o,customers c")),
]

/// The same cases upper-cased (keywords and unquoted names fold), and with a
/// partial word typed at the cursor: neither may change the kinds.
let analyzerCases: [AnalyzerCase] = {
    let base = analyzerBaseCases + analyzerKindCases
    var cases = base
    for c in base {
        let hasLiteral = c.text.contains("'") || c.text.contains("\"") || c.text.contains("$") || c.text.contains("--")
            || c.text.contains("/*") || c.text.contains(":") || c.text.contains("\\")
        if !hasLiteral && !c.text.isEmpty {
            cases.append(AnalyzerCase(c.text.uppercased(), c.expected))
        }
        let (before, full) = c.split
        let after = String(full.dropFirst(before.count))
        let last = before.last
        let endsAtWordBoundary = last == nil || last == " " || last == "\n" || last == "(" || last == "." || last == ","
            || (last == ":" && before.hasSuffix("::"))
        let inert = c.expected.isEmpty || c.expected == ["file"] || c.expected.first?.hasPrefix("argument") == true
        if endsAtWordBoundary && !inert && !before.hasSuffix("\\") {
            cases.append(AnalyzerCase(before + "ab‸" + after, c.expected))
        }
    }
    return cases
}()

@Suite struct CompletionAnalyzerTests {
    @Test(arguments: analyzerCases)
    func suggestionKinds(_ c: AnalyzerCase) {
        let (before, full) = c.split
        let context = CompletionAnalyzer.suggest(textBeforeCursor: before, fullText: full)
        #expect(AnalyzerCase.labels(context) == c.expected)
    }

    @Test func caseCount() {
        // The suite's claim to "many hundreds of one-line cases" is checked, not assumed.
        #expect(analyzerCases.count >= 500)
    }

    @Test(arguments: [
        ("select * from orders ", ["WHERE", "JOIN", "LEFT JOIN", "ORDER BY", "GROUP BY"], ["SELECT", "ON"]),
        ("select * from orders o join customers c ", ["ON", "USING", "WHERE"], ["SELECT"]),
        ("select * from orders where id ", ["AND", "OR", "IN", "IS", "ORDER BY"], ["SELECT", "JOIN"]),
        ("select * from orders order by id ", ["ASC", "DESC", "NULLS FIRST", "LIMIT"], ["WHERE"]),
        ("select * from orders group by status ", ["HAVING", "ORDER BY"], ["WHERE"]),
        ("", ["SELECT", "INSERT INTO", "UPDATE", "DELETE FROM", "CREATE", "WITH"], ["WHERE"]),
        ("create ", ["TABLE", "VIEW", "INDEX", "MATERIALIZED VIEW", "FUNCTION"], ["SELECT"]),
        ("drop ", ["TABLE", "VIEW", "SCHEMA"], ["SELECT"]),
        ("alter table orders ", ["ADD COLUMN", "ALTER COLUMN", "DROP COLUMN", "RENAME TO", "OWNER TO"], ["SELECT"]),
        ("alter table orders alter column status ", ["TYPE", "SET DEFAULT", "DROP NOT NULL"], ["SELECT"]),
        ("insert into orders ", ["VALUES", "SELECT", "DEFAULT VALUES"], ["WHERE"]),
        ("update orders ", ["SET"], ["WHERE"]),
        ("delete from orders ", ["WHERE", "USING", "RETURNING"], ["SET"]),
        ("select * from orders o left ", ["JOIN", "OUTER JOIN"], ["WHERE"]),
        ("select * from orders where note is ", ["NULL", "NOT NULL", "DISTINCT FROM"], ["WHERE"]),
        ("select 1 ", ["FROM", "AS"], ["WHERE"]),
        ("select * from orders group ", ["BY"], ["WHERE"]),
        ("create table t (", ["PRIMARY KEY", "CONSTRAINT", "FOREIGN KEY"], ["SELECT"]),
        ("create table t (id integer ", ["NOT NULL", "DEFAULT", "PRIMARY KEY", "REFERENCES"], ["SELECT"]),
        ("select * from (", ["SELECT", "VALUES", "WITH"], ["WHERE"]),
        ("with x as (", ["SELECT", "VALUES"], ["WHERE"]),
        ("select row_number() over (", ["PARTITION BY", "ORDER BY"], ["WHERE"]),
        ("set ", ["ROLE", "TIME ZONE", "SESSION AUTHORIZATION"], ["SELECT"]),
        ("create view v as ", ["SELECT"], ["WHERE"]),
        ("insert into orders (id) values (1) on conflict ", ["DO NOTHING", "DO UPDATE SET"], ["WHERE"]),
    ] as [(String, [String], [String])])
    func keywordsThatFit(_ text: String, _ wanted: [String], _ unwanted: [String]) {
        let c = CompletionAnalyzer.suggest(textBeforeCursor: text, fullText: text)
        let keywords = c.suggestions.flatMap { s -> [String] in if case .keyword(let k) = s { return k } else { return [] } }
        for w in wanted { #expect(keywords.contains(w), "\(w) missing after \(text)") }
        for u in unwanted { #expect(!keywords.contains(u), "\(u) offered after \(text)") }
    }

    @Test func wordAndOffsets() {
        var c = CompletionAnalyzer.suggest(textBeforeCursor: "select * from ord", fullText: "select * from ord")
        #expect(c.word == "ord" && c.wordStart == 14 && c.qualifier.isEmpty)
        c = CompletionAnalyzer.suggest(textBeforeCursor: "select o.cu", fullText: "select o.cu from orders o")
        #expect(c.word == "cu" && c.wordStart == 9 && c.qualifier == ["o"])
        c = CompletionAnalyzer.suggest(textBeforeCursor: "select * from \"Ord", fullText: "select * from \"Ord")
        #expect(c.word == "\"Ord" && c.wordStart == 14 && c.isQuoted)
        // Character offsets, not bytes: "é" is two bytes.
        c = CompletionAnalyzer.suggest(textBeforeCursor: "select 'é', * from ord", fullText: "select 'é', * from ord")
        #expect(c.wordStart == 19 && c.wordStartUTF8 == 20)
        c = CompletionAnalyzer.suggest(textBeforeCursor: ":export csv > out/da", fullText: ":export csv > out/da")
        #expect(c.word == "out/da" && c.wordStart == 14)
        c = CompletionAnalyzer.suggest(textBeforeCursor: ":desc", fullText: ":desc")
        #expect(c.word == ":desc" && c.wordStart == 0)
        // Cursor in the middle of a word: the part before the cursor is completed.
        c = CompletionAnalyzer.suggest(textBeforeCursor: "select * from ord", fullText: "select * from orders")
        #expect(c.word == "ord")
    }

    @Test func keywordCaseFollowsTheUser() {
        #expect(CompletionAnalyzer.suggest(textBeforeCursor: "select * from orders ", fullText: "select * from orders ").lowercaseKeywords)
        #expect(!CompletionAnalyzer.suggest(textBeforeCursor: "SELECT * FROM orders ", fullText: "SELECT * FROM orders ").lowercaseKeywords)
        #expect(CompletionAnalyzer.suggest(textBeforeCursor: "SELECT * FROM orders wh", fullText: "SELECT * FROM orders wh").lowercaseKeywords)
        #expect(!CompletionAnalyzer.suggest(textBeforeCursor: "select * from orders WH", fullText: "select * from orders WH").lowercaseKeywords)
        #expect(!CompletionAnalyzer.suggest(textBeforeCursor: "", fullText: "").lowercaseKeywords)
    }

    @Test func scopeReadsSubqueryAndCteColumns() {
        let text = "with x as (select id, name as n, count(*) from customers) select x. from x"
        let c = CompletionAnalyzer.suggest(textBeforeCursor: String(text.prefix(60)), fullText: text)
        #expect(c.ctes.map(\.name) == ["x"])
        #expect(c.ctes.first?.columns == [.named("id"), .named("n"), .named("count")])
        let s = "select * from (select o.*, c.name from orders o join customers c on true) s where s."
        let sc = CompletionAnalyzer.suggest(textBeforeCursor: s, fullText: s)
        guard case .column(let refs)? = sc.suggestions.first, let cols = refs.first?.columns else {
            Issue.record("no subquery columns"); return
        }
        #expect(cols == [.all(of: [TableReference(name: "orders", alias: "o")]), .named("name")])
    }
}
