import Foundation
import Testing
@testable import PsqluiCore

/// Positional parameters of named queries (pgcli's `$1`, `$*`, `$@`) and the store's file.
@Suite struct NamedQueryTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let query: String
        let arguments: [String]
        /// The SQL, or the error's description.
        let expected: String
        init(_ query: String, _ arguments: [String], _ expected: String) { self.query = query; self.arguments = arguments; self.expected = expected }
        var testDescription: String { query + " " + arguments.joined(separator: " ") }
    }

    static let cases: [Case] = [
        Case("select 1", [], "select 1"),
        Case("select $1", ["42"], "select 42"),
        Case("select * from foo where bar = $2 and zoo = '$1'", ["postgres", "42"], "select * from foo where bar = 42 and zoo = 'postgres'"),
        Case("select $1, $1", ["x"], "select x, x"),
        Case("select $10, $1", ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"], "select j, a"),
        Case("select * from foo where bar in ($*)", ["42", "1337"], "select * from foo where bar in (42, 1337)"),
        Case("select * from foo where bar in ($@)", ["a", "it's"], "select * from foo where bar in ('a', 'it''s')"),
        Case("select * from foo where id = $1 and bar in ($@)", ["7", "a", "b"], "select * from foo where id = 7 and bar in ('a', 'b')"),
        Case("select $$ $1 $$", ["v"], "select $$ v $$"),
        Case("select a$1 from t", [], "select a$1 from t"),
        Case("select $0", [], "select $0"),
        // Errors.
        Case("select $1", [], "no argument for $1 in: select $1"),
        Case("select $2, $1", ["a"], "no argument for $2 in: select $2, $1"),
        Case("select $1", ["1337", "42"], "argument 2 is not used: the query has no $2 and no $* or $@: select $1"),
        Case("select 1", ["x"], "argument 1 is not used: the query has no $1: select 1"),
        Case("select * from foo where bar in ($@)", [], "no argument for $@ in: select * from foo where bar in ($@)"),
        Case("select * from foo where id = $1 and bar in ($*)", ["1"], "no argument for $* in: select * from foo where id = $1 and bar in ($*)"),
    ]

    @Test(arguments: cases) func substitution(_ c: Case) {
        do {
            #expect(try NamedQueryTemplate.substitute(c.query, arguments: c.arguments) == c.expected)
        } catch {
            #expect("\(error)" == c.expected)
        }
    }

    static func temporaryStore() -> NamedQueryStore {
        let dir = NSTemporaryDirectory() + "psqlui-named-\(getpid())-\(UUID().uuidString)"
        return NamedQueryStore(environment: ["XDG_DATA_HOME": dir, "HOME": "/nonexistent"])
    }

    @Test func saveListDeleteRoundTripsThroughTheFile() throws {
        let store = Self.temporaryStore()
        defer { try? FileManager.default.removeItem(atPath: (store.path as NSString).deletingLastPathComponent) }
        #expect(store.path.hasSuffix("/psqlui/named-queries.toml"))
        #expect(try store.all().isEmpty, "no file: no queries")
        try store.save(name: "by_status", query: "select * from orders where status = '$1'")
        try store.save(name: "multi", query: "select 1;\nselect \"two\" -- 'quoted' \\ back")
        try store.save(name: "by_status", query: "select 2")
        #expect(try store.all().map(\.name) == ["by_status", "multi"])
        #expect(try store.query(named: "multi") == "select 1;\nselect \"two\" -- 'quoted' \\ back")
        #expect(try NamedQueryStore(path: store.path).query(named: "by_status") == "select 2", "a second reader sees the save")
        var st = stat()
        #expect(stat(store.path, &st) == 0 && st.st_mode & 0o777 == 0o600)
        try store.delete(name: "by_status")
        #expect(store.names() == ["multi"])
        #expect(throws: NamedQueryError.notFound(name: "by_status")) { try store.delete(name: "by_status") }
        #expect(throws: NamedQueryError.invalidName("two words")) { try store.save(name: "two words", query: "select 1") }
    }

    @Test func aDamagedFileIsAnErrorNamingIt() throws {
        let store = Self.temporaryStore()
        let dir = (store.path as NSString).deletingLastPathComponent
        defer { try? FileManager.default.removeItem(atPath: (dir as NSString).deletingLastPathComponent) }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try "[queries]\nx = 3\n".write(toFile: store.path, atomically: true, encoding: .utf8)
        #expect(throws: NamedQueryError.malformedFile(path: store.path, problem: "queries.x: expected a string")) { try store.all() }
        #expect(store.names().isEmpty)
        try "[queries\n".write(toFile: store.path, atomically: true, encoding: .utf8)
        #expect(throws: (any Error).self) { try store.save(name: "y", query: "select 1") }
    }
}
