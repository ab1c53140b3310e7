import Foundation
import Testing

/// Issue 9 item 7 through the real binary (the memory figure is in scripts/bench/40-one-line.sh).
@Suite struct OneLineTests {
    // Item 7: statements on one line run as they are found; ON_ERROR_STOP stops in the
    // middle of the line, exactly where psql stops.
    @Test func oneLongLineRunsStatementByStatement() throws {
        let db = try TestServer.makeDatabase(prefix: "oneline")
        try TestServer.admin("create table t(a int primary key)", database: db)
        var line = ""
        for i in 1...20_000 { line += "insert into t values (\(i % 10_000 == 0 && i < 20_000 ? 1 : i));" }
        let path = try Hardening.script(Array((line + "\n").utf8))
        let ours = try TestServer.psqlui(["-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", path], database: db)
        let oursCount = try TestServer.admin("select count(*) from t", database: db)
        try TestServer.admin("truncate t", database: db)
        let psql = try Hardening.psql(["-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", path], database: db)
        let psqlCount = try TestServer.admin("select count(*) from t", database: db)
        #expect(ours.status == psql.status && ours.status == 3, "\(ours)\npsql: \(psql)")
        #expect(oursCount == psqlCount && Hardening.trimmed(oursCount) == "9999", "psqlui \(oursCount), psql \(psqlCount)")
    }

}
