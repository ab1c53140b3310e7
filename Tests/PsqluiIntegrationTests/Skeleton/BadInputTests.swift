import Foundation
import Testing

/// Bad input gets a clear error and loses nothing.
@Suite struct BadInputTests {
    static func script(_ bytes: [UInt8]) throws -> String {
        let path = NSTemporaryDirectory() + "bad-\(UUID().uuidString).sql"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test(arguments: [
        ("select 1;\nselect 'never closed;\nselect 2;\n", "quoted string", 2),
        ("select 1;\n\ndo $$ begin\n  perform 1;\nend;\n", "dollar-quoted string", 3),
        ("select 1;\n/* a comment\n that never ends\n", "comment", 2),
        ("select \"ident\nselect 1;\n", "quoted identifier", 1),
    ])
    func unterminatedConstructNamesTheLineItBeganOn(_ text: String, _ what: String, _ line: Int) throws {
        let db = try TestServer.makeDatabase(prefix: "bad")
        let path = try Self.script(Array(text.utf8))
        let out = try TestServer.psqlui(["-X", "-f", path], database: db)
        #expect(out.status != 0, "nonzero exit: \(out)")
        #expect(out.err.contains("psqlui:\(path):"), "\(out.err)")
        #expect(out.err.contains(what), "\(out.err)")
        #expect(out.err.contains("line \(line)"), "\(out.err)")
    }

    @Test func invalidUTF8IsReportedWithItsLineAndNotSent() throws {
        let db = try TestServer.makeDatabase(prefix: "utf8")
        try TestServer.admin("create table t(v text)", database: db)
        var bytes = Array("insert into t values ('ok');\n".utf8)
        bytes += Array("insert into t values ('bad ".utf8) + [0xff, 0xfe] + Array("');\n".utf8)
        bytes += Array("insert into t values ('after');\n".utf8)
        let path = try Self.script(bytes)
        let out = try TestServer.psqlui(["-X", "-f", path], database: db)
        #expect(out.err.contains("psqlui:\(path):2:"), "\(out.err)")
        #expect(out.err.contains("invalid UTF-8"), "\(out.err)")
        let rows = try TestServer.admin("select string_agg(v, ',' order by v) from t", database: db)
        #expect(rows.trimmingCharacters(in: .whitespacesAndNewlines) == "after,ok", "the bad line is not sent, nothing else is lost")
    }

    @Test func missingScriptExitsOne() throws {
        let out = try TestServer.psqlui(["-X", "-f", "/nonexistent/script.sql"], database: "postgres")
        #expect(out.status == 1)
        #expect(out.err.contains("/nonexistent/script.sql: No such file or directory"))
    }

    @Test func hugeValueRoundTrips() throws {
        let db = try TestServer.makeDatabase(prefix: "huge")
        let out = try TestServer.psqlui(["-X", "-At", "-c", "select length(repeat('x', 20000000))"], database: db)
        #expect(out.out == "20000000\n")
    }
}
