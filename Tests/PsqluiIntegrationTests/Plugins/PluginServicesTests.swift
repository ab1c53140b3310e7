import Foundation
import Testing

/// The services a plugin gets are real (issue 10): the fixture `observer` plugin
/// (Tests/Fixtures/PluginFixtures/Sources/ObserverPlugin) records what it sees in a
/// marker file.
@Suite struct PluginServicesTests {
    static func markerLines(_ path: String) -> [String] {
        ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").components(separatedBy: "\n").filter { !$0.isEmpty }
    }

    @Test func statementEventsCarryRowsTimingAndTheRedactedText() throws {
        let db = try TestServer.makeDatabase(prefix: "events")
        let marker = NSTemporaryDirectory() + "marker-" + UUID().uuidString
        let env = ["PSQLUI_PLUGIN_PATH": try PluginFixtures.directory(with: ["ObserverPlugin"]), "PSQLUI_FIXTURE_MARKER": marker]
        let script = """
            create table ev (id int, secret text);
            insert into ev values (1, 'hunter2'), (2, 'x');
            select e.id from ev e where e.secret = 'hunter2';
            selec 1;
            """
        let out = try TestServer.psqlui([], database: db, stdin: Data(script.utf8), extraEnv: env)
        #expect(out.status == 0, "\(out)")
        let lines = Self.markerLines(marker)
        let finished = lines.filter { $0.hasPrefix("event statement.finished") }
        #expect(finished.count == 4, "\(lines)")
        #expect(finished.contains { $0.contains("kind=insert") && $0.contains("rows=2") && $0.contains("tag=INSERT 0 2") && $0.contains("timed") }, "\(finished)")
        #expect(finished.contains { $0.contains("kind=select") && $0.contains("rows=1") && $0.contains("outcome=ok") && $0.contains("database=\(db)") }, "\(finished)")
        #expect(finished.contains { $0.contains("outcome=error") && $0.contains("sqlstate=42601") }, "\(finished)")
        #expect(lines.filter { $0.hasPrefix("event statement.started") }.count == 4)
        #expect(lines.contains { $0.contains("statement.redacted=insert into ev values (?, ?), (?, ?)") }, "\(lines)")
        #expect(!lines.contains { $0.contains("hunter2") && $0.contains("redacted") && !$0.contains("statement.redacted=") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("event session.connected") && $0.contains("database=\(db)") }, "\(lines)")
        // Assists get the analysis after each statement, in order.
        let analyzed = lines.filter { $0.hasPrefix("analyzed") }
        #expect(analyzed.count == 4, "\(lines)")
        #expect(analyzed.contains("analyzed kind=select relations=ev columns=ev.id,ev.secret reparse=true"), "\(analyzed)")
        #expect(analyzed.first == "analyzed kind=create table relations=ev columns= reparse=true", "\(analyzed)")
    }

    @Test func aPluginSeesTheMetadataCacheAndUnqualifiedColumnsResolveThroughIt() throws {
        let db = try TestServer.makeDatabase(prefix: "meta")
        let home = TestServer.makeHome()
        let marker = NSTemporaryDirectory() + "marker-" + UUID().uuidString
        var env = TestServer.environment(database: db, home: home)
        env["PSQLUI_PLUGIN_PATH"] = try PluginFixtures.directory(with: ["ObserverPlugin"])
        env["PSQLUI_FIXTURE_MARKER"] = marker
        let tmux = try TmuxSession(command: TestServer.psqluiBinary, environment: env)
        defer { tmux.kill() }
        try tmux.waitFor(text: "\(db)=#", timeout: 20)
        try InteractiveTests.enter(tmux, "create table watched_items (item_id int, label text, price numeric);")
        try tmux.waitFor(text: "CREATE TABLE")
        // The cache reloads in the background after DDL: ask until the plugin sees it.
        var seen = ""
        for _ in 0..<40 {
            try InteractiveTests.enter(tmux, ":observed watched_items")
            if let screen = try? tmux.waitFor("the plugin sees the table", timeout: 0.5, { $0.contains("observed: public.watched_items") }) {
                seen = screen
                break
            }
        }
        #expect(seen.contains("observed: public.watched_items kind=r columns=item_id,label,price"), "\(seen)")
        try InteractiveTests.enter(tmux, "select label, price from watched_items where item_id = 7;")
        try tmux.waitFor(text: "(0 rows)")
        var analyzed: String?
        for _ in 0..<100 {
            analyzed = Self.markerLines(marker).last { $0.hasPrefix("analyzed kind=select") }
            if analyzed != nil { break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        #expect(analyzed == "analyzed kind=select relations=watched_items columns=public.watched_items.label,public.watched_items.price,public.watched_items.item_id reparse=true",
                "\(Self.markerLines(marker))")
        #expect(Self.markerLines(marker).contains { $0.hasPrefix("event metadata.refreshed") })
    }
}
