import Testing
@testable import PsqluiCore

/// One-line cases for issue #12's bugs and new kinds (`‸` marks the cursor).
/// They join `analyzerBaseCases`, so each also runs upper-cased and with a
/// partial word typed; cases with literals are written in both cases here.
let analyzerKindCases: [AnalyzerCase] = [
    // Bug: ON sees only what is joined before the cursor.
    AnalyzerCase("select * from orders o join customers c on ‸ join orders o2 on o2.id = o.id",
                 ["joinCondition(customers c;orders o)", "alias(o,c)", "column(orders o,customers c)", "function"]),
    AnalyzerCase("select * from orders o join customers c on c.id = ‸ join order_items i on true",
                 ["alias(o,c)", "column(orders o,customers c)", "function"]),
    AnalyzerCase("select * from orders o join orders o2 on ‸ join customers c on true",
                 ["joinCondition(orders o2;orders o)", "alias(o,o2)", "column(orders o,orders o2)", "function"]),
    // Bug: after FROM only set-returning functions; a FROM function stays a function candidate.
    AnalyzerCase("select * from generate_", relationStart),
    AnalyzerCase("select ‸ from custom_fun()", ["column(custom_fun)", "alias(custom_fun)", "function", "keyword"]),
    AnalyzerCase("select ‸ from custom_fun() f", ["column(custom_fun f)", "alias(f)", "function", "keyword"]),
    // `*` expansion.
    AnalyzerCase("select *", []),
    AnalyzerCase("select *‸ from orders", ["expand(orders)"]),
    AnalyzerCase("select *‸ from orders o", ["expand(orders o)"]),
    AnalyzerCase("select o.*‸ from orders o join customers c on c.id = o.customer_id", ["expand(orders o;qualified)"]),
    AnalyzerCase("select c.*‸ from orders o join customers c on c.id = o.customer_id", ["expand(customers c;qualified)"]),
    AnalyzerCase("select *‸ from orders o join customers c on c.id = o.customer_id", ["expand(orders o,customers c;qualified)"]),
    AnalyzerCase("select id, *‸ from orders", ["expand(orders)"]),
    AnalyzerCase("select distinct *‸ from orders", ["expand(orders)"]),
    AnalyzerCase("select count(*‸) from orders", []),
    AnalyzerCase("select 2 *‸ from orders", []),
    AnalyzerCase("select *‸ from (select id, note from orders) s", ["expand((subquery) s)"]),
    AnalyzerCase("with x as (select id from orders) select *‸ from x", ["expand(x)"]),
    // Columns inside calls, CASE, COALESCE, windows.
    AnalyzerCase("select max(‸ from orders", ["column(orders)", "alias(orders)", "function", "keyword"]),
    AnalyzerCase("select max(‸) from orders o", ["column(orders o)", "alias(o)", "function", "keyword"]),
    AnalyzerCase("select coalesce(‸) from orders", ["column(orders)", "alias(orders)", "function", "keyword"]),
    AnalyzerCase("select case when ‸ then 1 end from orders", expressionIn("orders")),
    AnalyzerCase("select case when note is null then ‸ end from orders", expressionIn("orders")),
    AnalyzerCase("select case status when ‸ end from orders", expressionIn("orders")),
    AnalyzerCase("select sum(id) over (order by ‸) from orders", ["column(orders)", "alias(orders)", "function"]),
    AnalyzerCase("select sum(id) over (partition by status order by ‸) from orders", ["column(orders)", "alias(orders)", "function"]),
    AnalyzerCase("select lower(upper(‸)) from customers", ["column(customers)", "alias(customers)", "function", "keyword"]),
    AnalyzerCase("select * from orders o join order_items i using (‸)", ["using(orders o;order_items i)"]),
    // Types.
    AnalyzerCase("select 1::", ["datatype"]),
    AnalyzerCase("select id::‸ from orders", ["datatype"]),
    AnalyzerCase("select 1::public.", ["datatype(public)"]),
    AnalyzerCase("create table t (a public.", ["datatype(public)"]),
    AnalyzerCase("create function f (", ["keyword"]),
    AnalyzerCase("create function f (a ", ["datatype"]),
    AnalyzerCase("create function f (a int, b ", ["datatype"]),
    AnalyzerCase("create function f (a int, ", ["keyword"]),
    AnalyzerCase("create function f (in a ", ["datatype"]),
    AnalyzerCase("create or replace function f (a int, b ", ["datatype"]),
    AnalyzerCase("create procedure p (a ", ["datatype"]),
    AnalyzerCase("create function f (a int ", ["keyword"]),
    AnalyzerCase("alter table orders alter column note type ", ["datatype"]),
    AnalyzerCase("alter table orders alter note type ", ["datatype"]),
    AnalyzerCase("alter table orders alter column note set data type ", ["datatype"]),
    AnalyzerCase("alter table orders add column flag ", ["datatype"]),
    AnalyzerCase("select cast(id as ‸) from orders", ["datatype"]),
    AnalyzerCase("create domain d as ", ["datatype"]),
    AnalyzerCase("alter type ", ["datatype"]),
    AnalyzerCase("drop type ", ["datatype"]),
    AnalyzerCase("drop domain ", ["datatype"]),
    AnalyzerCase("create function f () returns ", ["datatype", "keyword"]),
    // Keywords inside expressions.
    AnalyzerCase("select * from orders where ordered_at < ", expressionIn("orders")),
    AnalyzerCase("select * from orders where id in (", ["column(orders)", "alias(orders)", "function", "keyword"]),
    AnalyzerCase("select * from orders where exists (", ["keyword"]),
    AnalyzerCase("select * from orders order by id ", ["keyword"]),
    // Function bodies.
    AnalyzerCase("create function f() returns int language sql as $$ select * from ", relationStart),
    AnalyzerCase("create function f() returns int language sql as $$ select o.‸ from orders o $$", ["column(orders o)"]),
    AnalyzerCase("create function f() returns int as $body$ begin return (select count(*) from ‸); end $body$ language plpgsql", relationStart),
    AnalyzerCase("create function f() returns setof orders as $$ select * from orders where ‸ $$ language sql", expressionIn("orders")),
    AnalyzerCase("do $$ begin perform 1 from orders o where o.‸; end $$", ["column(orders o)"]),
    AnalyzerCase("DO $$ BEGIN PERFORM 1 FROM orders o WHERE o.‸; END $$", ["column(orders o)"]),
    AnalyzerCase("CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT * FROM ", relationStart),
    AnalyzerCase("create function f() returns int language sql as $$‸", ["keyword"]),
    AnalyzerCase("select $$ select * from ", []),
    // psql's statement breadth: options in parentheses, table actions, transaction modes.
    AnalyzerCase("analyze (", ["keyword"]),
    AnalyzerCase("vacuum (", ["keyword"]),
    AnalyzerCase("explain (", ["keyword"]),
    AnalyzerCase("alter table orders enable trigger ", ["trigger(orders)", "keyword"]),
    AnalyzerCase("alter table orders replica identity using index ", ["index(orders)"]),
    AnalyzerCase("alter table orders validate constraint ", ["constraint(orders)"]),
    AnalyzerCase("alter table orders no inherit ", ["relation", "schema"]),
    AnalyzerCase("set schema ", ["settingValue(schema)"]),
    AnalyzerCase("begin ", ["keyword"]),
    AnalyzerCase("set transaction ", ["keyword"]),
    AnalyzerCase("drop trigger audit on orders ", ["keyword"]),
    AnalyzerCase("create role r with ", ["keyword"]),
    AnalyzerCase("create policy p on orders for ", ["keyword"]),
    AnalyzerCase("alter policy p on orders to ", ["role", "keyword"]),
    AnalyzerCase("comment on trigger audit ", ["keyword"]),
    AnalyzerCase("create materialized view mv as ", ["keyword"]),
    // PL/pgSQL: a statement also starts after BEGIN, THEN of IF/ELSIF/WHEN, ELSE, LOOP.
    AnalyzerCase("do $$ begin update ", ["relation", "schema"]),
    AnalyzerCase("do $$ begin insert into ", ["relation", "schema"]),
    AnalyzerCase("do $$ declare n int; begin delete from ", ["relation", "schema"]),
    AnalyzerCase("do $$ begin if true then update ", ["relation", "schema"]),
    AnalyzerCase("do $$ begin if true then null; elsif false then delete from ", ["relation", "schema"]),
    AnalyzerCase("do $$ begin if true then null; else update ", ["relation", "schema"]),
    AnalyzerCase("do $$ begin for i in 1..3 loop update ", ["relation", "schema"]),
    AnalyzerCase("do $$ begin null; exception when others then update ", ["relation", "schema"]),
    AnalyzerCase("create function f() returns trigger language plpgsql as $$ begin update orders set ", ["column(orders)"]),
    AnalyzerCase("do $$ begin perform case when true then ‸ end from orders; end $$", expressionIn("orders")),
    // Constraints, indexes, sequences, triggers, policies, rules.
    AnalyzerCase("alter table orders drop constraint ", ["constraint(orders)"]),
    AnalyzerCase("alter table public.orders drop constraint ", ["constraint(public.orders)"]),
    AnalyzerCase("alter table orders rename constraint ", ["constraint(orders)"]),
    AnalyzerCase("alter table orders validate constraint ", ["constraint(orders)"]),
    AnalyzerCase("alter table orders alter constraint ", ["constraint(orders)"]),
    AnalyzerCase("alter table if exists orders drop constraint ", ["constraint(orders)"]),
    AnalyzerCase("alter table orders drop constraint if exists ", ["constraint(orders)"]),
    AnalyzerCase("alter table orders validate ", ["keyword"]),
    AnalyzerCase("alter table orders enable trigger ", ["trigger(orders)", "keyword"]),
    AnalyzerCase("alter table orders disable trigger ", ["trigger(orders)", "keyword"]),
    AnalyzerCase("alter table orders enable ", ["keyword"]),
    AnalyzerCase("alter table orders set tablespace ", ["tablespace"]),
    AnalyzerCase("drop index ", ["index", "schema", "keyword"]),
    AnalyzerCase("drop index concurrently ", ["index", "schema", "keyword"]),
    AnalyzerCase("drop index if exists ", ["index", "schema", "keyword"]),
    AnalyzerCase("drop index orders_customer_id_idx, ", ["index", "schema"]),
    AnalyzerCase("reindex index ", ["index", "schema"]),
    AnalyzerCase("alter index ", ["index", "schema"]),
    AnalyzerCase("cluster orders using ", ["index(orders)"]),
    AnalyzerCase("cluster orders ", ["keyword"]),
    AnalyzerCase("alter table orders cluster on ", ["index(orders)"]),
    AnalyzerCase("drop sequence ", ["sequence", "schema"]),
    AnalyzerCase("alter sequence ", ["sequence", "schema"]),
    AnalyzerCase("drop trigger ", ["trigger"]),
    AnalyzerCase("drop trigger if exists ", ["trigger"]),
    AnalyzerCase("drop trigger audit ", ["keyword"]),
    AnalyzerCase("drop trigger audit on ", ["tableOf(trigger audit)"]),
    AnalyzerCase("alter trigger audit on ", ["tableOf(trigger audit)"]),
    AnalyzerCase("drop policy ", ["policy"]),
    AnalyzerCase("drop policy own_rows on ", ["tableOf(policy own_rows)"]),
    AnalyzerCase("alter policy own_rows on ", ["tableOf(policy own_rows)"]),
    AnalyzerCase("drop rule ", ["rule"]),
    AnalyzerCase("drop rule keep on ", ["tableOf(rule keep)"]),
    AnalyzerCase("create policy p on orders to ", ["role", "keyword"]),
    // Enum labels.
    AnalyzerCase("alter type order_status rename value ", ["enumLabel(order_status)"]),
    AnalyzerCase("alter type order_status rename value 'pa", ["enumLabel(order_status)"]),
    AnalyzerCase("ALTER TYPE order_status RENAME VALUE 'pa", ["enumLabel(order_status)"]),
    AnalyzerCase("alter type public.order_status rename value ", ["enumLabel(public.order_status)"]),
    AnalyzerCase("alter type order_status add value 'x' before ", ["enumLabel(order_status)"]),
    AnalyzerCase("ALTER TYPE order_status ADD VALUE 'x' AFTER ", ["enumLabel(order_status)"]),
    AnalyzerCase("alter type order_status add value 'x' ", ["keyword"]),
    AnalyzerCase("alter type order_status ", ["keyword"]),
    AnalyzerCase("alter type order_status rename ", ["keyword"]),
    AnalyzerCase("select * from orders where status = 'pa", []),
    // Settings.
    AnalyzerCase("set local ", ["setting", "keyword"]),
    AnalyzerCase("reset ", ["setting", "keyword"]),
    AnalyzerCase("alter system set ", ["setting"]),
    AnalyzerCase("alter system reset ", ["setting", "keyword"]),
    AnalyzerCase("alter system ", ["keyword"]),
    AnalyzerCase("alter database shop set ", ["setting"]),
    AnalyzerCase("alter role alice set ", ["setting"]),
    AnalyzerCase("set work_mem ", ["keyword"]),
    AnalyzerCase("set datestyle to ", ["settingValue(datestyle)", "keyword"]),
    AnalyzerCase("set client_min_messages = ", ["settingValue(client_min_messages)", "keyword"]),
    AnalyzerCase("set local lock_timeout to ", ["settingValue(lock_timeout)", "keyword"]),
    AnalyzerCase("alter system set wal_level to ", ["settingValue(wal_level)", "keyword"]),
    AnalyzerCase("alter database shop set work_mem to ", ["settingValue(work_mem)", "keyword"]),
    AnalyzerCase("alter role alice set search_path = ", ["settingValue(search_path)", "keyword"]),
    AnalyzerCase("set default_transaction_isolation to 're", ["settingValue(default_transaction_isolation)"]),
    AnalyzerCase("SET default_transaction_isolation TO 're", ["settingValue(default_transaction_isolation)"]),
    // Roles, extensions, tablespaces, collations.
    AnalyzerCase("alter default privileges for role ", ["role"]),
    AnalyzerCase("create role r in role ", ["role"]),
    AnalyzerCase("create database d with owner ", ["role"]),
    AnalyzerCase("grant admins to ", ["role", "keyword"]),
    AnalyzerCase("alter schema sales owner to ", ["role"]),
    AnalyzerCase("create extension ", ["availableExtension", "keyword"]),
    AnalyzerCase("create extension if not exists ", ["availableExtension", "keyword"]),
    AnalyzerCase("drop extension ", ["extension"]),
    AnalyzerCase("alter extension ", ["extension"]),
    AnalyzerCase("create table t (a int) tablespace ", ["tablespace"]),
    AnalyzerCase("drop tablespace ", ["tablespace"]),
    AnalyzerCase("select name collate ‸ from customers", ["collation"]),
    AnalyzerCase("create table t (a text collate ", ["collation"]),
    // COPY files.
    AnalyzerCase("copy orders from ", ["quotedFile", "keyword"]),
    AnalyzerCase("copy orders to ", ["quotedFile", "keyword"]),
    AnalyzerCase("copy orders (id, note) from ", ["quotedFile", "keyword"]),
    AnalyzerCase("copy orders ", ["keyword"]),
    AnalyzerCase("copy orders from '/tmp/da", ["quotedFile"]),
    AnalyzerCase("COPY orders FROM '/tmp/da", ["quotedFile"]),
    AnalyzerCase("copy orders to 'out/my fi", ["quotedFile"]),
    AnalyzerCase("copy orders from '", ["quotedFile"]),
    // Commands' own arguments.
    AnalyzerCase(":expanded ", ["argument(:expanded,0)"]),
    AnalyzerCase(":plugins ", ["argument(:plugins,0)"]),
    AnalyzerCase(":plugins enable ", ["argument(:plugins,1)"]),
    AnalyzerCase(":format ", ["argument(:format,0)"]),
    AnalyzerCase(":set ON_ERROR_STOP ", ["argument(:set,1)"]),
    AnalyzerCase("\\set ECHO ", ["argument(\\set,1)"]),
    AnalyzerCase(":run 'my fi", ["argument(:run,0)"]),
    AnalyzerCase(":run 'my file.sql' ", ["argument(:run,1)"]),
    AnalyzerCase(":run ~/", ["argument(:run,0)"]),
    AnalyzerCase("\\di ", ["argument(\\di,0)"]),
    AnalyzerCase("\\ds ", ["argument(\\ds,0)"]),
    AnalyzerCase("\\dT ", ["argument(\\dT,0)"]),
    AnalyzerCase("\\df ", ["argument(\\df,0)"]),
    AnalyzerCase("\\dn ", ["argument(\\dn,0)"]),
    AnalyzerCase("\\du ", ["argument(\\du,0)"]),
    AnalyzerCase("\\dt ", ["argument(\\dt,0)"]),
]

@Suite struct CompletionAnalyzerKindsTests {
    @Test func wordOfAStarIsTheStarAndItsQualifier() {
        let text = "select o.* from orders o"
        let c = CompletionAnalyzer.suggest(textBeforeCursor: "select o.*", fullText: text)
        #expect(c.word == "o.*" && c.wordStart == 7)
    }

    @Test func wordInsideAFunctionBodyIsOffsetIntoTheWholeText() {
        let text = "create function f() returns int language sql as $$ select * from ord"
        let c = CompletionAnalyzer.suggest(textBeforeCursor: text, fullText: text)
        #expect(c.word == "ord" && c.wordStart == text.count - 3 && c.wordStartUTF8 == text.utf8.count - 3)
    }

    @Test func aQuotedFileLiteralIsTheWord() {
        let text = "copy orders from '/tmp/da"
        let c = CompletionAnalyzer.suggest(textBeforeCursor: text, fullText: text)
        #expect(c.word == "'/tmp/da" && c.wordStart == "copy orders from ".count)
    }

    @Test func commandArgumentsSoFar() {
        let c = CompletionAnalyzer.suggest(textBeforeCursor: ":plugins enable ex", fullText: ":plugins enable ex")
        #expect(c.commandArguments == "enable ex" && c.word == "ex")
        let q = CompletionAnalyzer.suggest(textBeforeCursor: ":run 'my fi", fullText: ":run 'my fi")
        #expect(q.word == "'my fi" && q.wordStart == 5)
    }
}
