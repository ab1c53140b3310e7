import Foundation
import Testing

/// Named queries (`\ns`, `\n`, `\np`, `\nd` and `:save`, `:run-saved`, `:saved`,
/// `:delete-saved`) against a real server: a run prints what psql prints for the
/// query with its arguments filled in, and goes through the statement policies.
@Suite struct NamedQueryCommandTests {
    /// A fresh data directory (where the queries are kept) per test.
    static func dataDirectory() -> String {
        let dir = NSTemporaryDirectory() + "psqlui-nq-\(getpid())-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    static func run(_ script: String, data: String, database: String, arguments: [String] = []) throws -> ProcessOutput {
        try TestServer.psqlui(["-X"] + arguments, database: database, stdin: Data(script.utf8), extraEnv: ["XDG_DATA_HOME": data])
    }

    @Test func aSavedQueryRunsWithItsArgumentsAsPsqlPrintsIt() throws {
        let db = try TestServer.makeDatabase(prefix: "nq")
        let data = Self.dataDirectory()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let out = try Self.run("""
            \\ns by_status select id, status from orders where status = '$1' order by id limit $2
            \\n by_status paid 3
            :run-saved by_status 'shipped' 2
            """, data: data, database: db)
        #expect(out.status == 0, "\(out)")
        let reference = try TestServer.psql(["-X", "-c", "select id, status from orders where status = 'paid' order by id limit 3",
                                             "-c", "select id, status from orders where status = 'shipped' order by id limit 2"], database: db)
        #expect(out.out == "Saved by_status.\n" + reference.out)
        #expect(FileManager.default.fileExists(atPath: data + "/psqlui/named-queries.toml"))
    }

    @Test func listPrintAndDelete() throws {
        let db = try TestServer.makeDatabase(prefix: "nq")
        let data = Self.dataDirectory()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let out = try Self.run("""
            \\n
            :save one select 1
            select 2 as two;
            :save two
            \\n
            :saved ^t
            \\nd one
            \\n one
            """, data: data, database: db)
        #expect(out.status == 0, "\(out)")
        #expect(out.out.hasPrefix("No named queries."), "\(out)")
        #expect(out.out.contains(" one  | select 1\n two  | select 2 as two;\n(2 rows)"), "\(out)")
        #expect(out.out.contains(" two  | select 2 as two;\n(1 row)"), "\(out)")
        #expect(out.out.contains("Deleted one."))
        #expect(out.err.contains("\\n: no named query \"one\""), "\(out)")
    }

    @Test func aRunGoesThroughTheStatementPolicies() throws {
        let db = try TestServer.makeDatabase(prefix: "nq")
        let data = Self.dataDirectory()
        defer { try? FileManager.default.removeItem(atPath: data) }
        // AUTOCOMMIT off: the named INSERT opens a transaction that ROLLBACK undoes.
        let out = try Self.run("""
            :save add insert into customers (name, country) values ('$1', 'DE')
            \\set AUTOCOMMIT off
            \\n add Zed
            rollback;
            select count(*) from customers where name = 'Zed';
            """, data: data, database: db, arguments: ["-At"])
        #expect(out.status == 0, "\(out)")
        #expect(out.out.hasSuffix("\n0\n"), "\(out)")
    }

    @Test func aMissingArgumentFailsTheStepUnderOnErrorStop() throws {
        let db = try TestServer.makeDatabase(prefix: "nq")
        let data = Self.dataDirectory()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let out = try Self.run(":save one select $1\n\\n one\nselect 'not reached';\n", data: data, database: db, arguments: ["-v", "ON_ERROR_STOP=1"])
        #expect(out.status == 3, "\(out)")
        #expect(out.err.contains("no argument for $1 in: select $1"), "\(out)")
        #expect(!out.out.contains("not reached"))
    }

    @Test func namesAndTheSavedSQLComplete() throws {
        let data = Self.dataDirectory()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let db = try TestServer.makeDatabase(prefix: "nq")
        _ = try Self.run(":save by_status select 1\n:save busy select 2\n", data: data, database: db)
        let names = try TestServer.psqlui(["-X", "--complete", "\\n b"], database: db, extraEnv: ["XDG_DATA_HOME": data])
        #expect(names.out == "value\tbusy\t3\nvalue\tby_status\t3\n", "\(names)")
        let sql = try TestServer.psqlui(["-X", "--complete", ":save recent select * from ord"], database: db, extraEnv: ["XDG_DATA_HOME": data])
        #expect(sql.out.hasPrefix("table\torder_items\t27\n"), "\(sql)")
    }
}
