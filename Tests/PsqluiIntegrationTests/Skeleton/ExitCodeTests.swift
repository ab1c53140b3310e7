import Foundation
import Testing

/// Exit statuses and error lines of batch runs, compared with live psql 15:
/// 0 success, 1 failing -c, 2 connection failed or lost, 3 script error under
/// ON_ERROR_STOP; the last action decides.
@Suite struct ExitCodeTests {
    struct Case: CustomStringConvertible, Sendable {
        var name: String
        var args: [String]
        var stdin: String? = nil
        var files: [String: String] = [:]
        var description: String { name }
    }

    static let badScript = "select 1;\nselec 2;\nselect 3;\n"
    static let cases: [Case] = [
        Case(name: "syntax error in -c", args: ["-c", "selec 1"]),
        Case(name: "error then success", args: ["-c", "select 1/0", "-c", "select 2"]),
        Case(name: "success then error", args: ["-c", "select 2", "-c", "select 1/0"]),
        Case(name: "ON_ERROR_STOP stops -c", args: ["-v", "ON_ERROR_STOP=1", "-c", "select 1/0", "-c", "select 2"]),
        Case(name: "multi-statement -c with error", args: ["-c", "select 1; select 1/0; select 3"]),
        Case(name: "-f with error, no stop", args: ["-f", "bad.sql"], files: ["bad.sql": badScript]),
        Case(name: "-f with error, ON_ERROR_STOP", args: ["-v", "ON_ERROR_STOP=1", "-f", "bad.sql"], files: ["bad.sql": badScript]),
        Case(name: "piped script with error", args: [], stdin: badScript),
        Case(name: "piped script, ON_ERROR_STOP", args: ["-v", "ON_ERROR_STOP=1"], stdin: badScript),
        Case(name: "-f - reads stdin", args: ["-f", "-"], stdin: badScript),
        Case(name: "missing script", args: ["-f", "missing.sql"]),
        Case(name: "missing script then -c", args: ["-f", "missing.sql", "-c", "select 1"]),
        Case(name: "-c then -f in order", args: ["-c", "select 'first'", "-f", "ok.sql", "-c", "select 'last'"], files: ["ok.sql": "select 'middle';\n"]),
        Case(name: "terminated backend in -c", args: ["-c", "select pg_terminate_backend(pg_backend_pid())"]),
        Case(name: "terminated backend in -f", args: ["-f", "term.sql"], files: ["term.sql": "select 1;\nselect pg_terminate_backend(pg_backend_pid());\nselect 2;\n"]),
        Case(name: "notice in script", args: ["-f", "n.sql"], files: ["n.sql": "do $$ begin raise notice 'hi'; end $$;\nselect 1;\n"]),
        Case(name: "error line is the line of the semicolon", args: ["-f", "m.sql"], files: ["m.sql": "select\n  1\n  +\n  'x'::int\n  / 0\n;\n"]),
        Case(name: "single transaction with error", args: ["-1", "-v", "ON_ERROR_STOP=1", "-f", "bad.sql"], files: ["bad.sql": badScript]),
        Case(name: "copy from stdin in script", args: ["-f", "copy.sql"], files: ["copy.sql": "create temp table c(a int, b text);\ncopy c from stdin;\n1\tone\n2\ttwo\n\\.\nselect * from c order by a;\n"]),
        Case(name: "statement without semicolon at end", args: ["-f", "nosemi.sql"], files: ["nosemi.sql": "select 1;\nselect 2"]),
        Case(name: "quiet script", args: ["-q", "-f", "q.sql"], files: ["q.sql": "create temp table q(a int);\ninsert into q values (1);\nselect * from q;\n"]),
        Case(name: "echo and set variable", args: ["-v", "x=5", "-c", "\\echo hello"]),
    ]

    @Test(arguments: cases)
    func matchesPsql(_ c: Case) throws {
        let db = try TestServer.makeDatabase(prefix: "exit")
        let dir = NSTemporaryDirectory() + "psqlui-exit-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for (name, text) in c.files { try text.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8) }
        let stdin = c.stdin.map { Data($0.utf8) }
        let (ours, theirs) = try PsqlComparisonTests.compareOutputs(["-X"] + c.args, database: db, stdin: stdin, directory: dir)
        #expect(ours.status == theirs.status, "exit status: psqlui \(ours.status), psql \(theirs.status)")
        #expect(ours.out == theirs.out, "stdout differs")
        #expect(ours.err == PsqlComparisonTests.asPsqlui(theirs.err), "stderr differs")
    }

    @Test func connectionFailureExitsTwoWithLibpqMessageOnce() throws {
        let ours = try TestServer.psqlui(["-X", "-h", "/nonexistent-socket-dir", "-c", "select 1"], database: "postgres")
        let theirs = try TestServer.psql(["-X", "-h", "/nonexistent-socket-dir", "-c", "select 1"], database: "postgres")
        #expect(ours.status == 2)
        #expect(ours.status == theirs.status)
        #expect(ours.err == theirs.err.replacingOccurrences(of: "psql: error:", with: "psqlui: error:"))
        #expect(ours.err.components(separatedBy: "failed:").count == 2, "libpq's message once")
    }
}
