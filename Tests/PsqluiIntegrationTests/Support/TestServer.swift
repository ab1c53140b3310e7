import Foundation
@testable import PsqluiCore

/// The PostgreSQL server that `make test` (scripts/test-cluster.sh) started for
/// this run, and helpers to run psqlui and psql against it.
///
/// Every test that needs a database calls `makeDatabase()` and gets a fresh copy
/// of `psqlui_template` (the demo schema), so tests can run in parallel.
enum TestServer {
    static let host: String = {
        guard let h = ProcessInfo.processInfo.environment["PSQLUI_TEST_PGHOST"] else {
            fatalError("PSQLUI_TEST_PGHOST is not set: run the tests with `make test` (scripts/test-cluster.sh starts the server)")
        }
        return h
    }()
    static let port = ProcessInfo.processInfo.environment["PSQLUI_TEST_PGPORT"] ?? "5432"
    static let user = ProcessInfo.processInfo.environment["PSQLUI_TEST_PGUSER"] ?? "postgres"
    static let serverLog = ProcessInfo.processInfo.environment["PSQLUI_TEST_SERVER_LOG"] ?? ""

    /// The package root, found from this file's path.
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// The psqlui binary under test (`PSQLUI_BIN`, else the debug build).
    static let psqluiBinary: String = ProcessInfo.processInfo.environment["PSQLUI_BIN"]
        ?? packageRoot + "/.build/debug/psqlui"

    /// psql from the machine: the live reference. The real binary in the server's
    /// bindir, never Debian's pg_wrapper script (same output, ~20 ms slower).
    static let psqlBinary: String = {
        if let bindir = ProcessInfo.processInfo.environment["PSQLUI_TEST_PG_BINDIR"],
           FileManager.default.isExecutableFile(atPath: bindir + "/psql") {
            return bindir + "/psql"
        }
        return "/usr/lib/postgresql/15/bin/psql"
    }()

    private static let lock = NSLock()
    private static var templateReady = false
    private static var counter = 0

    /// A private home for every spawned process: history and config never touch
    /// the real home, and libedit reads no ~/.editrc.
    static func makeHome() -> String {
        let dir = NSTemporaryDirectory() + "psqlui-home-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// A new private home whose `~/.config/psqlui/config.toml` holds `config`.
    static func makeHome(config: String) throws -> String {
        let home = makeHome()
        try FileManager.default.createDirectory(atPath: home + "/.config/psqlui", withIntermediateDirectories: true)
        try config.write(toFile: home + "/.config/psqlui/config.toml", atomically: true, encoding: .utf8)
        return home
    }

    /// Environment for a child process connected to `database`: PG* cleared, then
    /// pointed at the test server.
    static func environment(database: String?, home: String? = nil, extra: [String: String] = [:]) -> [String: String] {
        var env: [String: String] = [:]
        for (k, v) in ProcessInfo.processInfo.environment where !k.hasPrefix("PG") && !k.hasPrefix("PSQL") && !k.hasPrefix("XDG_") {
            env[k] = v
        }
        let home = home ?? makeHome()
        env["HOME"] = home
        env["XDG_CONFIG_HOME"] = home + "/.config"
        env["XDG_STATE_HOME"] = home + "/.local/state"
        env["XDG_DATA_HOME"] = home + "/.local/share"
        env["LC_ALL"] = "C.UTF-8"
        env["LANG"] = "C.UTF-8"
        env["PGHOST"] = host
        env["PGPORT"] = port
        env["PGUSER"] = user
        if let database { env["PGDATABASE"] = database }
        env["NO_COLOR"] = "1"
        for (k, v) in extra { env[k] = v }
        return env
    }

    /// Runs SQL with psql as the superuser on `database` (set-up, not the thing under test).
    @discardableResult
    static func admin(_ sql: String, database: String = "postgres") throws -> String {
        let out = try ProcessRunner.run(psqlBinary, ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-At", "-d", database],
                                        environment: environment(database: database), stdin: Data(sql.utf8))
        guard out.status == 0 else { throw TestFailure("admin SQL failed: \(sql)\n\(out)") }
        return out.out
    }

    /// A new database copied from the demo-schema template; unique per call.
    static func makeDatabase(prefix: String = "t") throws -> String {
        lock.lock()
        defer { lock.unlock() }
        if !templateReady {
            let exists = try admin("select 1 from pg_database where datname = 'psqlui_template'")
            if exists.trimmingCharacters(in: .whitespacesAndNewlines) != "1" {
                try admin("create database psqlui_template")
                try admin(DemoSchema.sql, database: "psqlui_template")
            }
            templateReady = true
        }
        counter += 1
        let name = "\(prefix)_\(getpid())_\(counter)"
        try admin("create database \(name) template psqlui_template")
        return name
    }

    /// Runs psqlui with `arguments` on `database`.
    static func psqlui(_ arguments: [String], database: String?, stdin: Data? = nil,
                       extraEnv: [String: String] = [:], home: String? = nil,
                       currentDirectory: String? = nil, timeout: TimeInterval = 60) throws -> ProcessOutput {
        try ProcessRunner.run(psqluiBinary, arguments, environment: environment(database: database, home: home, extra: extraEnv),
                              stdin: stdin, currentDirectory: currentDirectory, timeout: timeout)
    }

    /// Runs the machine's psql with `arguments` on `database`.
    static func psql(_ arguments: [String], database: String?, stdin: Data? = nil,
                     extraEnv: [String: String] = [:], currentDirectory: String? = nil,
                     timeout: TimeInterval = 60) throws -> ProcessOutput {
        try ProcessRunner.run(psqlBinary, arguments, environment: environment(database: database, extra: extraEnv),
                              stdin: stdin, currentDirectory: currentDirectory, timeout: timeout)
    }
}
