import Foundation
import Testing

/// `\d` and the listings against live psql: the same backslash command through
/// `psql -X` and `psqlui -X` (on stdin) gives the same stdout and stderr, and the
/// colon form prints what the backslash form prints.
@Suite struct CatalogCommandsMatchPsqlTests {
    static let database: String = {
        let db = try! TestServer.makeDatabase(prefix: "cat")
        _ = try! TestServer.psql(["-X", "-q", "-c", """
            create schema sales; create table sales.x(a int primary key, b text default 'z' not null);
            create sequence sales.seq1; create materialized view mv as select 1 as a;
            create type mood as enum ('sad', 'ok'); create table "MixedCase"(id int generated always as identity);
            create unique index customers_name_lower on customers (lower(name)) where country = 'DE';
            comment on column orders.note is 'free text';
            create function touch() returns trigger language plpgsql as $$ begin return new; end $$;
            create trigger orders_touch before update on orders for each row execute function touch();
            """], database: db)
        return db
    }()

    /// `\l` always takes a pattern here: unpatterned it lists the whole shared cluster,
    /// where other suites create and drop databases while this one runs, so two listings
    /// taken a moment apart differ (seen in the full suite).
    static let commands: [String] = [
        "\\d orders", "\\d+ orders", "\\d customers", "\\d order_items", "\\d products", "\\d order_totals",
        "\\d+ order_totals", "\\d orders_pkey", "\\d+ orders_pkey", "\\d customers_name_lower", "\\d orders_id_seq",
        "\\d sales.seq1", "\\d mv", "\\d sales.x", "\\d \"MixedCase\"", "\\d \"MixedCase_id_seq\"", "\\d *.x", "\\d ord*",
        "\\d", "\\d nosuch", "\\d a.b.c",
        "\\dt", "\\dt+", "\\dt sales.*", "\\dt ORD*", "\\dt *.x", "\\dt nosuch", "\\dt \"MixedCase\"", "\\dtS pg_class",
        "\\dv", "\\di", "\\di orders*", "\\ds", "\\ds *.*", "\\dn", "\\dn+", "\\dn sales", "\\dn a.b.c", "\\df", "\\df+", "\\df cust*",
        "\\dT", "\\dT+", "\\dT mood", "\\du", "\\du postgres", "\\l postgres", "\\l template*", "\\dx", "\\dx plpgsql",
    ]

    @Test(arguments: commands)
    func backslashFormMatchesPsql(_ command: String) throws {
        let input = Data((command + "\n").utf8)
        let expected = try TestServer.psql(["-X"], database: Self.database, stdin: input)
        let actual = try TestServer.psqlui(["-X"], database: Self.database, stdin: input)
        #expect(actual.out == expected.out, "\(command)\n--- psql\n\(expected.out)--- psqlui\n\(actual.out)")
        // psql names the input (`psql:<stdin>:1: `); the message after it must be ours too.
        let psqlErr = String(decoding: expected.stderr, as: UTF8.self)
            .replacingOccurrences(of: "psql:<stdin>:1: ", with: "").trimmingCharacters(in: .whitespacesAndNewlines)
        let ourErr = String(decoding: actual.stderr, as: UTF8.self)
        if psqlErr.isEmpty {
            #expect(ourErr.isEmpty, "\(command): \(ourErr)")
        } else {
            #expect(ourErr.contains(psqlErr), "\(command): \(ourErr) vs \(psqlErr)")
        }
    }

    @Test(arguments: [
        (":d orders", "\\d orders"), (":d+ orders", "\\d+ orders"), (":describe order_totals", "\\d order_totals"),
        (":tables sales.*", "\\dt sales.*"), (":schemas", "\\dn"), (":functions", "\\df"), (":indexes", "\\di"),
        (":sequences", "\\ds"), (":types", "\\dT"), (":roles", "\\du"), (":databases template*", "\\l template*"), (":extensions", "\\dx"),
        (":views", "\\dv"), (":tables+", "\\dt+"),
    ])
    func colonFormPrintsWhatTheBackslashFormPrints(_ colon: String, _ backslash: String) throws {
        let a = try TestServer.psqlui(["-X"], database: Self.database, stdin: Data((colon + "\n").utf8))
        let b = try TestServer.psql(["-X"], database: Self.database, stdin: Data((backslash + "\n").utf8))
        #expect(a.out == b.out, "\(colon)\n\(a.out)\nvs psql \(backslash)\n\(b.out)")
    }

    @Test func describesAFunction() throws {
        let r = try TestServer.psqlui(["-X"], database: Self.database, stdin: Data(":d+ customer_total\n".utf8))
        #expect(r.out.contains("Function \"public.customer_total(cid integer)\""))
        #expect(r.out.contains(" Returns    | numeric"))
        #expect(r.out.contains(" Language   | sql"))
        #expect(r.out.contains(" Volatility | stable"))
        #expect(r.out.contains("SELECT coalesce(sum(total), 0) FROM order_totals"))
    }

    @Test func helpListsGroupsAndOneCommandsUsage() throws {
        let r = try TestServer.psqlui(["-X"], database: Self.database, stdin: Data(":help\n:help describe\n\\?\n".utf8))
        #expect(r.out.contains("General\n"))
        #expect(r.out.contains("Catalog\n"))
        #expect(r.out.contains(":describe (:d, :d+, \\d)"))
        #expect(r.out.contains("usage: :describe[+] [PATTERN ...]"))
        #expect(r.out.contains("  :d orders\n"))
    }

    @Test func mistypedCommandIsReportedAndNotSent() throws {
        let r = try TestServer.psqlui(["-X"], database: Self.database, stdin: Data(":descrbe orders\n:tabels\nselect 'after' as x;\n".utf8))
        let err = String(decoding: r.stderr, as: UTF8.self)
        #expect(err.contains("unknown command :descrbe — did you mean :describe?"))
        #expect(err.contains("unknown command :tabels — did you mean :tables?"))
        #expect(!err.contains("syntax error"))
        #expect(r.out.contains("after"))
    }
}
