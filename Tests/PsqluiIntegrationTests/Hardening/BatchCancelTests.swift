import Foundation
import Testing
import PsqluiCore

/// Issue 9 item 2: SIGINT during a batch run cancels the query (the UPDATE does not
/// commit) with psql's messages and exit status — also when SIGINT was ignored at
/// start, as for a background job of a non-interactive shell (`cmd &`).
@Suite struct BatchCancelTests {
    static let update = "update tx set a = a + 1 from (select pg_sleep(4)) s"

    /// Starts `program ARGS` in the background of `sh` (SIGINT ignored at start), sends
    /// SIGINT once the query is running (as sent, or inside an export's `COPY (…)`), and returns its stdout, stderr and status.
    /// (posix_spawn with default signals: Foundation's Process leaves SIGINT blocked.)
    static func interrupt(_ program: String, _ arguments: [String], database: String) throws -> (status: Int32, out: String, err: String) {
        let quoted = ([program] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let base = NSTemporaryDirectory() + "cancel-\(UUID().uuidString)"
        let script = """
        \(quoted) >\(base).out 2>\(base).err & pid=$!
        i=0; while [ $i -lt 200 ]; do
          n=$('\(Hardening.psql15)' -XAtc "select count(*) from pg_stat_activity where datname = current_database() and query ilike '%update tx set%' and query not like '%pg_stat_activity%' and state = 'active'")
          [ "$n" = 1 ] && break; i=$((i+1)); sleep 0.1
        done
        kill -INT $pid; wait $pid; echo $? >\(base).status
        """
        _ = try ChildProcess.run(["/bin/sh", "-c", script], environment: TestServer.environment(database: database))
        defer { for ext in ["out", "err", "status"] { unlink(base + "." + ext) } }
        func read(_ ext: String) -> String { (try? String(contentsOfFile: base + "." + ext, encoding: .utf8)) ?? "" }
        return (Int32(Hardening.trimmed(read("status"))) ?? -1, read("out"), read("err"))
    }

    @Test(arguments: [["-c", update], ["-f", "SCRIPT"], ["-v", "ON_ERROR_STOP=1", "-f", "SCRIPT"]])
    func ctrlCCancelsTheQueryAsPsqlDoes(_ template: [String]) throws {
        let db = try TestServer.makeDatabase(prefix: "cancel")
        try TestServer.admin("create table tx(a int); insert into tx values (1)", database: db)
        let script = try Hardening.script(Array((Self.update + ";\nselect 'after';\n").utf8))
        let arguments = ["-X"] + template.map { $0 == "SCRIPT" ? script : $0 }
        let ours = try Self.interrupt(TestServer.psqluiBinary, arguments, database: db)
        let psql = try Self.interrupt(Hardening.psql15, arguments, database: db)
        #expect(ours.status == psql.status, "psqlui: \(ours)\npsql: \(psql)")
        #expect(ours.out == psql.out, "psqlui: \(ours)\npsql: \(psql)")
        #expect(ours.err.contains("Cancel request sent\n"), "\(ours)")
        #expect(ours.err.contains("ERROR:  canceling statement due to user request"), "\(ours)")
        #expect(Hardening.trimmed(try TestServer.admin("select a from tx", database: db)) == "1", "the UPDATE did not commit")
    }

    /// The same mid-`:export` in a script: psqlui's `:export csv > FILE` against psql's
    /// `\g FILE` — the UPDATE does not commit, psql's status, and the export's file
    /// is not left looking complete.
    @Test(arguments: [["-f", "SCRIPT"], ["-v", "ON_ERROR_STOP=1", "-f", "SCRIPT"]])
    func ctrlCMidExportCancelsAsPsqlsGDoes(_ template: [String]) throws {
        let db = try TestServer.makeDatabase(prefix: "cancelx")
        try TestServer.admin("create table tx(a int); insert into tx values (1)", database: db)
        let dir = NSTemporaryDirectory() + "cancelx-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let statement = Self.update + " returning tx.a"
        let ours = try Hardening.script(Array("\(statement)\n:export csv > \(dir)/ours.csv\nselect 'after';\n".utf8))
        let theirs = try Hardening.script(Array("\(statement) \\g \(dir)/theirs.csv\nselect 'after';\n".utf8))
        let o = try Self.interrupt(TestServer.psqluiBinary, ["-X"] + template.map { $0 == "SCRIPT" ? ours : $0 }, database: db)
        let p = try Self.interrupt(Hardening.psql15, ["-X"] + template.map { $0 == "SCRIPT" ? theirs : $0 }, database: db)
        #expect(o.status == p.status, "psqlui: \(o)\npsql: \(p)")
        #expect(o.out == p.out, "psqlui: \(o)\npsql: \(p)")
        #expect(o.err.contains("Cancel request sent\n"), "\(o)")
        #expect(o.err.contains("canceling statement due to user request"), "\(o)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/ours.csv"), "no complete-looking file")
        #expect(Hardening.trimmed(try TestServer.admin("select a from tx", database: db)) == "1", "the UPDATE did not commit")
    }
}
