import FoundationEssentials
import Glibc

/// Named queries (pgcli's favourites: `\ns NAME QUERY`, `\n NAME`), kept in one
/// TOML file in the user's data directory, `$XDG_DATA_HOME/psqlui/named-queries.toml`
/// (default `~/.local/share/psqlui/named-queries.toml`), as a `[queries]` table of
/// `NAME = "QUERY"`. The file is read on every use (another session's save shows at
/// once) and written atomically (temp file + rename), mode 0600.
public struct NamedQueryStore: Sendable {
    /// The file's path.
    public let path: String

    public init(path: String) { self.path = path }

    /// The store in the user's data directory, found from `environment` as the
    /// plugin folder is (`XDG_DATA_HOME`, else `~/.local/share`).
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let data = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? UserPath.expand("~/.local/share", environment: environment)
        self.init(path: data + "/psqlui/named-queries.toml")
    }

    /// Every saved query, sorted by name. No file: none.
    public func all() throws -> [(name: String, query: String)] {
        try read().sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// The names, sorted (for completion: a damaged file completes nothing).
    public func names() -> [String] { ((try? read()) ?? [:]).keys.sorted() }

    /// The query saved as `name`.
    public func query(named name: String) throws -> String {
        guard let query = try read()[name] else { throw NamedQueryError.notFound(name: name) }
        return query
    }

    /// Saves (or replaces) `name`.
    public func save(name: String, query: String) throws {
        guard !name.isEmpty, !name.contains(where: { $0.isWhitespace }) else { throw NamedQueryError.invalidName(name) }
        var queries = try read()
        queries[name] = query
        try write(queries)
    }

    /// Deletes `name`; throws `.notFound` when there is no such query.
    public func delete(name: String) throws {
        var queries = try read()
        guard queries.removeValue(forKey: name) != nil else { throw NamedQueryError.notFound(name: name) }
        try write(queries)
    }

    func read() throws -> [String: String] {
        let bytes: [UInt8]
        do {
            guard let contents = try FileContents.read(path) else { return [:] }
            bytes = contents
        } catch {
            throw NamedQueryError.file(FileError(path: path, errno: error.code))
        }
        let table: TOMLTable
        do { table = try TOMLParser.parse(bytes: bytes) } catch {
            throw NamedQueryError.malformedFile(path: path, problem: "\(error)")
        }
        guard let queries = table["queries"] else { return [:] }
        guard let queriesTable = queries.table else { throw NamedQueryError.malformedFile(path: path, problem: "queries: expected a table") }
        var out: [String: String] = [:]
        for (name, value) in queriesTable {
            guard let query = value.string else { throw NamedQueryError.malformedFile(path: path, problem: "queries.\(name): expected a string") }
            out[name] = query
        }
        return out
    }

    func write(_ queries: [String: String]) throws {
        let directory = FileContents.directory(of: path)
        do { try FileContents.createDirectories(directory) } catch {
            throw NamedQueryError.file(FileError(path: error.path, errno: error.code))
        }
        var inner = TOMLTable()
        for (name, query) in queries.sorted(by: { $0.key < $1.key }) { inner[name] = .string(query) }
        let text = "# psqlui's named queries: :save NAME QUERY (\\ns), :run-saved NAME [ARG…] (\\n)\n"
            + TOMLWriter.document(["queries": .table(inner)])
        do { try FileContents.writeAtomically(path, Array(text.utf8), mode: 0o600) } catch {
            throw NamedQueryError.file(FileError(path: path, errno: error.code))
        }
    }
}
