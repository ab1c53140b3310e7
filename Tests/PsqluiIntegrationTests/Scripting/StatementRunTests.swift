import Foundation
import Testing

/// Issue 10's one statement run: `-c` and `\copy` go through the same policies as SQL
/// typed or scripted (psql's SendQuery: the implicit BEGIN under AUTOCOMMIT off, the
/// ON_ERROR_ROLLBACK savepoint). Each case runs the same arguments and script in
/// psqlui and live psql on fresh copies of table `t` and compares stdout, stderr and
/// the exit status.
@Suite struct StatementRunTests {
    struct Case: CustomStringConvertible, Sendable {
        let name: String
        let arguments: [String]
        var script: String? = nil
        var description: String { name }
    }

    static let cases: [Case] = [
        Case(name: "-c opens the transaction under AUTOCOMMIT off",
             arguments: ["-v", "AUTOCOMMIT=off", "-c", "insert into t values (1)", "-c", "rollback",
                         "-c", "select 'rows: ' || count(*) from t"]),
        Case(name: "-c keeps the transaction usable with ON_ERROR_ROLLBACK on",
             arguments: ["-v", "AUTOCOMMIT=off", "-v", "ON_ERROR_ROLLBACK=on", "-c", "insert into t values (1)",
                         "-c", "select 1/0", "-c", "insert into t values (2)", "-c", "commit",
                         "-c", "select 'rows: ' || count(*) from t"]),
        Case(name: "a failing -c without the savepoint aborts the transaction",
             arguments: ["-v", "AUTOCOMMIT=off", "-c", "select 1/0", "-c", "select 2"]),
        Case(name: "\\copy from stdin opens the transaction under AUTOCOMMIT off",
             arguments: ["-f", "-"],
             script: "\\set AUTOCOMMIT off\n\\copy t from stdin\n5\n6\n\\.\nrollback;\nselect 'rows: ' || count(*) from t;\n"),
        Case(name: "a failing \\copy leaves the transaction usable with ON_ERROR_ROLLBACK on",
             arguments: ["-f", "-"],
             script: "\\set AUTOCOMMIT off\n\\set ON_ERROR_ROLLBACK on\ninsert into t values (1);\n\\copy t from program 'echo notanumber'\ninsert into t values (2);\ncommit;\nselect 'rows: ' || count(*) from t;\n"),
        Case(name: "a failing \\copy from stdin names the line where its data ended",
             arguments: ["-f", "-"],
             script: "\\set AUTOCOMMIT off\n\\set ON_ERROR_ROLLBACK on\ninsert into t values (1);\n\\copy t from stdin\nnot a number\n\\.\ninsert into t values (2);\ncommit;\nselect 'rows: ' || count(*) from t;\n"),
        Case(name: "a failing COPY from stdin in a script names the line where its data ended",
             arguments: ["-f", "-"],
             script: "select 1;\ncopy t from stdin;\n1\nx\n\\.\nselect 2;\n"),
        Case(name: "\\copy to stdout inside the implicit transaction",
             arguments: ["-f", "-"],
             script: "\\set AUTOCOMMIT off\ninsert into t values (7);\n\\copy t to stdout\nrollback;\nselect 'rows: ' || count(*) from t;\n"),
    ]

    @Test(arguments: cases)
    func matchesPsql(_ c: Case) throws {
        let setup = "create table t (x int);\n"
        let ours = try TestServer.makeDatabase(prefix: "sr")
        let theirs = try TestServer.makeDatabase(prefix: "sq")
        for db in [ours, theirs] { _ = try TestServer.psql(["-X", "-q", "-c", setup], database: db) }
        let stdin = c.script.map { Data($0.utf8) }
        let psqlui = try TestServer.psqlui(["-X"] + c.arguments, database: ours, stdin: stdin)
        let psql = try TestServer.psql(["-X"] + c.arguments, database: theirs, stdin: stdin)
        #expect(psqlui.out == psql.out, "\(c.name)\npsqlui:\n\(psqlui)\npsql:\n\(psql)")
        #expect(psqlui.err.replacingOccurrences(of: "psqlui:", with: "psql:") == psql.err, "\(c.name)\npsqlui:\n\(psqlui)\npsql:\n\(psql)")
        #expect(psqlui.status == psql.status, "\(c.name)\npsqlui:\n\(psqlui)\npsql:\n\(psql)")
    }
}
