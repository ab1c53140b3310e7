import Foundation
@testable import PsqluiCore
import Testing

/// The ssh plugin against a real sshd (TestSSHServer: openssh-server, a private
/// config and keys) and the real test cluster, reached through the tunnel's forward
/// to the cluster's Unix socket. psqlui runs as a user runs it; nothing is mocked.
@Suite(.serialized, .timeLimit(.minutes(3))) struct SSHTunnelTests {
    /// Waits (with a deadline) until no ssh client of `server` is left.
    static func noTunnelLeft(_ server: TestSSHServer, within seconds: Double = 30) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while !server.sshClients.isEmpty {
            if Date() > deadline { return false }
            usleep(20_000)
        }
        return true
    }

    @Test func queriesRunThroughTheTunnelBackslashCReusesItAndExitTearsItDown() async throws {
        try await offPool {
            let server = try TestSSHServer()
            defer { server.stop() }
            let db = try TestServer.makeDatabase(prefix: "ssh")
            let other = try TestServer.makeDatabase(prefix: "ssh")
            let home = try TestServer.makeHome(config: server.pluginConfig)
            let script = "\\conninfo\nselect 40 + 2 as answer;\n\\c \(other)\n\\conninfo\nselect current_database();\n:plugins\n"
            let out = try TestServer.psqlui(["--ssh-tunnel", "root@127.0.0.1:\(server.port)"], database: db,
                                            stdin: Data(script.utf8), home: home, timeout: 60)
            #expect(out.status == 0, "\(out)\n\(server.log)")
            let infos = out.out.split(separator: "\n").filter { $0.hasPrefix("You are connected to database") }
            #expect(infos.count == 2, "\(out)")
            let port = infos.first.flatMap { $0.range(of: "at port \"").map { $0.upperBound } .map { String(infos[0][$0...].prefix { $0 != "\"" }) } }
            #expect(infos.first == "You are connected to database \"\(db)\" as user \"postgres\" on host \"127.0.0.1\" at port \"\(port ?? "?")\".")
            #expect(port != nil && port != TestServer.port)
            // \c goes through the same tunnel: the same local port, no second ssh.
            #expect(infos.last == "You are connected to database \"\(other)\" as user \"postgres\" on host \"127.0.0.1\" at port \"\(port ?? "?")\".")
            #expect(out.out.contains("You are now connected to database \"\(other)\" as user \"postgres\"."), "\(out)")
            #expect(out.out.contains("     42\n"), "\(out)")
            #expect(out.out.contains(" \(other)\n"), "\(out)")
            #expect(out.out.contains("\n    127.0.0.1:\(port ?? "?") -> \(TestServer.host)/.s.PGSQL.\(TestServer.port) via root@127.0.0.1:\(server.port)\n"),
                    "`:plugins` shows the tunnel: \(out.out)")
            #expect(server.log.components(separatedBy: "Accepted publickey").count == 2, "one login: \(server.log)")
            #expect(Self.noTunnelLeft(server), "ssh left running: \(server.sshClients)")
        }
    }

    @Test func aRefusedHostKeyIsOneLineAndExitStatus2() async throws {
        try await offPool {
            let server = try TestSSHServer(wrongHostKey: true)
            defer { server.stop() }
            let out = try TestServer.psqlui(["--ssh-tunnel", "root@127.0.0.1:\(server.port)", "-c", "select 1"], database: "postgres",
                                            home: try TestServer.makeHome(config: server.pluginConfig), timeout: 60)
            #expect(out.status == 2, "\(out)")
            #expect(out.err == "psqlui: error: ssh tunnel via root@127.0.0.1:\(server.port) failed: Host key verification failed.\n", "\(out)")
            #expect(out.out.isEmpty)
            #expect(Self.noTunnelLeft(server))
        }
    }

    @Test func aBadUserGivesTheAuthenticationMessageAndExitStatus2() async throws {
        try await offPool {
            let server = try TestSSHServer()
            defer { server.stop() }
            let out = try TestServer.psqlui(["--ssh-tunnel", "nosuchuser@127.0.0.1:\(server.port)", "-c", "select 1"], database: "postgres",
                                            home: try TestServer.makeHome(config: server.pluginConfig), timeout: 60)
            #expect(out.status == 2, "\(out)")
            #expect(out.err == "psqlui: error: ssh tunnel via nosuchuser@127.0.0.1:\(server.port) failed: nosuchuser@127.0.0.1: Permission denied (publickey).\n", "\(out)")
            #expect(Self.noTunnelLeft(server))
        }
    }

    @Test func aProfilesSshKeyTunnelsAndADisabledPluginRefusesInsteadOfConnectingDirectly() async throws {
        try await offPool {
            let server = try TestSSHServer()
            defer { server.stop() }
            let profile = """
            [connections.tun]
            host = "\(TestServer.host)"
            user = "postgres"
            dbname = "postgres"
            ssh = "root@127.0.0.1:\(server.port)"

            """
            let out = try TestServer.psqlui(["-D", "tun", "-c", "\\conninfo"], database: nil, home: try TestServer.makeHome(config: server.pluginConfig + profile), timeout: 60)
            #expect(out.status == 0, "\(out)")
            #expect(out.out.hasPrefix("You are connected to database \"postgres\" as user \"postgres\" on host \"127.0.0.1\" at port \""), "\(out)")
            let off = try TestServer.psqlui(["-D", "tun", "-c", "select 1"], database: nil,
                                            home: try TestServer.makeHome(config: server.pluginConfig + "enabled = false\n" + profile), timeout: 60)
            #expect(off.status == 2, "\(off)")
            #expect(off.err == "psqlui: error: connection setting \"ssh\" needs plugin \"ssh\", which is disabled; enable it with :plugins enable ssh\n", "\(off)")
            #expect(Self.noTunnelLeft(server))
        }
    }

    @Test func sigtermStopsAndReapsTheTunnel() async throws {
        try await offPool {
            let server = try TestSSHServer()
            defer { server.stop() }
            let home = try TestServer.makeHome(config: server.pluginConfig)
            let log = home + "/psqlui.log"
            var fds: [Int32] = [-1, -1]
            guard pipe(&fds) == 0 else { throw TestFailure("pipe") }
            defer { close(fds[1]) }
            // ChildProcess: no blocked signals in the child, whatever thread runs this.
            let pid = try ChildProcess.spawn([TestServer.psqluiBinary, "--ssh-tunnel", "root@127.0.0.1:\(server.port)", "-At"],
                                             actions: [.duplicate(from: fds[0], onto: 0),
                                                       .open(fd: 1, path: log, flags: O_WRONLY | O_CREAT | O_TRUNC),
                                                       .duplicate(from: 1, onto: 2)],
                                             environment: TestServer.environment(database: "postgres", home: home))
            close(fds[0])
            let line = Array("select 'tunnel' || 'ready';\n".utf8)
            _ = line.withUnsafeBytes { write(fds[1], $0.baseAddress, $0.count) }
            let deadline = Date().addingTimeInterval(30)
            while !((try? String(contentsOfFile: log, encoding: .utf8))?.contains("tunnelready") ?? false) {
                if Date() > deadline { kill(pid, SIGKILL); throw TestFailure("psqlui did not answer through the tunnel: \((try? String(contentsOfFile: log, encoding: .utf8)) ?? "")") }
                usleep(20_000)
            }
            let clients = server.sshClients
            #expect(clients.count == 1, "\(clients)")
            kill(pid, SIGTERM)
            var status: Int32 = 0
            let end = Date().addingTimeInterval(10)
            while waitpid(pid, &status, WNOHANG) == 0 {
                if Date() > end { kill(pid, SIGKILL); _ = waitpid(pid, &status, 0); throw TestFailure("psqlui did not end after SIGTERM") }
                usleep(10_000)
            }
            #expect(status & 0x7f == SIGTERM, "psqlui dies of SIGTERM as before (status \(status))")
            #expect(clients.allSatisfy { kill($0, 0) != 0 }, "the ssh child was stopped and reaped: \(server.sshClients)")
        }
    }

    /// At a terminal ssh may ask: the passphrase prompt of an encrypted key gets the
    /// terminal, then the prompt comes back. A failing `:connect PROFILE` through ssh is
    /// one line and the session keeps its connection (and its tunnel).
    @Test func atATerminalSshAsksForThePassphraseAndAFailedConnectKeepsTheSession() async throws {
        try await offPool {
            let server = try TestSSHServer(passphrase: "sesame")
            defer { server.stop() }
            let home = try TestServer.makeHome(config: server.pluginConfig + """
            [connections.stranger]
            host = "\(TestServer.host)"
            dbname = "postgres"
            ssh = "nosuchuser@127.0.0.1:\(server.port)"

            """)
            let env = TestServer.environment(database: "postgres", home: home)
            let tmux = try TmuxSession(command: "\(TestServer.psqluiBinary) --ssh-tunnel root@127.0.0.1:\(server.port)", environment: env)
            _ = try tmux.waitFor(text: "Enter passphrase for key", timeout: 30)
            try tmux.type("sesame")
            try tmux.press("Enter")
            _ = try tmux.waitFor(text: "postgres=#", timeout: 30)
            try tmux.type("select 'via' || 'tunnel' as how;")
            try tmux.press("Enter")
            _ = try tmux.waitFor(text: "viatunnel", timeout: 20)
            // Ctrl-C cancels the query through the tunnel; ssh (its own process group)
            // does not get the SIGINT, so the session goes on through the same tunnel.
            try tmux.type("select pg_sleep(30);")
            try tmux.press("Enter")
            usleep(500_000)
            try tmux.press("C-c")
            _ = try tmux.waitFor(text: "canceling statement due to user request", timeout: 20)
            try tmux.type("select 'still' || 'here' as how;")
            try tmux.press("Enter")
            _ = try tmux.waitFor(text: "stillhere", timeout: 20)
            try tmux.type(":connect stranger")
            try tmux.press("Enter")
            let screen = try tmux.waitFor(text: "Previous connection kept", timeout: 30)
            #expect(screen.contains("\\connect: ssh tunnel via nosuchuser@127.0.0.1:\(server.port) failed: nosuchuser@127.0.0.1: Permission denied (publickey)."), "\(screen)")
            try tmux.type("\\conninfo")
            try tmux.press("Enter")
            let info = try tmux.waitFor(text: "on host \"127.0.0.1\"", timeout: 20)
            #expect(info.contains("You are connected to database \"postgres\" as user \"postgres\" on host \"127.0.0.1\""), "\(info)")
            #expect(server.sshClients.count == 1, "the first tunnel is still the one in use: \(server.sshClients)")
            try tmux.press("C-d")
            #expect(Self.noTunnelLeft(server), "ssh left running: \(server.sshClients)")
        }
    }
}
