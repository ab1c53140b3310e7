import Foundation
import Testing

/// Issue 10: an export format renders a script's results the way the screen printer
/// does — tags after DML RETURNING, nothing for a query that fails in its first
/// batch, no `COPY n` in the data — for formats psql has no equal of (json), checked
/// against psql's csv run of the same script for stderr and the tags.
@Suite struct ResultRenderingTests {
    @Test func jsonExportOfAScriptHasTheTagsAndNothingOfAFailedQuery() throws {
        let db = try TestServer.makeDatabase(prefix: "render")
        let dir = NSTemporaryDirectory() + "psqlui-render-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try PsqlParityTests.renderingScript.write(toFile: dir + "/s.sql", atomically: true, encoding: .utf8)
        let psql = try TestServer.psql(["-X", "--csv", "-f", "s.sql"], database: db, currentDirectory: dir)
        let ours = try TestServer.psqlui(["-X", "--format", "json", "-f", "s.sql"], database: db, currentDirectory: dir)
        #expect(ours.err == PsqlParityTests.asPsqlui(psql.err), "--- psql\n\(psql.err)--- psqlui\n\(ours.err)")
        #expect(ours.status == psql.status)
        // psql's csv run prints these tags; the json run must print the same ones, in order.
        let tags = ["CREATE TABLE", "INSERT 0 1", "UPDATE 1", "DELETE 1", "DO", "INSERT 0 1"]
        let ourTags = ours.out.split(separator: "\n").map(String.init).filter { line in tags.contains(line) }
        let theirTags = psql.out.split(separator: "\n").map(String.init).filter { line in tags.contains(line) }
        #expect(ourTags == theirTags, "\(ours.out)")
        #expect(!ours.out.contains("COPY"), "\(ours.out)")
        #expect(!ours.out.contains("\"q\""), "the failed query's rows or header were written: \(ours.out)")
        #expect(ours.out.contains("1,x\n") && ours.out.contains("4\n"), "\(ours.out)")
    }
}
