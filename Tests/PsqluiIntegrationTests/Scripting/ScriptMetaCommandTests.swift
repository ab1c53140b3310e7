import Foundation
import Testing

/// Script meta-commands against live psql: the same script through `psql -X -f`
/// and `psqlui -X -f` gives the same stdout, stderr (psql's name swapped), exit
/// status and the same files written by `\g FILE`, `\o FILE` and `\copy`.
@Suite struct ScriptMetaCommandTests {
    static let scripts: [String] = [
        // Interpolation
        "\\set x 5\n\\set s 'it''s'\nselect :x + 1 as n, :'s' as lit, :'x' as q;\nselect 1 as :\"s\";\n\\echo :x :'s' :undefined\n",
        "\\set t customers\nselect count(*) from :t;\n\\unset t\n\\echo :t\n",
        // \gset
        "select 1 as one, 'two' as two \\gset p_\n\\echo :p_one :p_two\nselect null::int as nn \\gset\n\\echo :nn\n",
        "select 1 \\gset\nselect 1 where false \\gset\nselect g from generate_series(1,2) g \\gset\n\\echo done\n",
        // \if
        "\\if true\n\\echo a\n\\if false\n\\echo b\nselect 'skipped';\n\\elif yes\n\\echo c\n\\else\n\\echo d\n\\endif\n\\elif true\n\\echo e\n\\else\n\\echo f\n\\endif\n",
        "\\if bogus\n\\echo in\n\\endif\n\\else\n\\elif 1\n\\endif\n\\if off\n\\echo no\n\\else\n\\echo yes\n\\else\n\\endif\n",
        "select 1 as v \\gset\n\\if :v\nselect 'v is true' as r;\n\\endif\n\\if 0\nselect 'partial'\n\\endif\n;\nselect 'after';\n\\if on\n",
        "\\set ON_ERROR_STOP 1\n\\if nope\n\\echo still running\n\\endif\nselect 1/0;\nselect 'not reached';\n",
        // \g FILE and \o FILE
        "select 'x' as q \\g out1.txt\nselect 2 as n;\n\\g out2.txt\n\\o out3.txt\nselect 3 as three;\n\\echo to stdout\n\\o\nselect 4;\n",
        "select 'piped' as p \\g |cat\n\\o |tr a-z A-Z\nselect 'upper' as u;\n\\o\nselect 'back';\n",
        // Transactions
        "\\set AUTOCOMMIT off\ncreate table ac(a int);\ninsert into ac values (1);\nrollback;\nselect count(*) from pg_class where relname = 'ac';\n",
        "\\set ON_ERROR_ROLLBACK on\nbegin;\ncreate table eo(a int);\ninsert into eo values (1);\nselect 1/0;\ninsert into eo values (2);\ncommit;\nselect * from eo;\n",
        "\\set ECHO queries\nselect 1;\n\\set ECHO none\nselect 2;\n",
        // \copy
        "\\copy (select g, g*2 from generate_series(1,3) g) to 'copy.txt'\ncreate temp table c(a int, b int);\n\\copy c from copy.txt\n\\copy c to stdout with csv\nselect sum(a) from c;\n",
        "create temp table ci(a int, t text);\n\\copy ci from stdin\n1\tone\n2\ttwo\n\\.\nselect * from ci order by a;\n",
    ]

    @Test(arguments: Array(scripts.indices))
    func scriptMatchesPsql(_ index: Int) throws {
        let script = Self.scripts[index]
        let db = try TestServer.makeDatabase(prefix: "scr")
        let results = try ["psql", "psqlui"].map { client -> (ProcessOutput, [String: String]) in
            let dir = NSTemporaryDirectory() + "psqlui-script-\(client)-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            try script.write(toFile: dir + "/s.sql", atomically: true, encoding: .utf8)
            let out = client == "psql"
                ? try TestServer.psql(["-X", "-f", "s.sql"], database: db, currentDirectory: dir)
                : try TestServer.psqlui(["-X", "-f", "s.sql"], database: db, currentDirectory: dir)
            var files: [String: String] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: dir) where name != "s.sql" {
                files[name] = try String(contentsOfFile: dir + "/" + name, encoding: .utf8)
            }
            // Tables the script made must not leak into the other client's run.
            _ = try? TestServer.admin("drop table if exists ac, eo", database: db)
            return (out, files)
        }
        let (theirs, theirFiles) = results[0]
        let (ours, ourFiles) = results[1]
        #expect(ours.out == theirs.out, "stdout differs for script \(index)")
        #expect(ours.err == asPsqlui(theirs.err), "stderr differs for script \(index)")
        #expect(ours.status == theirs.status, "status differs for script \(index)")
        #expect(ourFiles == theirFiles, "written files differ for script \(index)")
    }

    private func asPsqlui(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix("psql:") ? "psqlui:" + line.dropFirst(5) : String(line)
        }.joined(separator: "\n")
    }
}
