import Foundation
import Testing

/// `:export` runs its statement the way typed SQL and `\g` do (issue 10): under
/// AUTOCOMMIT off it opens the transaction, and with ON_ERROR_ROLLBACK on a failing
/// export query leaves the transaction usable. Each case compares psqlui's `:export`
/// with live psql running the same script with `\g /dev/null` in its place.
@Suite struct ExportStatementPolicyTests {
    /// Runs `script` twice on fresh copies of table `t`: in psqlui with `SEND` replaced
    /// by `:export csv > /dev/null`, and in psql with `\g /dev/null`.
    private func compare(_ script: String) throws -> (psqlui: ProcessOutput, psql: ProcessOutput) {
        let setup = "create table t (x int);\n"
        let ours = try TestServer.makeDatabase(prefix: "xp")
        let theirs = try TestServer.makeDatabase(prefix: "xq")
        for db in [ours, theirs] { _ = try TestServer.psql(["-X", "-q", "-c", setup], database: db) }
        let psqlui = try TestServer.psqlui(["-X", "-A", "-t", "-f", "-"], database: ours,
                                           stdin: Data(script.replacingOccurrences(of: "SEND", with: ":export csv > /dev/null").utf8))
        let psql = try TestServer.psql(["-X", "-A", "-t", "-f", "-"], database: theirs,
                                       stdin: Data(script.replacingOccurrences(of: "SEND", with: "\\g /dev/null").utf8))
        return (psqlui, psql)
    }

    @Test func underAutocommitOffAnExportOpensTheTransaction() throws {
        // The exported INSERT is inside the implicit transaction, so the ROLLBACK
        // undoes it; before, :export skipped the BEGIN, the INSERT committed on its own
        // and `rollback;` warned "there is no transaction in progress".
        let (ours, psql) = try compare("""
            \\set AUTOCOMMIT off
            insert into t values (1) returning x
            SEND
            rollback;
            select 'rows after rollback: ' || count(*) from t;
            """)
        #expect(psql.out.contains("rows after rollback: 0"), "\(psql)")
        // psql prints the INSERT's tag on stdout while `\g` sends the rows away; an
        // exporter printing tags after DML with RETURNING is the output target's work
        // (issue 10, helper "output"), not the statement policy tested here.
        let psqlWithoutTag = psql.out.replacingOccurrences(of: "INSERT 0 1\n", with: "")
        #expect(ours.out == psqlWithoutTag || ours.out == psql.out, "psqlui:\n\(ours)\npsql:\n\(psql)")
        #expect(!ours.err.contains("no transaction in progress"), "\(ours.err)")
        #expect(ours.err == psql.err)
    }

    @Test func selectThenExportThenCommitGivesNoWarning() throws {
        // The reproduction in issue 10.
        let (ours, psql) = try compare("""
            \\set AUTOCOMMIT off
            select 1
            SEND
            commit;
            """)
        #expect(psql.err.isEmpty, "\(psql)")
        #expect(ours.err == psql.err, "psqlui:\n\(ours)\npsql:\n\(psql)")
    }

    @Test func withOnErrorRollbackAFailingExportLeavesTheTransactionUsable() throws {
        let (ours, psql) = try compare("""
            \\set AUTOCOMMIT off
            \\set ON_ERROR_ROLLBACK on
            insert into t values (1);
            select 1/0
            SEND
            insert into t values (2);
            commit;
            select 'rows after commit: ' || count(*) from t;
            """)
        #expect(psql.out.contains("rows after commit: 2"), "\(psql)")
        #expect(ours.out == psql.out, "psqlui:\n\(ours)\npsql:\n\(psql)")
        #expect(ours.err.contains("division by zero"), "\(ours.err)")
        #expect(!ours.err.contains("current transaction is aborted"), "\(ours.err)")
    }
}
