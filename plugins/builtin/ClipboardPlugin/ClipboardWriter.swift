import Glibc

/// Puts bytes on the clipboard with one method: OSC 52 to the controlling terminal
/// (`/dev/tty`, so `\o` or a redirected stdout do not swallow it), or an external
/// program fed on its stdin.
enum ClipboardWriter {
    static func copy(_ text: [UInt8], with method: ClipboardMethod) throws {
        guard let command = method.command else { return try writeToTerminal(OSC52.sequence(for: text)) }
        try run(command, stdin: text)
    }

    private static func writeToTerminal(_ bytes: [UInt8]) throws {
        let fd = open("/dev/tty", O_WRONLY | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else { throw ClipboardError("no terminal to send OSC 52 to: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        try writeAll(fd, bytes)
    }

    private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { raw in
            var off = 0
            while off < raw.count {
                let n = write(fd, raw.baseAddress! + off, raw.count - off)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw ClipboardError("writing to the clipboard failed: \(String(cString: strerror(errno)))")
                }
                off += n
            }
        }
    }

    /// Runs `command` with `stdin` on a pipe and stdout/stderr on /dev/null; waits for it.
    private static func run(_ command: [String], stdin: [UInt8]) throws {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw ClipboardError("could not create a pipe: \(String(cString: strerror(errno)))") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, fds[0], 0)
        posix_spawn_file_actions_addclose(&actions, fds[1])
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var argv: [UnsafeMutablePointer<CChar>?] = command.map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid: pid_t = 0
        let rc = posix_spawnp(&pid, command[0], &actions, nil, &argv, environ)
        close(fds[0])
        guard rc == 0 else {
            close(fds[1])
            throw ClipboardError("could not run \(command[0]): \(String(cString: strerror(rc)))")
        }
        let previous = signal(SIGPIPE, SIG_IGN)
        defer { signal(SIGPIPE, previous) }
        var writeError: Error?
        do { try writeAll(fds[1], stdin) } catch { writeError = error }
        close(fds[1])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        if let writeError { throw writeError }
        let exited = status & 0x7F == 0
        let code = (status >> 8) & 0xFF
        guard exited && code == 0 else { throw ClipboardError("\(command[0]) failed (status \(exited ? code : status))") }
    }

    /// True when `program` is an executable on `PATH`.
    static func isInstalled(_ program: String) -> Bool {
        let path = getenv("PATH").map { String(cString: $0) } ?? "/usr/bin:/bin"
        return path.split(separator: ":").contains { access("\($0)/\(program)", X_OK) == 0 }
    }
}

/// A clipboard failure, shown as the command's error.
struct ClipboardError: Error, CustomStringConvertible {
    var message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}
