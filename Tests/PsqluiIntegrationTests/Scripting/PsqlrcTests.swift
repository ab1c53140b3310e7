import Foundation
import Testing

/// Issue 11: `~/.psqlrc` is read at start unless `-X`, as live psql 15 reads it
/// (`PSQLRC`, the `-MAJOR` variant); psqlui's config.toml is applied after it.
/// HOME is a temp folder.
@Suite struct PsqlrcTests {
    /// Writes `files` (relative to a new home) and returns the home.
    static func home(_ files: [String: String]) throws -> String {
        let home = NSTemporaryDirectory() + "psqlui-psqlrc-" + UUID().uuidString
        for (name, text) in files {
            let path = home + "/" + name
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        return home
    }

    static let rc: [String: String] = [
        ".psqlrc": "\\set foo bar\n\\pset border 2\nselect 1/0;\n\\echo rc :foo\n",
        "envrc": "\\echo env-file\n\\set QUIET on\n\\pset null (rc)\n",
    ]

    @Test(arguments: [
        (["-c", "select 1 as a"], [String: String]()),
        (["-X", "-c", "\\echo :foo"], [:]),
        (["-c", "select null as b"], ["PSQLRC": "HOME/envrc"]),
        (["-c", "select 2 as c"], ["VERSIONED": ".psqlrc-15"]),
    ])
    func startupFilesMatchPsql(_ arguments: [String], _ env: [String: String]) throws {
        let db = try TestServer.makeDatabase(prefix: "prc")
        var files = Self.rc
        if let versioned = env["VERSIONED"] { files[versioned] = "\\echo major-file\n" }
        let results = try ["psql", "psqlui"].map { client -> (status: Int32, out: String, err: String) in
            let home = try Self.home(files)
            var extra = env.filter { $0.key != "VERSIONED" }.mapValues { $0.replacingOccurrences(of: "HOME", with: home) }
            extra["HOME"] = home
            let out = client == "psql"
                ? try TestServer.psql(arguments, database: db, extraEnv: extra)
                : try TestServer.psqlui(arguments, database: db, extraEnv: extra, home: home)
            return (out.status, out.out.replacingOccurrences(of: home, with: "HOME"), out.err.replacingOccurrences(of: home, with: "HOME"))
        }
        #expect(results[1].out == results[0].out, "\(arguments) \(env)\n--- psql\n\(results[0].out)--- psqlui\n\(results[1].out)")
        #expect(results[1].err == PsqlParityTests.asPsqlui(results[0].err), "\(arguments) \(env)\n--- psql\n\(results[0].err)--- psqlui\n\(results[1].err)")
        #expect(results[1].status == results[0].status)
    }

    /// config.toml's display settings win over what the psqlrc set.
    @Test func configIsAppliedAfterPsqlrc() throws {
        let db = try TestServer.makeDatabase(prefix: "prc")
        let home = try Self.home([".psqlrc": "\\pset null (rc)\n", ".config/psqlui/config.toml": "[display]\nnull = \"(config)\"\n"])
        let out = try TestServer.psqlui(["-c", "select null as n"], database: db, home: home)
        #expect(out.out.contains("(config)"), "\(out.out)\(out.err)")
        let skipped = try TestServer.psqlui(["-X", "-c", "select null as n"], database: db, home: home)
        #expect(!skipped.out.contains("(rc)") && !skipped.out.contains("(config)"), "\(skipped.out)")
    }
}
