import Foundation
import Testing
import PsqluiCore

/// The one output target as users reach it: `~` from `$HOME` for every file name,
/// a failed `:export` spends the query buffer as psql's `\g FILE` does, and a `> FILE`
/// export cut short leaves `FILE.partial`, never a `FILE` that looks complete.
@Suite struct OutputTargetTests {
    static func tempDir(_ name: String) throws -> String {
        let dir = NSTemporaryDirectory() + "psqlui-\(name)-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    static func read(_ path: String) -> String? { try? String(contentsOfFile: path, encoding: .utf8) }

    @Test func tildeIsHomeForEveryFileName() throws {
        let home = try Self.tempDir("home")
        try "select 'included' as i;\n".write(toFile: home + "/inc.sql", atomically: true, encoding: .utf8)
        let script = """
            \\o ~/o.txt
            select 'to o' as a;
            \\o
            select 'to g' as b \\g ~/g.txt
            select 'to export' as c
            :export csv > ~/e.csv
            \\i ~/inc.sql

            """
        let out = try TestServer.psqlui(["-X", "-A", "-t"], database: "postgres", stdin: Data(script.utf8), home: home)
        #expect(out.status == 0, "\(out)")
        #expect(out.err == "")
        #expect(out.out == "included\n")
        #expect(Self.read(home + "/o.txt") == "to o\n")
        #expect(Self.read(home + "/g.txt") == "to g\n")
        #expect(Self.read(home + "/e.csv") == "c\nto export\n")
        let dashO = try TestServer.psqlui(["-X", "-A", "-t", "-o", "~/dash-o.txt", "-c", "select 'to -o'"], database: "postgres", home: home)
        #expect(dashO.status == 0, "\(dashO)")
        #expect(Self.read(home + "/dash-o.txt") == "to -o\n")
    }

    /// issue 9 item 4: `delete … returning *`, a failed `:export`, then `;` must not
    /// run the DELETE; under ON_ERROR_STOP the export stops the script as psql's
    /// `\g /nonexistent/a.csv` does (exit 3, the same message after the prefix).
    @Test func failedExportSpendsTheBuffer() throws {
        let db = try TestServer.makeDatabase(prefix: "otb")
        try TestServer.admin("create table t (a int); insert into t values (1), (2);", database: db)
        let script = "delete from t returning *\n:export csv > /nonexistent/a.csv\n;\nselect count(*) from t;\n"
        let out = try TestServer.psqlui(["-X", "-A", "-t"], database: db, stdin: Data(script.utf8))
        #expect(out.status == 0, "\(out)")
        #expect(out.out == "2\n", "the DELETE did not run: \(out.out)")
        #expect(out.err.contains("/nonexistent/a.csv: No such file or directory"), "\(out.err)")

        let dir = try Self.tempDir("ots")
        let stop = "select 1\n:export csv > /nonexistent/a.csv\nselect 2;\n"
        let psqlScript = "select 1\n\\g /nonexistent/a.csv\nselect 2;\n"
        try stop.write(toFile: dir + "/ours.sql", atomically: true, encoding: .utf8)
        try psqlScript.write(toFile: dir + "/theirs.sql", atomically: true, encoding: .utf8)
        let ours = try TestServer.psqlui(["-X", "-v", "ON_ERROR_STOP=1", "-f", dir + "/ours.sql"], database: db)
        let theirs = try TestServer.psql(["-X", "-v", "ON_ERROR_STOP=1", "-f", dir + "/theirs.sql"], database: db)
        #expect(theirs.status == 3)
        #expect(ours.status == theirs.status, "\(ours)")
        #expect(ours.out == theirs.out)
        #expect(ours.err.hasSuffix("/nonexistent/a.csv: No such file or directory\n"), "\(ours.err)")
        #expect(theirs.err.hasSuffix("/nonexistent/a.csv: No such file or directory\n"), "\(theirs.err)")
    }

    /// Rows stream, then the query fails (`1/(g-g)`: `1/0` would fail at plan time).
    static let failsMidStream = "select case when g < 50000 then g else 1/(g-g) end from generate_series(1, 100000) g"

    /// issue 9 item 8: `> FILE` is written as `FILE.partial` and renamed on success.
    @Test func partialExportIsKeptUnderItsOwnName() throws {
        let dir = try Self.tempDir("otp")
        let script = """
            \(Self.failsMidStream)
            :export csv > \(dir)/out.csv
            select g from generate_series(1, 3) g
            :export csv > \(dir)/ok.csv
            select nosuchcolumn
            :export csv > \(dir)/never.csv

            """
        let out = try TestServer.psqlui(["-X"], database: "postgres", stdin: Data(script.utf8))
        #expect(!FileManager.default.fileExists(atPath: dir + "/out.csv"))
        let partial = Self.read(dir + "/out.csv.partial")
        #expect(partial?.hasPrefix("case\n1\n2\n") == true, "\(partial?.prefix(20) ?? "no file")")
        #expect(out.err.contains("division by zero"), "\(out.err)")
        #expect(out.err.contains("partial output"), "\(out.err)")
        #expect(out.err.contains("\(dir)/out.csv.partial"), "\(out.err)")
        #expect(Self.read(dir + "/ok.csv") == "g\n1\n2\n3\n")
        #expect(!FileManager.default.fileExists(atPath: dir + "/ok.csv.partial"))
        // A query that fails before any byte leaves neither file.
        #expect(out.err.contains("column \"nosuchcolumn\" does not exist"), "\(out.err)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/never.csv"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/never.csv.partial"))
    }

    @Test func failedAppendSaysHowManyRowsWentIn() throws {
        let dir = try Self.tempDir("ota")
        try "before\n".write(toFile: dir + "/all.csv", atomically: true, encoding: .utf8)
        let script = "\(Self.failsMidStream)\n:export csv header=off >> \(dir)/all.csv\n"
        let out = try TestServer.psqlui(["-X"], database: "postgres", stdin: Data(script.utf8))
        #expect(out.err.contains("division by zero"), "\(out.err)")
        let written = Self.read(dir + "/all.csv") ?? ""
        let rows = written.split(separator: "\n").count - 1
        #expect(rows > 0 && rows < 50000)
        #expect(out.err.contains("\(rows) rows appended to \(dir)/all.csv"), "\(rows) rows in the file; \(out.err)")
    }

    /// Ctrl-C once rows have reached the file: the export is cancelled, `FILE` is
    /// never created and the error names `FILE.partial`.
    @Test func ctrlCMidExportKeepsThePartialFile() throws {
        let dir = try Self.tempDir("otc")
        let query = "select g::text from generate_series(1, 60000) g union all select pg_sleep(20)::text"
        try "\(query)\n:export csv > \(dir)/out.csv\n".write(toFile: dir + "/s.sql", atomically: true, encoding: .utf8)
        let script = """
            '\(TestServer.psqluiBinary)' -X -f '\(dir)/s.sql' >'\(dir)/o' 2>'\(dir)/e' & pid=$!
            i=0; while [ $i -lt 200 ] && ! [ -s '\(dir)/out.csv.partial' ]; do i=$((i+1)); sleep 0.1; done
            sleep 0.3; kill -INT $pid; wait $pid
            """
        _ = try ChildProcess.run(["/bin/sh", "-c", script], environment: TestServer.environment(database: "postgres"))
        let err = Self.read(dir + "/e") ?? ""
        #expect(!FileManager.default.fileExists(atPath: dir + "/out.csv"))
        #expect(Self.read(dir + "/out.csv.partial")?.hasPrefix("g\n1\n2\n") == true)
        #expect(err.contains("canceling statement due to user request"), "\(err)")
        #expect(err.contains("partial output"), "\(err)")
        #expect(err.contains("\(dir)/out.csv.partial"), "\(err)")
    }
}
