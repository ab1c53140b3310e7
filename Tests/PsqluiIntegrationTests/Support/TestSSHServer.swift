import Foundation
@testable import PsqluiCore

/// A private OpenSSH server for the ssh plugin's tests: the distribution's
/// `openssh-server` (installed with apt-get when missing, quietly, once), started on
/// 127.0.0.1 at a free port with a generated host key, its own sshd_config and a
/// generated client key in authorized_keys. Clients use `sshConfig` (`ssh -F`): the
/// key, a private known_hosts with the right host key (or, with `wrongHostKey`,
/// another key), nothing from the real home.
///
/// The database side: the test cluster listens on a Unix socket only, so the tunnel
/// forwards to the socket (`-L 127.0.0.1:PORT:/dir/.s.PGSQL.5432`, what the ssh
/// plugin does for a socket-directory host) — the same path a remote server's socket
/// takes. sshd runs as root here, so it can open the socket.
final class TestSSHServer {
    let directory: String
    let port: Int
    let pid: pid_t
    /// `-F` file for clients (key and known_hosts).
    let sshConfig: String

    private static let installLock = NSLock()
    nonisolated(unsafe) private static var installed = false

    /// Installs openssh-server if it is missing (idempotent).
    static func ensureInstalled() throws {
        try installLock.withLock {
            if installed { return }
            let script = """
            dpkg -s openssh-server >/dev/null 2>&1 && exit 0
            export DEBIAN_FRONTEND=noninteractive
            apt-get install -y -q openssh-server >/dev/null 2>&1 || { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q openssh-server >/dev/null 2>&1; }
            """
            let out = try ProcessRunner.shell(script, environment: ProcessInfo.processInfo.environment, timeout: 300)
            guard out.status == 0, FileManager.default.isExecutableFile(atPath: "/usr/sbin/sshd") else {
                throw TestFailure("cannot install openssh-server: \(out)")
            }
            installed = true
        }
    }

    /// Starts a server; `wrongHostKey` writes another key into the client's known_hosts;
    /// `passphrase` encrypts the client key (ssh then asks for it at a terminal).
    init(wrongHostKey: Bool = false, passphrase: String? = nil) throws {
        try Self.ensureInstalled()
        directory = NSTemporaryDirectory() + "psqlui-sshd-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true)
        let d = directory
        for key in ["host_key", "client_key", "other_key"] {
            let secret = key == "client_key" ? passphrase ?? "" : ""
            let out = try ProcessRunner.run("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", secret, "-f", "\(d)/\(key)"], environment: [:])
            guard out.status == 0 else { throw TestFailure("ssh-keygen: \(out)") }
        }
        try FileManager.default.copyItem(atPath: "\(d)/client_key.pub", toPath: "\(d)/authorized_keys")
        port = try Self.freePort()
        try """
        Port \(port)
        ListenAddress 127.0.0.1
        HostKey \(d)/host_key
        AuthorizedKeysFile \(d)/authorized_keys
        PasswordAuthentication no
        KbdInteractiveAuthentication no
        UsePAM no
        PermitRootLogin prohibit-password
        StrictModes no
        PidFile \(d)/sshd.pid
        AllowTcpForwarding yes
        AllowStreamLocalForwarding yes
        LogLevel VERBOSE

        """.write(toFile: "\(d)/sshd_config", atomically: true, encoding: .utf8)
        let hostKey = try String(contentsOfFile: "\(d)/\(wrongHostKey ? "other_key" : "host_key").pub", encoding: .utf8)
            .split(separator: " ").prefix(2).joined(separator: " ")
        try "[127.0.0.1]:\(port) \(hostKey)\n".write(toFile: "\(d)/known_hosts", atomically: true, encoding: .utf8)
        sshConfig = "\(d)/ssh_config"
        try """
        Host *
          IdentityFile \(d)/client_key
          IdentitiesOnly yes
          UserKnownHostsFile \(d)/known_hosts
          GlobalKnownHostsFile /dev/null
          StrictHostKeyChecking yes

        """.write(toFile: sshConfig, atomically: true, encoding: .utf8)
        pid = try ChildProcess.spawn(["/usr/sbin/sshd", "-D", "-e", "-f", "\(d)/sshd_config"], outputPath: "\(d)/sshd.log")
        // Ready when it accepts connections.
        let deadline = Date().addingTimeInterval(10)
        while !Self.accepts(port) {
            guard Date() < deadline else { stop(); throw TestFailure("sshd did not start: \(log)") }
            usleep(20_000)
        }
    }

    /// sshd's log.
    var log: String { (try? String(contentsOfFile: directory + "/sshd.log", encoding: .utf8)) ?? "" }

    /// Kills sshd (SIGKILL: it may have been spawned from a thread that blocks SIGTERM)
    /// and reaps it within a deadline; removes the directory.
    func stop() {
        kill(pid, SIGKILL)
        let deadline = Date().addingTimeInterval(5)
        var status: Int32 = 0
        while waitpid(pid, &status, WNOHANG) == 0 && Date() < deadline { usleep(10_000) }
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// The `[plugins.ssh]` table that points the plugin's ssh at this server's client config.
    var pluginConfig: String { "[plugins.ssh]\narguments = [\"-F\", \"\(sshConfig)\"]\nready_timeout = 20\n" }

    /// Running `ssh` processes whose command line mentions this server's port (the
    /// tunnels the plugin started), by pid.
    var sshClients: [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { Int32($0) }.filter { pid in
            guard let cmd = Self.readProc("/proc/\(pid)/cmdline") else { return false }
            let args = cmd.split(separator: "\0").map(String.init)
            guard args.first.map({ $0.hasSuffix("ssh") }) == true, args.contains("ExitOnForwardFailure=yes"),
                  args.contains(String(port)) else { return false }
            // A zombie is gone for our purposes only once reaped: count it.
            return true
        }
    }

    private static func readProc(_ path: String) -> String? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = [], buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = read(fd, &buffer, buffer.count)
            if n <= 0 { break }
            bytes += buffer[0..<n]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var a = sockaddr_in()
        a.sin_family = sa_family_t(AF_INET)
        a.sin_addr.s_addr = UInt32(0x7f00_0001).bigEndian
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &a) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) == 0 && getsockname(fd, $0, &len) == 0 }
        }
        guard ok else { throw TestFailure("no free port") }
        return Int(UInt16(bigEndian: a.sin_port))
    }

    static func accepts(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var a = sockaddr_in()
        a.sin_family = sa_family_t(AF_INET)
        a.sin_port = UInt16(port).bigEndian
        a.sin_addr.s_addr = UInt32(0x7f00_0001).bigEndian
        return withUnsafePointer(to: &a) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } } == 0
    }
}
