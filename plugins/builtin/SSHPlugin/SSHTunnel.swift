import Glibc
import PsqluiPluginAPI

/// One running `ssh -N -L 127.0.0.1:PORT:TARGET DESTINATION`: started, waited for
/// until its local end accepts connections, stopped and reaped.
///
/// The child gets no blocked signals and default dispositions (a process spawned
/// from a dispatch or pool thread would otherwise inherit a blocked SIGTERM and
/// ignore `stop`), a process group of its own (Ctrl-C at the prompt cancels the
/// query through the tunnel instead of killing it), stdin from /dev/null, stderr to
/// a private log read for the error message, and no other descriptor of psqlui's.
final class SSHTunnel: @unchecked Sendable {
    let destination: SSHDestination
    let target: ForwardTarget
    let localPort: Int
    private(set) var pid: pid_t
    private let logPath: String
    private var reaped = false

    private init(destination: SSHDestination, target: ForwardTarget, localPort: Int, pid: pid_t, logPath: String) {
        self.destination = destination
        self.target = target
        self.localPort = localPort
        self.pid = pid
        self.logPath = logPath
    }

    /// Starts ssh and waits until the forward accepts a connection, ssh exits (its
    /// last stderr line is the error) or `readyWithin` seconds pass.
    static func open(_ destination: SSHDestination, to target: ForwardTarget, settings: SSHSettings) async throws -> SSHTunnel {
        // The free port can be taken between our pick and ssh's bind: ssh then fails
        // the forward (ExitOnForwardFailure); try another port, twice at most.
        var attempt = 1
        while true {
            do { return try await openOnce(destination, to: target, settings: settings, mayRetry: attempt < 3) } catch is PortTaken {
                attempt += 1
            }
        }
    }

    /// ssh could not bind the local port (someone took it after we picked it).
    private struct PortTaken: Error {}

    private static func openOnce(_ destination: SSHDestination, to target: ForwardTarget, settings: SSHSettings,
                                 mayRetry: Bool) async throws -> SSHTunnel {
        let port = try LocalPort.free()
        var template = Array("/tmp/psqlui-ssh-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw ConnectionHookError("ssh tunnel: cannot create a log file: \(String(cString: strerror(errno)))") }
        close(fd)
        let logPath = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        // At a terminal (psqlui in its foreground) ssh may ask for a passphrase or a
        // host key: it gets the terminal until the forward is up. Otherwise BatchMode.
        let terminal = Terminal.foregroundIsOurs()
        var arguments = [settings.command, "-N", "-T", "-o", "ExitOnForwardFailure=yes"]
        if !terminal { arguments += ["-o", "BatchMode=yes"] }
        arguments += ["-o", "ConnectTimeout=\(Int(settings.readyTimeout.rounded(.up)))",
                      "-o", "ServerAliveInterval=30",
                      "-L", "127.0.0.1:\(port):\(target.spec)"]
        arguments += settings.arguments
        arguments += destination.arguments
        let pid: pid_t
        do { pid = try spawn(arguments, logPath: logPath) } catch {
            unlink(logPath)
            throw error
        }
        let tunnel = SSHTunnel(destination: destination, target: target, localPort: port, pid: pid, logPath: logPath)
        if terminal { Terminal.hand(to: pid) }
        defer { if terminal { Terminal.takeBack() } }
        // Someone typing a passphrase gets longer (within the host's 60 s for a hook).
        let wait = terminal ? max(settings.readyTimeout, 50) : settings.readyTimeout
        let deadline = Clock.now + wait
        while true {
            if let status = tunnel.exitStatus() {
                let why = tunnel.lastLogLine() ?? "ssh exited with status \(status)"
                let portTaken = tunnel.logContains("[127.0.0.1]:\(port): Address already in use")
                tunnel.discardLog()
                if portTaken && mayRetry { throw PortTaken() }
                throw ConnectionHookError("ssh tunnel via \(destination) failed: \(why)")
            }
            if LocalPort.accepts(port) { return tunnel }
            if Clock.now >= deadline {
                let why = tunnel.lastLogLine().map { " (\($0))" } ?? ""
                await tunnel.stop()
                throw ConnectionHookError("ssh tunnel via \(destination) did not open within \(Int(wait)) s\(why)")
            }
            try? await Task.sleep(nanoseconds: 20_000_000)
        }
    }

    /// True while ssh runs.
    var isRunning: Bool { exitStatus() == nil }

    /// ssh's exit status once it has exited (reaping it), else nil.
    private func exitStatus() -> Int32? {
        if reaped { return 0 }
        var status: Int32 = 0
        let r = waitpid(pid, &status, WNOHANG)
        if r == pid || (r < 0 && errno == ECHILD) {
            reaped = true
            return (status >> 8) & 0xff
        }
        return nil
    }

    /// Stops ssh: SIGTERM, then SIGKILL after a second, reaped within the deadline.
    func stop() async {
        defer { discardLog() }
        guard isRunning else { return }
        kill(pid, SIGTERM)
        for round in 0..<100 {
            if !isRunning { return }
            if round == 50 { kill(pid, SIGKILL) }
            try? await Task.sleep(nanoseconds: 20_000_000)
        }
    }

    /// The last non-empty line ssh wrote to stderr.
    private func lastLogLine() -> String? {
        let text = readLog()
        let lines = text.split(whereSeparator: \.isNewline).map { String($0) }
            .filter { !$0.allSatisfy(\.isWhitespace) && !$0.hasPrefix("Warning: Permanently added") }
        // Keep only printable characters: the line goes to the terminal.
        return lines.last.map { String($0.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7f }.map(Character.init)) }
    }

    private func discardLog() { unlink(logPath) }

    private func logContains(_ text: String) -> Bool { readLog().contains(text) }

    private func readLog() -> String {
        guard let f = fopen(logPath, "r") else { return "" }
        defer { fclose(f) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = fread(&buffer, 1, buffer.count, f)
            if n <= 0 { break }
            bytes += buffer[0..<n]
            if bytes.count > 65536 { bytes.removeFirst(bytes.count - 65536) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func spawn(_ arguments: [String], logPath: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, logPath, O_WRONLY | O_TRUNC, 0o600)
        for fd in openDescriptors() where fd > 2 { posix_spawn_file_actions_addclose(&actions, fd) }
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
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETPGROUP))
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawnp(&pid, arguments[0], &actions, &attributes, &argv, environ)
        guard rc == 0 else {
            throw ConnectionHookError("ssh tunnel: cannot run \(arguments[0]): \(String(cString: strerror(rc)))")
        }
        return pid
    }

    /// Our open descriptors (from /proc/self/fd), so that ssh inherits none of them.
    private static func openDescriptors() -> [Int32] {
        guard let dir = opendir("/proc/self/fd") else { return Array(3..<256) }
        defer { closedir(dir) }
        var fds: [Int32] = []
        let own = dirfd(dir)
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if let fd = Int32(name), fd != own { fds.append(fd) }
        }
        return fds
    }
}

/// Seconds on the monotonic clock.
enum Clock {
    static var now: Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}

/// The controlling terminal, lent to ssh while it logs in (a passphrase, a host key
/// question) and taken back once the forward is up or ssh gave up.
enum Terminal {
    /// True when stdin is a terminal whose foreground process group is ours.
    static func foregroundIsOurs() -> Bool {
        isatty(0) == 1 && tcgetpgrp(0) == getpgrp()
    }

    /// Makes ssh's process group (its pid: it leads one of its own) the foreground,
    /// and wakes it in case it tried the terminal first and was stopped.
    static func hand(to pid: pid_t) {
        _ = tcsetpgrp(0, pid)
        kill(-pid, SIGCONT)
    }

    /// Makes our process group the foreground again (SIGTTOU ignored meanwhile: we
    /// are a background group until the call returns).
    static func takeBack() {
        var ignore = sigaction(), old = sigaction()
        ignore.__sigaction_handler.sa_handler = SIG_IGN
        sigemptyset(&ignore.sa_mask)
        sigaction(SIGTTOU, &ignore, &old)
        _ = tcsetpgrp(0, getpgrp())
        sigaction(SIGTTOU, &old, nil)
    }
}
