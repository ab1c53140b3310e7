import FoundationEssentials
import Glibc

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

    /// Runs `command` with our stdin and stderr and returns what it wrote to its
    /// stdout, whatever its exit status (psql's backticks).
    public static func output(of command: String) throws -> [UInt8] {
        let child = try start(command, .fromChild)
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(child.fileDescriptor, $0.baseAddress, $0.count) }
            if n > 0 { bytes.append(contentsOf: chunk[0..<n]) } else if n == 0 || errno != EINTR { break }
        }
        child.finish()
        return bytes
    }

    static func wait(_ pid: pid_t) -> Int32 { ChildProcess.waitForExit(pid) }

    private static func spawn(_ command: String, redirect: (fd: Int32, onto: Int32)?) throws -> pid_t {
        let actions: [ChildProcess.FileAction] = redirect.map { [.duplicate(from: $0.fd, onto: $0.onto)] } ?? []
        do {
            return try ChildProcess.spawn(["/bin/sh", "-c", command], actions: actions, name: "sh")
        } catch {
            throw ChildProcess.SpawnError(description: "cannot run \(command): \(error)")
        }
    }
}
