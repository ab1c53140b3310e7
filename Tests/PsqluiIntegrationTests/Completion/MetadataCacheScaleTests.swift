import Foundation
import Testing
@testable import PsqluiCore

/// The catalog cache against a real server: the fingerprint decides between the
/// disk cache and a reload, another session's DDL is seen after a prompt's check,
/// and a catalog above the eager limit gets its columns per relation.
/// The waits run on a thread of their own, never on the (2-thread) test pool.
@Suite struct MetadataCacheScaleTests {
    static func settings(_ db: String) -> ConnectionSettings {
        ConnectionSettings(host: TestServer.host, port: TestServer.port, user: TestServer.user, dbname: db)
    }

    static func tempCache() -> CatalogDiskCache {
        CatalogDiskCache(directory: NSTemporaryDirectory() + "psqlui-catalog-" + UUID().uuidString)
    }

    /// Polls `done` (after asking the cache to check) for up to 10 s.
    static func eventually(_ cache: MetadataCache, _ done: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if done() { return true }
            cache.checkForChanges()
            usleep(100_000)
        }
        return done()
    }

    @Test func secondStartReadsTheDiskCacheAndAnotherSessionsDDLIsSeenAfterACheck() async throws {
        let db = try TestServer.makeDatabase(prefix: "diskcache")
        let disk = Self.tempCache()
        defer { try? FileManager.default.removeItem(atPath: disk.directory) }
        let result = try await offPool { () -> [String] in
            var notes: [String] = []
            let first = MetadataCache(diskCache: disk)
            first.connect(settings: Self.settings(db))
            guard first.waitForLoads(1, timeout: 30) else { return ["first load timed out"] }
            notes.append("first:\(first.lastSource)")
            first.stop()

            // Sessions report catalog counters late (10 s when idle, up to 60 s when the
            // stats lock is contended, as under the full suite), so the set-up's DDL may
            // move them after the first load: a start comes from disk once the catalog is still.
            var second = MetadataCache(diskCache: disk)
            let deadline0 = Date().addingTimeInterval(70)
            while true {
                second.connect(settings: Self.settings(db))
                guard second.waitForLoads(1, timeout: 30) else { return notes + ["second load timed out"] }
                if second.lastSource == "disk" || Date() > deadline0 { break }
                second.stop()
                usleep(500_000)
                second = MetadataCache(diskCache: disk)
            }
            defer { second.stop() }
            notes.append("second:\(second.lastSource)")
            notes.append("orders:" + (second.snapshot.relation(schema: nil, name: "orders")?.columns.map(\.name).joined(separator: ",") ?? "-"))
            // An unchanged catalog: the check reloads nothing.
            second.checkForChanges()
            let checks = second.unchangedChecks
            let deadline = Date().addingTimeInterval(10)
            while second.unchangedChecks == checks && Date() < deadline { usleep(20_000) }
            notes.append("unchanged-check:\(second.unchangedChecks > checks) loads:\(second.loadsCompleted)")
            // DDL by another session.
            _ = try TestServer.admin("create table made_elsewhere (id int, label text)", database: db)
            let seen = Self.eventually(second) { second.snapshot.relation(schema: nil, name: "made_elsewhere") != nil }
            notes.append("ddl-seen:\(seen)")
            return notes
        }
        #expect(result == ["first:catalog", "second:disk", "orders:id,customer_id,status,ordered_at,note",
                           "unchanged-check:true loads:1", "ddl-seen:true"])
        // The file is this user's only.
        let files = try FileManager.default.contentsOfDirectory(atPath: disk.directory)
        #expect(files.count == 1 && files[0].hasSuffix(".cache"), "\(files)")
        let mode = try FileManager.default.attributesOfItem(atPath: disk.directory + "/" + files[0])[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func aStaleDiskCacheIsNotUsed() async throws {
        let db = try TestServer.makeDatabase(prefix: "stalecache")
        let disk = Self.tempCache()
        defer { try? FileManager.default.removeItem(atPath: disk.directory) }
        let result = try await offPool { () -> [String] in
            let first = MetadataCache(diskCache: disk)
            first.connect(settings: Self.settings(db))
            guard first.waitForLoads(1, timeout: 30) else { return ["first load timed out"] }
            first.stop()
            _ = try TestServer.admin("create table added_while_away (id int)", database: db)
            // Other sessions report their counters when idle, about a second late.
            var source = ""
            var found = false
            let deadline = Date().addingTimeInterval(10)
            while Date() < deadline {
                let next = MetadataCache(diskCache: disk)
                next.connect(settings: Self.settings(db))
                _ = next.waitForLoads(1, timeout: 30)
                source = next.lastSource
                found = next.snapshot.relation(schema: nil, name: "added_while_away") != nil
                next.stop()
                if found { break }
                usleep(300_000)
            }
            return ["source:\(source)", "found:\(found)"]
        }
        #expect(result == ["source:catalog", "found:true"])
    }

    @Test func aLargeCatalogLoadsColumnsPerRelationOnFirstUse() async throws {
        let db = try TestServer.makeDatabase(prefix: "lazycols")
        let disk = Self.tempCache()
        defer { try? FileManager.default.removeItem(atPath: disk.directory) }
        let result = try await offPool { () -> [String] in
            let cache = MetadataCache(diskCache: disk)
            defer { cache.stop() }
            cache.eagerColumnLimit = 0
            cache.columnWaitLimit = 10
            cache.connect(settings: Self.settings(db))
            guard cache.waitForLoads(1, timeout: 30) else { return ["load timed out"] }
            let s = cache.snapshot
            guard let orders = s.relation(schema: nil, name: "orders"), let store = s.columnStore else { return ["no store"] }
            var notes = ["loaded-with:\(orders.columns.count)", "cached-before:\(store.cached(schema: "public", name: "orders") != nil)"]
            notes.append("columns:" + s.columns(of: orders).map(\.name).joined(separator: ","))
            notes.append("type:" + (s.columns(of: orders).first { $0.name == "ordered_at" }?.type ?? "-"))
            let engine = CompletionEngine(snapshot: s)
            let text = "select c. from customers c"
            notes.append("complete:" + engine.complete(text: text, cursor: 9).map(\.text).sorted().joined(separator: ","))
            return notes
        }
        let customers = try TestServer.admin("select string_agg(attname, ',' order by attname collate \"C\") from pg_attribute where attrelid = 'customers'::regclass and attnum > 0 and not attisdropped", database: db)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(result == ["loaded-with:0", "cached-before:false", "columns:id,customer_id,status,ordered_at,note",
                           "type:timestamp with time zone", "complete:\(customers)"])
    }
}
