import Foundation
import Testing

/// `[connections.NAME]` profiles against the real server: `-D NAME`, `:connect NAME`,
/// `read_only` and `--read-only`, `search_path`, `init`, a refused password, and
/// `:connect`'s completion. Blocking work runs off the cooperative pool, each with a
/// deadline.
@Suite(.timeLimit(.minutes(2))) struct ConnectionProfileTests {
    static func profiles(db: String) -> String {
        """
        [connections.ro]
        host = "\(TestServer.host)"
        port = \(TestServer.port)
        user = "\(TestServer.user)"
        dbname = "\(db)"
        read_only = true
        search_path = "pg_catalog, public"
        init = ["set application_name = 'from_profile'", "set statement_timeout = '45s'"]

        [connections.uri]
        conninfo = "host=\(TestServer.host) port=\(TestServer.port) dbname=postgres"

        [connections.leaky]
        dbname = "postgres"
        password = "hunter2"

        """
    }

    static func run(_ args: [String], home: String, stdin: String? = nil, database: String? = nil) async throws -> ProcessOutput {
        try await offPool { try TestServer.psqlui(args, database: database, stdin: stdin.map { Data($0.utf8) }, home: home, timeout: 30) }
    }

    @Test func dashDConnectsWithTheProfileReadOnlyWithItsSearchPathAndInit() async throws {
        let db = try await offPool { try TestServer.makeDatabase(prefix: "prof") }
        let home = try TestServer.makeHome(config: Self.profiles(db: db))
        let out = try await Self.run(["-D", "ro", "-At", "-c", "select current_database()", "-c", "show default_transaction_read_only",
                                      "-c", "show search_path", "-c", "show application_name", "-c", "show statement_timeout",
                                      "-c", "create table written(a int)"], home: home)
        #expect(out.out == "\(db)\non\npg_catalog, public\nfrom_profile\n45s\n", "\(out)")
        #expect(out.err.contains("cannot execute CREATE TABLE in a read-only transaction"), "\(out)")
        #expect(out.err.contains("connections.leaky: a password does not belong in the config file"), "\(out.err)")
        let uri = try await Self.run(["-D", "uri", "-At", "-c", "select current_database()", "-c", "show default_transaction_read_only"], home: home)
        #expect(uri.out == "postgres\noff\n", "\(uri)")
    }

    @Test func aPasswordInTheFileRefusesTheProfile() async throws {
        let home = try TestServer.makeHome(config: Self.profiles(db: "postgres"))
        let out = try await Self.run(["-D", "leaky", "-c", "select 1"], home: home)
        #expect(out.status == 2, "\(out)")
        #expect(out.err.contains("psqlui: warning:") && out.err.contains("connections.leaky: a password does not belong in the config file (use ~/.pgpass, PGPASSFILE or a service file); profile \"leaky\" not loaded"), "\(out.err)")
        #expect(out.err.contains("no connection profile \"leaky\" in the config (profiles: ro, uri)"), "\(out.err)")
        #expect(!out.err.contains("hunter2"))
        let conninfo = try await Self.run(["-c", "select 1"], home: try TestServer.makeHome(config: "[connections.c]\nconninfo = \"postgresql://u:s3cret@h/db\"\n"), database: "postgres")
        #expect(conninfo.err.contains("connections.c: conninfo holds a password"), "\(conninfo.err)")
        #expect(!conninfo.err.contains("s3cret"))
    }

    @Test func readOnlyFlagWithoutAProfile() async throws {
        let home = try TestServer.makeHome(config: "")
        let out = try await Self.run(["--read-only", "-At", "-c", "show default_transaction_read_only", "-c", "create table w(a int)"],
                                     home: home, database: "postgres")
        #expect(out.out == "on\n", "\(out)")
        #expect(out.err.contains("cannot execute CREATE TABLE in a read-only transaction"), "\(out)")
    }

    @Test func colonConnectTakesAProfileAndBackslashCStaysPsqls() async throws {
        let db = try await offPool { try TestServer.makeDatabase(prefix: "prof") }
        let home = try TestServer.makeHome(config: Self.profiles(db: db))
        let script = "show default_transaction_read_only;\n:connect ro\nshow default_transaction_read_only;\nshow application_name;\n\\c postgres\nselect current_database();\n"
        let out = try await Self.run(["-At"], home: home, stdin: script, database: "postgres")
        #expect(out.out == "off\nYou are now connected to database \"\(db)\" as user \"\(TestServer.user)\".\non\nfrom_profile\nYou are now connected to database \"postgres\" as user \"\(TestServer.user)\".\npostgres\n", "\(out)")
    }

    @Test func connectCompletesProfileNames() async throws {
        let home = try TestServer.makeHome(config: Self.profiles(db: "postgres"))
        let out = try await Self.run(["--complete", ":connect r"], home: home, database: "postgres")
        #expect(out.status == 0, "\(out)")
        #expect(out.out.split(separator: "\n").contains { $0.split(separator: "\t").dropFirst().first == "ro" }, "\(out.out)")
        let all = try await Self.run(["--complete", ":connect "], home: home, database: "postgres")
        let words = all.out.split(separator: "\n").compactMap { $0.split(separator: "\t").dropFirst().first.map(String.init) }
        #expect(words.contains("ro") && words.contains("uri") && words.contains("postgres"), "profiles beside the databases: \(words)")
    }

    /// The prompt of a read-only session says so (in a real terminal).
    @Test func theReadOnlyPromptSaysSo() async throws {
        let home = try TestServer.makeHome(config: "")
        let env = TestServer.environment(database: "postgres", home: home)
        let screen = try await offPool { () -> String in
            let tmux = try TmuxSession(command: "\(TestServer.psqluiBinary) --read-only", environment: env)
            return try tmux.waitFor(text: "(read-only) postgres=#", timeout: 20)
        }
        #expect(screen.contains("(read-only) postgres=#"))
    }

    /// A profile's `prompt` is the prompt while connected with it (`-D`, then
    /// `:connect NAME`), and `\c` to another server drops it.
    @Test func aProfilesPromptIsThePrompt() async throws {
        let db = try await offPool { try TestServer.makeDatabase(prefix: "prof") }
        let home = try TestServer.makeHome(config: """
        [connections.blue]
        host = "\(TestServer.host)"
        dbname = "postgres"
        prompt = "BLUE %/%R%# "

        [connections.green]
        host = "\(TestServer.host)"
        dbname = "\(db)"
        prompt = "GREEN %n@%/%# "

        """)
        let env = TestServer.environment(database: nil, home: home)
        let screen = try await offPool { () -> String in
            let tmux = try TmuxSession(command: "\(TestServer.psqluiBinary) -D blue", environment: env)
            _ = try tmux.waitFor(text: "BLUE postgres=#", timeout: 20)
            try tmux.type(":connect green\n")
            return try tmux.waitFor(text: "GREEN postgres@\(db)#", timeout: 20)
        }
        #expect(screen.contains("GREEN postgres@\(db)#"))
    }
}
