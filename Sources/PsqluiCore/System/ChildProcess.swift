import FoundationEssentials
import Glibc

/// Starts programs with `posix_spawn` and waits with `waitpid` — the one place
/// psqlui starts child processes (pg_ctl, pagers, `| CMD` pipelines, `\!`).
///
/// Foundation's `Process` notices a child's exit through a descriptor the child
/// inherits; a daemon the child leaves behind (the server `pg_ctl start` starts)
/// inherits it too, and `waitUntilExit` never returns. Here a child gets only the
/// descriptors its `FileAction`s set up (everything else of ours is closed), default
/// signal handling (SIGPIPE included, so `| head` ends it quietly) and no blocked
/// signals.
public enum ChildProcess {
    public struct SpawnError: Error, CustomStringConvertible {
        public var description: String
    }

    /// How a child's standard descriptors are set up, in order.
    public enum FileAction {
        /// Open `path` with `flags` as descriptor `fd`.
        case open(fd: Int32, path: String, flags: Int32)
        /// Make descriptor `onto` a copy of our `from`.
        case duplicate(from: Int32, onto: Int32)
    }

    /// Runs `arguments` (absolute path first) to completion with stdin from
    /// /dev/null; returns its exit status and what it printed (stdout and stderr).
    public static func run(_ arguments: [String], environment: [String: String]? = nil) throws -> (status: Int32, output: String) {
        let logPath = PathText.temporaryDirectory + "psqlui-child-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).log"
        defer { unlink(logPath) }
        let pid = try spawn(arguments, outputPath: logPath, environment: environment)
        let status = waitForExit(pid)
        let output = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
        return (status, output)
    }

    /// Starts `arguments` with stdin from /dev/null and stdout/stderr to
    /// `outputPath`, without waiting (the caller reaps it or lets it outlive us).
    @discardableResult
    public static func spawn(_ arguments: [String], outputPath: String = "/dev/null",
                             environment: [String: String]? = nil) throws -> pid_t {
        try spawn(arguments, actions: [
            .open(fd: 0, path: "/dev/null", flags: O_RDONLY),
            .open(fd: 1, path: outputPath, flags: O_WRONLY | O_CREAT | O_TRUNC),
            .duplicate(from: 1, onto: 2),
        ], environment: environment)
    }

    /// Starts `arguments` with the given descriptor set-up; descriptors not named
    /// keep ours (0, 1, 2) or are closed (3 and up). `name` is the child's argv[0]
    /// when it is not the path (`sh` for `/bin/sh`, as `system` and `popen` run it).
    public static func spawn(_ arguments: [String], actions: [FileAction],
                             environment: [String: String]? = nil, name: String? = nil) throws -> pid_t {
        var fileActions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&fileActions)
        defer { posix_spawn_file_actions_destroy(&fileActions) }
        for action in actions {
            switch action {
            case .open(let fd, let path, let flags):
                posix_spawn_file_actions_addopen(&fileActions, fd, path, flags, 0o600)
            case .duplicate(let from, let onto):
                posix_spawn_file_actions_adddup2(&fileActions, from, onto)
            }
        }
        for fd in openDescriptors() where fd > 2 {
            posix_spawn_file_actions_addclose(&fileActions, fd)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for s in [SIGINT, SIGPIPE, SIGTERM, SIGHUP, SIGQUIT] { sigaddset(&defaults, s) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        let argv: [UnsafeMutablePointer<CChar>?] = ([name ?? arguments[0]] + arguments.dropFirst()).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let envp: [UnsafeMutablePointer<CChar>?]? = environment.map { $0.map { strdup("\($0.key)=\($0.value)") } + [nil] }
        defer { envp?.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = envp.map { e in e.withUnsafeBufferPointer { posix_spawn(&pid, arguments[0], &fileActions, &attributes, argv, $0.baseAddress) } }
            ?? posix_spawn(&pid, arguments[0], &fileActions, &attributes, argv, environ)
        guard rc == 0 else {
            throw SpawnError(description: "cannot run \(arguments[0]): \(String(cString: strerror(rc)))")
        }
        return pid
    }

    /// Waits for `pid` and returns its exit status as a shell reports it (128 + N
    /// for death by signal N).
    public static func waitForExit(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    /// The descriptors open in this process now (from /proc/self/fd).
    static func openDescriptors() -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        return entries.compactMap { Int32($0) }.filter { fcntl($0, F_GETFD) != -1 }
    }
}
