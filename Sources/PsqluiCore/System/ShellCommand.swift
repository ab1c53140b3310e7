import Foundation

/// Runs `/bin/sh -c COMMAND` children for `\!`, `\g |CMD`, `\o |CMD` and `\copy …
/// PROGRAM`, through posix_spawn (Foundation's Process keeps descriptors and never
/// reaps reliably here). Children get default signal handling — SIGPIPE included,
/// so `| head` ends quietly — and only stdin/stdout/stderr.
public enum ShellCommand {
    /// A running `sh -c` child whose standard input (or output) is our pipe end.
    public struct Piped {
        public let pid: pid_t
        /// Our end of the pipe: write to it (`.toChild`) or read from it (`.fromChild`).
        public let fileDescriptor: Int32

        /// Closes our end and waits for the child; returns its exit status.
        @discardableResult
        public func finish() -> Int32 {
            close(fileDescriptor)
            return ShellCommand.wait(pid)
        }
    }

    public enum Direction { case toChild, fromChild }

    /// Runs `command` with the terminal's stdin/stdout/stderr and waits (`\!`).
    public static func run(_ command: String) throws -> Int32 {
        let pid = try spawn(command, redirect: nil)
        return wait(pid)
    }

    /// Starts `command` with a pipe to its stdin (`.toChild`) or from its stdout (`.fromChild`).
    public static func start(_ command: String, _ direction: Direction) throws -> Piped {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw ChildProcess.SpawnError(description: "pipe: \(String(cString: strerror(errno)))") }
        let (childEnd, ourEnd) = direction == .toChild ? (fds[0], fds[1]) : (fds[1], fds[0])
        _ = fcntl(ourEnd, F_SETFD, FD_CLOEXEC)
        defer { close(childEnd) }
        do {
            let pid = try spawn(command, redirect: (childEnd, direction == .toChild ? 0 : 1))
            return Piped(pid: pid, fileDescriptor: ourEnd)
        } catch {
            close(ourEnd)
            throw error
        }
    }

    static func wait(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        if status & 0x7f == 0 { return (status >> 8) & 0xff }
        return 128 + (status & 0x7f)
    }

    private static func spawn(_ command: String, redirect: (fd: Int32, onto: Int32)?) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let redirect { posix_spawn_file_actions_adddup2(&actions, redirect.fd, redirect.onto) }
        for fd in ChildProcess.openDescriptors() where fd > 2 {
            posix_spawn_file_actions_addclose(&actions, fd)
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
        let arguments = ["/bin/sh", "-c", command]
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, "/bin/sh", &actions, &attributes, argv, environ)
        guard rc == 0 else {
            throw ChildProcess.SpawnError(description: "cannot run \(command): \(String(cString: strerror(rc)))")
        }
        return pid
    }
}
