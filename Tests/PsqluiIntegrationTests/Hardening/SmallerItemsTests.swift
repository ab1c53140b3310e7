import Foundation
import Testing

/// Issue 9 items 7, 14 and 16 through the real binary.
@Suite struct SmallerItemsTests {
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

    // Item 14: secrets in [plugins.X] tables are masked by --print-config.
    @Test func printConfigMasksSecrets() throws {
        let home = TestServer.makeHome()
        try FileManager.default.createDirectory(atPath: home + "/.config/psqlui", withIntermediateDirectories: true)
        try "[plugins.telemetry]\npassword = \"hunter2\"\napi_token = \"tok-123\"\nclient_secret = \"s3\"\napi_key = \"k9\"\nendpoint = \"http://127.0.0.1:4318\"\n"
            .write(toFile: home + "/.config/psqlui/config.toml", atomically: true, encoding: .utf8)
        let out = try TestServer.psqlui(["--print-config"], database: nil, home: home)
        for secret in ["hunter2", "tok-123", "s3\"", "k9"] { #expect(!out.out.contains(secret), "\(out)") }
        #expect(out.out.contains("plugins.telemetry.password = \"********\""), "\(out)")
        #expect(out.out.contains("plugins.telemetry.api_key = \"********\""), "\(out)")
        #expect(out.out.contains("plugins.telemetry.endpoint = \"http://127.0.0.1:4318\""), "\(out)")
    }

    // Item 16: a directory given as a script fails as in psql (status and message).
    @Test(arguments: [["-c", "\\i /tmp"], ["-f", "/tmp"], ["-f", "SCRIPT"], ["-v", "ON_ERROR_STOP=1", "-f", "SCRIPT"]])
    func directoryAsScriptFailsAsPsql(_ template: [String]) throws {
        let script = try Hardening.script(Array("\\i /tmp\nselect 1;\n".utf8))
        let arguments = ["-X"] + template.map { $0 == "SCRIPT" ? script : $0 }
        let ours = try TestServer.psqlui(arguments, database: "postgres")
        let psql = try Hardening.psql(arguments, database: "postgres")
        #expect(ours.status == psql.status, "\(ours)\npsql: \(psql)")
        #expect(ours.out == psql.out, "\(ours)\npsql: \(psql)")
        #expect(ours.err.contains("could not read from input file: Is a directory"), "\(ours)")
    }

    // Item 16: a config.toml that is a directory is reported, not ignored silently.
    @Test func configFileThatIsADirectoryIsReported() throws {
        let home = TestServer.makeHome()
        try FileManager.default.createDirectory(atPath: home + "/.config/psqlui/config.toml", withIntermediateDirectories: true)
        let out = try TestServer.psqlui(["-At", "-c", "select 1"], database: "postgres", home: home)
        #expect(out.status == 0 && out.out == "1\n", "\(out)")
        #expect(out.err.contains("config.toml: is a directory"), "\(out)")
    }
}
