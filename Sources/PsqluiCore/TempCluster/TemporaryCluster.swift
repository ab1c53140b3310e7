import Foundation

/// A throwaway local PostgreSQL for `psqlui --temp`: initdb into a private
/// directory under /tmp, a server on a private Unix socket with no TCP port, the
/// demo schema loaded into database `shop`, and everything removed on exit.
///
/// PostgreSQL refuses to run as root, so as root the server runs as the `postgres`
/// OS user (through `runuser`, never fork+setuid in this multithreaded process). A
/// guardian shell in its own session stops the server and removes the directory
/// when psqlui dies in any way, SIGKILL included; the next `--temp` also sweeps up
/// directories whose owner is gone.
public final class TemporaryCluster {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public let root: String
    public let binDirectory: String
    public var dataDirectory: String { root + "/data" }
    public var socketDirectory: String { root + "/sock" }
    public let database = "shop"
    private let runAs: [String]
    private var stopped = false
    private let lock = NSLock()

    /// Settings that connect to this cluster's demo database.
    public var connectionSettings: ConnectionSettings {
        ConnectionSettings(host: socketDirectory, port: "5432", user: "postgres", dbname: database)
    }

    private init(root: String, binDirectory: String, runAs: [String]) {
        self.root = root
        self.binDirectory = binDirectory
        self.runAs = runAs
    }

    /// Starts a cluster; `log` receives one-line progress messages.
    public static func start(log: (String) -> Void = { _ in }) throws -> TemporaryCluster {
        guard let bin = findBinaries() else {
            throw Failure(description: "--temp needs the PostgreSQL server binaries (initdb, pg_ctl); install them, e.g. `apt-get install postgresql`")
        }
        sweepAbandoned(binDirectory: bin)
        let root = try makeRoot()
        let asRoot = getuid() == 0
        let runAs = asRoot ? ["/sbin/runuser", "-u", "postgres", "--"] : []
        let cluster = TemporaryCluster(root: root, binDirectory: bin, runAs: runAs)
        do {
            try FileManager.default.createDirectory(atPath: cluster.dataDirectory, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: cluster.socketDirectory, withIntermediateDirectories: true)
            try "\(getpid())\n".write(toFile: root + "/owner.pid", atomically: true, encoding: .utf8)
            if asRoot {
                try run(["/bin/chown", "-R", "postgres", root])
                chmod(root, 0o755)
            }
            cluster.startGuardian()
            log("psqlui: starting a temporary PostgreSQL in \(root) …")
            try cluster.runLogged(runAs + [bin + "/initdb", "-N", "-D", cluster.dataDirectory, "-E", "UTF8",
                                           "--locale=C.UTF-8", "-U", "postgres", "-A", "trust"], logName: "initdb.log")
            let serverOptions = "-k \(cluster.socketDirectory) -c listen_addresses='' -c fsync=off -c full_page_writes=off"
            try cluster.runLogged(runAs + [bin + "/pg_ctl", "-D", cluster.dataDirectory, "-w", "-l", root + "/server.log",
                                           "-o", serverOptions, "start"], logName: "pg_ctl.log")
            let setup = PGSession(settings: ConnectionSettings(host: cluster.socketDirectory, port: "5432", user: "postgres", dbname: "postgres"))
            try setup.connect()
            _ = try setup.query("CREATE DATABASE \(cluster.database)")
            setup.close()
            let shop = PGSession(settings: cluster.connectionSettings)
            try shop.connect()
            _ = try shop.query(DemoSchema.sql)
            shop.close()
        } catch {
            cluster.stop()
            throw error
        }
        return cluster
    }

    /// Stops the server and removes the directory (idempotent).
    public func stop() {
        lock.lock()
        defer { lock.unlock() }
        guard !stopped else { return }
        stopped = true
        _ = try? Self.run(runAs + [binDirectory + "/pg_ctl", "-D", dataDirectory, "-m", "immediate", "-w", "stop"], quiet: true)
        try? FileManager.default.removeItem(atPath: root)
    }

    // MARK: Pieces

    /// A shell in its own session that cleans up after psqlui, however it ends.
    private func startGuardian() {
        let stopCommand = (runAs + [binDirectory + "/pg_ctl", "-D", dataDirectory, "-m", "immediate", "stop"])
            .map { "'" + $0 + "'" }.joined(separator: " ")
        let script = "while kill -0 \(getpid()) 2>/dev/null; do sleep 0.3; done; "
            + "[ -d '\(dataDirectory)' ] && \(stopCommand) >/dev/null 2>&1; rm -rf '\(root)'"
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/setsid")
        p.arguments = ["/bin/sh", "-c", script]
        p.standardInput = FileHandle.nullDevice
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try? p.run()
    }

    private func runLogged(_ args: [String], logName: String) throws {
        do {
            try Self.run(args)
        } catch let failure as Failure {
            throw Failure(description: "\(failure.description)\n(see \(root)/\(logName))")
        }
    }

    @discardableResult
    static func run(_ args: [String], quiet: Bool = false) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: args[0])
        p.arguments = Array(args.dropFirst())
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let text = String(decoding: output, as: UTF8.self)
        guard p.terminationStatus == 0 else {
            throw Failure(description: "\((args[0] as NSString).lastPathComponent) failed: \(text.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        return text
    }

    private static func makeRoot() throws -> String {
        var template = Array("/tmp/psqlui-temp-XXXXXX".utf8CString)
        guard let p = mkdtemp(&template) else { throw Failure(description: "cannot create a temporary directory in /tmp") }
        return String(cString: p)
    }

    /// Where initdb and pg_ctl are: PATH, `pg_config --bindir`, /usr/lib/postgresql/*/bin.
    public static func findBinaries() -> String? {
        let fm = FileManager.default
        func ok(_ dir: String) -> Bool { fm.isExecutableFile(atPath: dir + "/initdb") && fm.isExecutableFile(atPath: dir + "/pg_ctl") }
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init) where ok(dir) {
            // Resolve symlinks so that pg_ctl finds its sibling `postgres`.
            let real = (try? fm.destinationOfSymbolicLink(atPath: dir + "/initdb")).map { ($0 as NSString).deletingLastPathComponent }
            if let real, real.hasPrefix("/"), ok(real) { return real }
            return dir
        }
        if let out = try? run(["/usr/bin/env", "pg_config", "--bindir"], quiet: true) {
            let dir = out.trimmingCharacters(in: .whitespacesAndNewlines)
            if ok(dir) { return dir }
        }
        let versions = ((try? fm.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? [])
            .compactMap { Int($0) }.sorted(by: >)
        for v in versions where ok("/usr/lib/postgresql/\(v)/bin") { return "/usr/lib/postgresql/\(v)/bin" }
        return nil
    }

    /// Removes clusters left by a psqlui that died without cleaning up.
    static func sweepAbandoned(binDirectory: String) {
        let fm = FileManager.default
        guard let entries = try? fm.contentsOfDirectory(atPath: "/tmp") else { return }
        for entry in entries where entry.hasPrefix("psqlui-temp-") {
            let dir = "/tmp/" + entry
            guard let text = try? String(contentsOfFile: dir + "/owner.pid", encoding: .utf8),
                  let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) else { continue }
            if kill(pid, 0) == 0 || errno == EPERM { continue }  // owner still alive
            let runAs = getuid() == 0 ? ["/sbin/runuser", "-u", "postgres", "--"] : []
            _ = try? run(runAs + [binDirectory + "/pg_ctl", "-D", dir + "/data", "-m", "immediate", "-w", "stop"], quiet: true)
            try? fm.removeItem(atPath: dir)
        }
    }
}
