import Foundation
import Testing

/// Issue 9's input and output faults, each reproduced as the issue describes it and
/// compared with live psql where psql is the reference.
@Suite struct InputAndOutputFaultTests {
    static func file(_ bytes: [UInt8], name: String = "s.sql") throws -> String {
        let dir = NSTemporaryDirectory() + "fault-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let path = dir + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// psql's message with its program name replaced by ours (the one allowed difference).
    static func asOurs(_ psqlText: String) -> String {
        psqlText.replacingOccurrences(of: "psql:", with: "psqlui:")
    }

    // Item 16: a directory given as a script is psql's error, with psql's status.
    @Test(arguments: [["-f", "DIR"], ["-v", "ON_ERROR_STOP=1", "-f", "DIR"], ["-f", "INC"], ["-v", "ON_ERROR_STOP=1", "-f", "INC"]])
    func aDirectoryAsAScriptIsAnErrorAsInPsql(_ template: [String]) throws {
        let db = try TestServer.makeDatabase(prefix: "dir")
        let dir = NSTemporaryDirectory() + "scriptdir-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let include = try Self.file(Array("\\i \(dir)\nselect 'after' as x;\n".utf8))
        let args = ["-X"] + template.map { $0 == "DIR" ? dir : $0 == "INC" ? include : $0 }
        let ours = try TestServer.psqlui(args, database: db)
        let psql = try TestServer.psql(args, database: db)
        #expect(ours.status == psql.status, "ours \(ours) psql \(psql)")
        #expect(ours.err == Self.asOurs(psql.err), "ours \(ours) psql \(psql)")
        #expect(ours.out == psql.out)
    }

    @Test func aConfigFileThatIsADirectoryIsReported() throws {
        let home = TestServer.makeHome()
        try FileManager.default.createDirectory(atPath: home + "/.config/psqlui/config.toml", withIntermediateDirectories: true)
        let db = try TestServer.makeDatabase(prefix: "cfgdir")
        let out = try TestServer.psqlui(["-Atc", "select 1"], database: db, home: home)
        #expect(out.status == 0)
        #expect(out.out == "1\n")
        #expect(out.err.contains("config.toml: is a directory, not a file; ignoring this file"), "\(out)")
    }

    // Item 6: a failed write (/dev/full) is a failed statement: psql's status and words.
    @Test(arguments: [["-c", "select 1"], ["-v", "ON_ERROR_STOP=1", "-f", "SCRIPT"], ["-f", "SCRIPT"], ["--csv", "-c", "select 1"]])
    func aFullDiskFailsTheStatementAsInPsql(_ template: [String]) throws {
        let db = try TestServer.makeDatabase(prefix: "full")
        let script = try Self.file(Array("select 1;\nselect 2;\n".utf8))
        let args = ["-X"] + template.map { $0 == "SCRIPT" ? script : $0 }
        let env = TestServer.environment(database: db)
        let quoted = args.map { "'\($0)'" }.joined(separator: " ")
        let ours = try ProcessRunner.shell("'\(TestServer.psqluiBinary)' \(quoted) > /dev/full", environment: env)
        let psql = try ProcessRunner.shell("'\(TestServer.psqlBinary)' \(quoted) > /dev/full", environment: env)
        #expect(ours.status == psql.status, "ours \(ours) psql \(psql)")
        #expect(ours.err.contains("could not print result table: "), "\(ours)")
        let failures = { (text: String) in text.components(separatedBy: "could not print result table").count }
        #expect(failures(ours.err) == failures(psql.err), "one message per failed statement: ours \(ours) psql \(psql)")
    }

    // Item 18.
    @Test func aNegativeCursorIsAClearErrorNotAMissingValue() throws {
        let out = try TestServer.psqlui(["--complete", "select 1", "--cursor", "-1"], database: nil)
        #expect(out.status != 0)
        #expect(out.err.contains("--cursor -1 is not a position in TEXT (0 to 8)"), "\(out)")
        #expect(!out.err.contains("Missing value"), "\(out)")
    }

    // Issue 11 item 12: a command line psql rejects exits 1, with a hint, as psql.
    @Test(arguments: [["--no-such-option"], ["-Z"], ["-p"]])
    func aBadCommandLineExitsAsPsqlDoes(_ args: [String]) throws {
        let ours = try TestServer.psqlui(args, database: nil)
        let psql = try TestServer.psql(args, database: nil)
        #expect(ours.status == psql.status, "ours \(ours) psql \(psql)")
        #expect(ours.err.hasPrefix("psqlui: error: "), "\(ours)")
        #expect(ours.err.hasSuffix("psqlui: hint: Try \"psqlui --help\" for more information.\n"), "\(ours)")
    }

    // Issue 11 item 5: a UTF-8 byte-order mark at the start of a script is skipped,
    // in -f, \i and piped stdin alike.
    @Test(arguments: ["-f", "\\i", "<"])
    func aByteOrderMarkAtTheStartOfAScriptIsSkippedAsInPsql(_ how: String) throws {
        let db = try TestServer.makeDatabase(prefix: "bom")
        let script = try Self.file([0xEF, 0xBB, 0xBF] + Array("select 1 as a;\nselect '\u{FEFF}' = E'\\uFEFF' as kept;\n".utf8))
        let args: [String], stdin: Data?
        switch how {
        case "-f": args = ["-X", "-f", script]; stdin = nil
        case "<": args = ["-X"]; stdin = try Data(contentsOf: URL(fileURLWithPath: script))
        default: args = ["-X", "-c", "\\i \(script)"]; stdin = nil
        }
        let ours = try TestServer.psqlui(args, database: db, stdin: stdin)
        let psql = try TestServer.psql(args, database: db, stdin: stdin)
        #expect(ours.out == psql.out, "ours \(ours) psql \(psql)")
        #expect(ours.status == psql.status && ours.err == "", "ours \(ours)")
    }
}
