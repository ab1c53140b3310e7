import Foundation
import Testing
@testable import PsqluiCore

/// The pieces that keep completion instant on 100,000 tables, without a server:
/// the disk cache's file, the per-relation column store, a snapshot whose
/// columns come from the store; and `\pset` arguments.
@Suite struct CompletionScaleTests {
    static func tempDir() -> String {
        let d = NSTemporaryDirectory() + "psqlui-cache-test-" + UUID().uuidString
        return d
    }

    static let rows: [MetadataLoader.Part: [[String?]]] = [
        .schemas: [["public", nil], ["sales", "Sales team's tables"]],
        .relations: [["public", "orders", "r", nil], ["sales", "Regions, with ünïcode", "r", "a 'quoted' comment"]],
        .searchPath: [["pg_catalog"], ["public"]],
    ]

    @Test func diskCacheRoundTripsRowsNilsAndUnicode() throws {
        let cache = CatalogDiskCache(directory: Self.tempDir() + "/psqlui/catalog")
        defer { try? FileManager.default.removeItem(atPath: cache.directory) }
        try cache.write(.init(stamp: "s1", lazyColumns: true, rows: Self.rows), key: "7300-16384-alice")
        let back = try #require(cache.read(key: "7300-16384-alice"))
        #expect(back.stamp == "s1" && back.lazyColumns)
        #expect(back.rows[.relations] == Self.rows[.relations])
        #expect(back.rows[.schemas] == Self.rows[.schemas])
        #expect(back.rows[.searchPath] == Self.rows[.searchPath])
        #expect(cache.read(key: "7300-16384-bob") == nil, "another user's key has its own file")
    }

    /// The catalog objects' part is read back undecoded and decoded on first use, to the same rows.
    @Test func diskCacheDefersTheObjectsPart() throws {
        let cache = CatalogDiskCache(directory: Self.tempDir() + "/psqlui/catalog")
        defer { try? FileManager.default.removeItem(atPath: cache.directory) }
        var rows = Self.rows
        rows[.objects] = [["constraint", "public", "orders", "orders_pkey"], ["extension", "", "", "plpgsql"], ["index", "sales", "t", "ünï_idx"]]
        try cache.write(.init(stamp: "s", lazyColumns: true, rows: rows), key: "k")
        let back = try #require(cache.read(key: "k"))
        #expect(back.rows[.objects] == nil && back.rows[.relations] == Self.rows[.relations])
        #expect(back.deferred[.objects]?() == rows[.objects])
        let snapshot = MetadataLoader.build(back.rows, deferred: back.deferred)
        #expect(snapshot.objects(.constraint, schema: "public", table: "orders").map(\.name) == ["orders_pkey"])
        #expect(snapshot.objects(.index).map(\.name) == ["ünï_idx"] && snapshot.relations.count == 2)
    }

    @Test func diskCacheFileIsPrivateAndAnOpenFileIsRefused() throws {
        let cache = CatalogDiskCache(directory: Self.tempDir() + "/psqlui/catalog")
        defer { try? FileManager.default.removeItem(atPath: cache.directory) }
        try cache.write(.init(stamp: "s", lazyColumns: false, rows: Self.rows), key: "k-1-u")
        let path = cache.path(for: "k-1-u")
        let attrs = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attrs[.posixPermissions] as? Int) == 0o600)
        let dirAttrs = try FileManager.default.attributesOfItem(atPath: cache.directory)
        #expect((dirAttrs[.posixPermissions] as? Int) == 0o700)
        chmod(path, 0o644)
        #expect(cache.read(key: "k-1-u") == nil, "a cache others can read (or write) is not trusted")
    }

    @Test func diskCacheRejectsDamage() throws {
        let cache = CatalogDiskCache(directory: Self.tempDir() + "/psqlui/catalog")
        defer { try? FileManager.default.removeItem(atPath: cache.directory) }
        try cache.write(.init(stamp: "s", lazyColumns: false, rows: Self.rows), key: "k")
        let path = cache.path(for: "k")
        let data = try #require(FileManager.default.contents(atPath: path))
        for cut in [0, 5, data.count / 2, data.count - 1] {
            FileManager.default.createFile(atPath: path, contents: data.prefix(cut), attributes: [.posixPermissions: 0o600])
            #expect(cache.read(key: "k") == nil || cut == data.count, "truncated at \(cut)")
        }
    }

    @Test func cacheFileNameKeepsOnlySafeCharacters() {
        let cache = CatalogDiskCache(directory: "/c")
        #expect(cache.path(for: "1-2-bob") == "/c/1-2-bob.cache")
        #expect(cache.path(for: "1-2-../x y") == "/c/1-2-%2E%2E%2Fx%20y.cache")
    }

    @Test func defaultDirectoryFollowsXDG() {
        #expect(CatalogDiskCache.defaultDirectory(environment: ["XDG_CACHE_HOME": "/x", "HOME": "/h"]) == "/x/psqlui/catalog")
        #expect(CatalogDiskCache.defaultDirectory(environment: ["HOME": "/h"]) == "/h/.cache/psqlui/catalog")
        #expect(CatalogDiskCache.defaultDirectory(environment: ["XDG_CACHE_HOME": "relative", "HOME": "/h"]) == "/h/.cache/psqlui/catalog")
        #expect(CatalogDiskCache.defaultDirectory(environment: [:]) == nil)
    }

    @Test func fingerprintParsesItsRow() {
        let fp = CatalogFingerprint.parse([["7300", "16384", "alice", "150004;pg_catalog,public;;1/2/3"]])
        #expect(fp == CatalogFingerprint(key: "7300-16384-alice", stamp: "150004;pg_catalog,public;;1/2/3"))
        #expect(CatalogFingerprint.parse([]) == nil)
    }

    final class Calls: @unchecked Sendable {
        let lock = NSLock()
        var batches: [[String]] = []
        func add(_ b: [String]) { lock.withLock { batches.append(b) } }
    }

    @Test func columnStoreFetchesOnceAndKeepsTheResult() {
        let calls = Calls()
        let store = ColumnStore(waitLimit: 5, fetch: { rels in
            calls.add(rels.map(\.name))
            var out: [String: [MetadataSnapshot.Column]] = [:]
            for r in rels where r.name != "gone" { out[ColumnStore.key(r.schema, r.name)] = [.init(name: "id", type: "integer")] }
            return out
        })
        defer { store.stop() }
        #expect(store.columns(schema: "public", name: "orders").map(\.name) == ["id"])
        #expect(store.columns(schema: "public", name: "orders").map(\.name) == ["id"])
        #expect(store.columns(schema: "public", name: "gone").isEmpty)
        #expect(store.cached(schema: "public", name: "gone") == [])
        #expect(calls.lock.withLock { calls.batches } == [["orders"], ["gone"]])
        store.invalidate()
        #expect(store.cached(schema: "public", name: "orders") == nil)
    }

    @Test func columnStoreAnswersEmptyWhenTheFetchFailsOrIsLate() {
        let failing = ColumnStore(waitLimit: 5, fetch: { _ in nil })
        defer { failing.stop() }
        #expect(failing.columns(schema: "public", name: "orders").isEmpty)
        let slow = ColumnStore(waitLimit: 0.01, fetch: { rels in
            usleep(200_000)
            return [ColumnStore.key(rels[0].schema, rels[0].name): [.init(name: "late", type: "text")]]
        })
        defer { slow.stop() }
        #expect(slow.columns(schema: "public", name: "orders").isEmpty, "the wait is bounded")
        let deadline = Date().addingTimeInterval(5)
        while slow.cached(schema: "public", name: "orders") == nil && Date() < deadline { usleep(5_000) }
        #expect(slow.columns(schema: "public", name: "orders").map(\.name) == ["late"], "the late fetch is kept for the next Tab")
    }

    @Test func columnStoreForgetsTheOldestHalfPastItsCapacity() {
        let store = ColumnStore(capacity: 4, fetch: { _ in [:] })
        defer { store.stop() }
        store.insert(Dictionary(uniqueKeysWithValues: (0..<4).map { (ColumnStore.key("s", "t\($0)"), [MetadataSnapshot.Column]()) }))
        store.insert([ColumnStore.key("s", "t9"): []])
        #expect(store.cached(schema: "s", name: "t9") != nil)
        let kept = (0..<4).filter { store.cached(schema: "s", name: "t\($0)") != nil }.count
        #expect(kept < 4)
    }

    @Test func aSnapshotWithAColumnStoreCompletesColumnsThroughIt() {
        let store = ColumnStore(waitLimit: 5, fetch: { rels in
            Dictionary(uniqueKeysWithValues: rels.map { (ColumnStore.key($0.schema, $0.name), [MetadataSnapshot.Column(name: "\($0.name)_id", type: "integer")]) })
        })
        defer { store.stop() }
        let snapshot = MetadataLoader.build(Self.rows, columnStore: store)
        let engine = CompletionEngine(snapshot: snapshot)
        let text = "select o. from orders o"
        #expect(engine.complete(text: text, cursor: 9).map(\.text) == ["orders_id"])
        #expect(engine.complete(text: "select * from orders", cursor: 8).first?.text == "orders_id")
        #expect(snapshot.loadedColumns(of: snapshot.relation(schema: "public", name: "orders")!).map(\.name) == ["orders_id"])
    }

    // `\pset`: option names, then the values of the option named.
    @Test(arguments: [
        ("\\pset ", "border", true), ("\\pset for", "format", true), ("\\pset format ", "wrapped", true),
        ("\\pset format a", "aligned", true), ("\\pset linestyle ", "old-ascii", true), ("\\pset border ", "2", true),
        ("\\pset expanded ", "auto", true), ("\\pset x ", "auto", true), ("\\pset pager ", "always", true),
        ("\\pset footer ", "off", true), ("\\pset tuples_only ", "on", true), ("\\pset xheader_width ", "page", true),
        ("\\pset unicode_border_linestyle ", "double", true), ("\\pset null ", "on", false), ("\\pset format csv ", "csv", false),
        ("\\pset tu", "tuples_only", true), ("\\pset ", "wrapped", false),
    ])
    func psetOptionsAndValues(text: String, candidate: String, offered: Bool) {
        #expect(texts(text).contains(candidate) == offered, "\(texts(text))")
    }

    @Test func psetOfferedNamesAreWhatPsetAccepts() {
        #expect(Set(texts("\\pset ")) == Set(PrintSettings.psetAcceptedNames))
        for value in texts("\\pset format ") { #expect((try? PrintSettings.matchFormat(value)) != nil, "\(value)") }
    }
}

/// Ranking that learns: a name the user typed before goes above an equal match.
@Suite struct CompletionUsageTests {
    static func engine(_ history: [String]) -> CompletionEngine {
        let usage = CompletionUsage()
        for h in history { usage.record(h) }
        var e = demoEngine
        e.usedNames = usage.names
        return e
    }

    @Test(arguments: [
        (["select * from order_totals"], "select * from ord", "order_totals"),
        (["SELECT * FROM ORDER_TOTALS"], "select * from ord", "order_totals"),
        ([], "select * from ord", "order_items"),
        (["select count(*) from orders"], "select * from ord", "orders"),
        (["select note from orders"], "select * from orders where ", "note"),
        (["select customer_total(1)"], "select cust", "customer_total"),
        (["select 'order_totals'"], "select * from ord", "order_items"),
    ])
    func usedNamesRankFirstAmongEqualMatches(history: [String], text: String, first: String) {
        #expect(Self.engine(history).complete(text: text, cursor: text.count).first?.text == first)
    }

    @Test func aUsedFuzzyMatchStaysBelowPrefixMatches() {
        let e = Self.engine(["select * from customers"])
        let c = e.complete(text: "select * from or", cursor: 16)
        let lastPrefix = c.lastIndex { $0.isPrefixMatch } ?? -1
        let used = c.firstIndex { $0.text == "customers" } ?? Int.max
        #expect(c.first?.text == "order_items" && used > lastPrefix, "\(c.map(\.text))")
    }

    @Test func keepsAtMostItsCapacity() {
        let usage = CompletionUsage(capacity: 3)
        usage.record("select a1, a2, a3, a4, a5 from t")
        #expect(usage.names.count == 3)
        #expect(usage.names.contains(Array("t".utf8)))
    }
}

/// The empty buffer offers statement starts first, then the commands.
@Suite struct EmptyBufferCompletionTests {
    @Test(arguments: ["", " ", "\n", "  \n "])
    func statementStartsThenCommands(text: String) {
        let c = demoEngine.complete(text: text, cursor: text.count)
        #expect(c.first?.kind == .keyword && c.first?.text == "SELECT", "\(c.prefix(3).map(\.text))")
        #expect(c.contains { $0.kind == .command && $0.text == ":help" })
        let firstCommand = c.firstIndex { $0.kind == .command } ?? 0
        #expect(c[..<firstCommand].allSatisfy { $0.kind == .keyword })
    }

    @Test(arguments: ["sel", "select 1; ", "select * from orders where "])
    func notOnceSomethingIsTyped(text: String) {
        #expect(!demoEngine.complete(text: text, cursor: text.count).contains { $0.kind == .command })
    }
}
