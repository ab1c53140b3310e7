import FoundationEssentials
import Glibc

/// A throwaway local PostgreSQL for `psqlui --temp`: initdb into a private
/// per-user directory (`privateBase`), a server on a private Unix socket with no TCP port, the
/// demo schema loaded into database `shop`, and everything removed on exit.
///
/// PostgreSQL refuses to run as root, so as root the server runs as the `postgres`
/// OS user (through `runuser`, never fork+setuid in this multithreaded process). A
/// guardian shell in its own session stops the server and removes the directory
/// when psqlui dies in any way, SIGKILL included; the next `--temp` also sweeps up
/// directories whose owner is gone — only its own (owner and mode 0700 checked, in
/// its private base), and it signals a postmaster only when that server's data
/// directory is the swept folder's.
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
    private let lock = Lock()

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
        let asRoot = getuid() == 0
        let runAs = asRoot ? ["/sbin/runuser", "-u", "postgres", "--"] : []
        let owner = try serverUID()
        let base = try privateBase(owner: owner)
        sweepAbandoned(in: base, owner: owner, binDirectory: bin)
        let root = try makeRoot(in: base)
        let cluster = TemporaryCluster(root: root, binDirectory: bin, runAs: runAs)
        do {
            try FileManager.default.createDirectory(atPath: cluster.dataDirectory, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: cluster.socketDirectory, withIntermediateDirectories: true)
            try "\(getpid())\n".write(toFile: root + "/owner.pid", atomically: true, encoding: .utf8)
            if asRoot { try run(["/bin/chown", "-R", "postgres", root]) }  // stays 0700
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
        // A zombie (killed, not yet reaped by its parent) still answers kill -0.
        let pid = getpid()
        let script = "while kill -0 \(pid) 2>/dev/null && ! grep -q '^State:[[:space:]]*Z' /proc/\(pid)/status 2>/dev/null; do sleep 0.3; done; "
            + "[ -d '\(dataDirectory)' ] && \(stopCommand) >/dev/null 2>&1; rm -rf '\(root)'"
        _ = try? ChildProcess.spawn(["/usr/bin/setsid", "/bin/sh", "-c", script])
    }

    private func runLogged(_ args: [String], logName: String) throws {
        do {
            try Self.run(args)
        } catch let failure as Failure {
            throw Failure(description: "\(failure.description)\n(see \(root)/\(logName))")
        }
    }

    /// Runs a command to completion (see `ChildProcess` for why not `Process`).
    @discardableResult
    static func run(_ args: [String], quiet: Bool = false) throws -> String {
        let (status, text) = try ChildProcess.run(args)
        guard status == 0 else {
            throw Failure(description: "\(PathText.lastComponent(args[0])) failed: \(text.trimmingWhitespace())")
        }
        return text
    }

    /// The cluster folder: a new 0700 directory in the private base.
    private static func makeRoot(in base: String) throws -> String {
        var template = Array((base + "/psqlui-temp-XXXXXX").utf8CString)
        guard let p = mkdtemp(&template) else { throw Failure(description: "cannot create a temporary directory in \(base)") }
        let root = String(cString: p)
        if getuid() == 0 { try run(["/bin/chown", "postgres", root]) }
        return root
    }

    /// Who owns the clusters' files: we, or (as root) the `postgres` account the server
    /// runs as.
    static func serverUID() throws -> uid_t {
        guard getuid() == 0 else { return getuid() }
        guard let pw = getpwnam("postgres") else { throw Failure(description: "--temp as root needs the `postgres` OS user to run the server") }
        return pw.pointee.pw_uid
    }

    /// True when `path` is a real directory (not a symlink) owned by `owner` with mode
    /// 0700: nobody else can have put anything in it.
    static func isPrivateDirectory(_ path: String, owner: uid_t) -> Bool {
        var st = stat()
        guard lstat(path, &st) == 0 else { return false }
        return (st.st_mode & S_IFMT) == S_IFDIR && st.st_uid == owner && (st.st_mode & 0o7777) == 0o700
    }

    /// Where temporary clusters live: `$XDG_RUNTIME_DIR` when it is set and private
    /// (ours, 0700; not as root, whose server account could not enter it), else
    /// `/tmp/psqlui-UID` (UID of the server's account), created 0700 and refused when
    /// someone else made it or opened it up.
    static func privateBase(owner: uid_t, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        if getuid() != 0, let xdg = environment["XDG_RUNTIME_DIR"], xdg.hasPrefix("/"), isPrivateDirectory(xdg, owner: owner) {
            return xdg
        }
        let base = "/tmp/psqlui-\(owner)"
        if mkdir(base, 0o700) == 0 {
            if getuid() == 0 { try run(["/bin/chown", "postgres", base]) }
        } else if errno != EEXIST {
            throw Failure(description: "cannot create \(base): \(String(cString: strerror(errno)))")
        }
        guard isPrivateDirectory(base, owner: owner) else {
            var st = stat()
            let found = lstat(base, &st) == 0 ? " (owner uid \(st.st_uid), mode \(String(st.st_mode & 0o7777, radix: 8)))" : ""
            throw Failure(description: "--temp: \(base) is not a private directory\(found); it must be a directory owned by uid \(owner) with mode 0700 — remove it and retry")
        }
        return base
    }

    /// Where initdb and pg_ctl are: PATH, `pg_config --bindir`, /usr/lib/postgresql/*/bin.
    public static func findBinaries() -> String? {
        let fm = FileManager.default
        func ok(_ dir: String) -> Bool { fm.isExecutableFile(atPath: dir + "/initdb") && fm.isExecutableFile(atPath: dir + "/pg_ctl") }
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init) where ok(dir) {
            // Resolve symlinks so that pg_ctl finds its sibling `postgres`.
            let real = (try? fm.destinationOfSymbolicLink(atPath: dir + "/initdb")).map { PathText.deletingLastComponent($0) }
            if let real, real.hasPrefix("/"), ok(real) { return real }
            return dir
        }
        if let out = try? run(["/usr/bin/env", "pg_config", "--bindir"], quiet: true) {
            let dir = out.trimmingWhitespace()
            if ok(dir) { return dir }
        }
        let versions = ((try? fm.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? [])
            .compactMap { Int($0) }.sorted(by: >)
        for v in versions where ok("/usr/lib/postgresql/\(v)/bin") { return "/usr/lib/postgresql/\(v)/bin" }
        return nil
    }

    /// Removes clusters left by a psqlui that died without cleaning up: only folders in
    /// our private base that are ours and 0700, whose psqlui is gone. Their server is
    /// stopped only when it is really theirs (`postmasterOwned`).
    static func sweepAbandoned(in base: String, owner: uid_t, binDirectory: String) {
        let fm = FileManager.default
        guard isPrivateDirectory(base, owner: owner), let entries = try? fm.contentsOfDirectory(atPath: base) else { return }
        for entry in entries where entry.hasPrefix("psqlui-temp-") {
            let dir = base + "/" + entry
            guard isPrivateDirectory(dir, owner: owner),
                  let text = try? String(contentsOfFile: dir + "/owner.pid", encoding: .utf8),
                  let pid = Int32(text.trimmingWhitespace()) else { continue }
            if kill(pid, 0) == 0 || errno == EPERM { continue }  // owner still alive
            if postmasterOwned(by: dir + "/data") != nil {
                let runAs = getuid() == 0 ? ["/sbin/runuser", "-u", "postgres", "--"] : []
                _ = try? run(runAs + [binDirectory + "/pg_ctl", "-D", dir + "/data", "-m", "immediate", "-w", "stop"], quiet: true)
            }
            try? fm.removeItem(atPath: dir)
        }
    }

    /// The pid of the server running on `dataDirectory`, when its `postmaster.pid` names
    /// that directory and the process's working directory (`/proc/PID/cwd`, where a
    /// postmaster lives) is it; nil for a stale or planted pid file.
    static func postmasterOwned(by dataDirectory: String) -> Int32? {
        guard let text = try? String(contentsOfFile: dataDirectory + "/postmaster.pid", encoding: .utf8) else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count > 1, let pid = Int32(lines[0].trimmingBlanks()), pid > 0 else { return nil }
        let real = { (path: String) -> String? in
            guard let p = realpath(path, nil) else { return nil }
            defer { free(p) }
            return String(cString: p)
        }
        guard let expected = real(dataDirectory), real(lines[1]) == expected,
              let cwd = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/cwd"),
              real(cwd) == expected else { return nil }
        return pid
    }
}
