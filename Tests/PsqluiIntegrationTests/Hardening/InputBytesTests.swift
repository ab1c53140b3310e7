import Foundation
import Testing

/// Issue 9 items 1, 3 and 5: bytes that libpq or the server would misread.
@Suite struct InputBytesTests {
    // Item 1: `printf 'delete from tx\0 where a = 1;\n'` must not run `delete from tx`.
    @Test func nulByteIsReportedAndNothingIsSent() throws {
        let db = try TestServer.makeDatabase(prefix: "nul")
        try TestServer.admin("create table tx(a int); insert into tx values (1), (2), (3)", database: db)
        let path = try Hardening.script(Array("delete from tx".utf8) + [0] + Array(" where a = 1;\n".utf8))
        let out = try TestServer.psqlui(["-X", "-f", path], database: db)
        #expect(out.err.contains("psqlui:\(path):1: error: NUL byte in input line 1, column 15"), "\(out)")
        #expect(Hardening.trimmed(try TestServer.admin("select count(*) from tx", database: db)) == "3", "no row was deleted")
        let stop = try TestServer.psqlui(["-X", "-v", "ON_ERROR_STOP=1", "-f", path], database: db)
        #expect(stop.status == 3, "\(stop)")
        #expect(Hardening.trimmed(try TestServer.admin("select count(*) from tx", database: db)) == "3")
    }

    // Item 3: the client encoding comes from the locale, PGCLIENTENCODING, as psql's.
    @Test(arguments: [[:], ["PGCLIENTENCODING": "LATIN1"], ["LC_ALL": "C", "LANG": "C"]])
    func clientEncodingIsResolvedAsPsqlDoes(_ env: [String: String]) throws {
        let sql = "show client_encoding"
        let ours = try TestServer.psqlui(["-X", "-At", "-c", sql], database: "postgres", extraEnv: env)
        let psql = try Hardening.psql(["-X", "-At", "-c", sql], database: "postgres", extraEnv: env)
        #expect(ours.out == psql.out && ours.status == 0, "\(ours)\npsql: \(psql)")
        let variable = try TestServer.psqlui(["-X", "-At", "-c", "\\echo :ENCODING"], database: "postgres", extraEnv: env)
        let psqlVariable = try Hardening.psql(["-X", "-At", "-c", "\\echo :ENCODING"], database: "postgres", extraEnv: env)
        #expect(variable.out == psqlVariable.out, "\(variable)\npsql: \(psqlVariable)")
    }

    // Item 3: `é` from a UTF-8 script is stored in a LATIN1 and a SQL_ASCII database
    // exactly as psql stores it, and shown back as psql shows it.
    @Test(arguments: ["LATIN1", "SQL_ASCII"])
    func nonASCIITextIsStoredAsPsqlStoresIt(_ encoding: String) throws {
        let db = "enc_\(encoding.lowercased())_\(getpid())_\(UInt32.random(in: 0...999_999))"
        try TestServer.admin("create database \(db) template template0 encoding '\(encoding)' locale 'C'")
        try TestServer.admin("create table t(who text, v text)", database: db)
        _ = try TestServer.psqlui(["-X", "-c", "insert into t values ('psqlui', 'é')"], database: db)
        _ = try Hardening.psql(["-X", "-c", "insert into t values ('psql', 'é')"], database: db)
        let hex = try TestServer.admin("select encode(v::bytea, 'hex') from t order by who", database: db)
        let stored = hex.split(separator: "\n")
        #expect(stored.count == 2 && stored[0] == stored[1], "psql, psqlui: \(stored)")
        let sql = "select v from t where who = 'psqlui'"
        let shown = try TestServer.psqlui(["-X", "-At", "-c", sql], database: db)
        let psqlShown = try Hardening.psql(["-X", "-At", "-c", sql], database: db)
        #expect(shown.out == psqlShown.out && shown.out == "é\n", "\(shown)")
    }

    // Item 3: invalid UTF-8 in COPY data is refused by the server, as with psql.
    @Test func invalidUTF8InCopyDataIsRefused() throws {
        let db = try TestServer.makeDatabase(prefix: "copyutf8")
        try TestServer.admin("create table t(v text)", database: db)
        let data = Data([0xff, 0xfe, 0x0a])
        let ours = try TestServer.psqlui(["-X", "-c", "copy t from stdin"], database: db, stdin: data)
        let psql = try Hardening.psql(["-X", "-c", "copy t from stdin"], database: db, stdin: data)
        #expect(psql.err.contains("invalid byte sequence"), "\(psql)")
        #expect(ours.err.contains("invalid byte sequence") && ours.status == psql.status, "\(ours)")
        #expect(Hardening.trimmed(try TestServer.admin("select count(*) from t", database: db)) == "0")
    }

    // Item 5: started with stdout closed, results must not go into the server connection.
    @Test func closedStdoutDoesNotWriteIntoTheConnection() throws {
        let db = try TestServer.makeDatabase(prefix: "closed")
        let path = try Hardening.script(Array("select 1;\ncreate table after_close(a int);\n".utf8))
        let out = try ProcessRunner.shell("'\(TestServer.psqluiBinary)' -X -f '\(path)' >&-",
                                          environment: TestServer.environment(database: db), timeout: 30)
        #expect(out.status == 0, "\(out)")
        #expect(!out.err.contains("invalid frontend message"), "\(out)")
        #expect(Hardening.trimmed(try TestServer.admin("select count(*) from pg_class where relname = 'after_close'", database: db)) == "1")
    }
}
