import Foundation
import Testing

/// Issue 9 items 13 and 14: secrets set as variables never reach the history file,
/// and `--print-config` never prints a plugin's password, token, secret or key.
@Suite struct SecretLeakTests {
    @Test func variablesWithSecretNamesNeverReachTheHistoryFile() throws {
        let db = try TestServer.makeDatabase(prefix: "secvar")
        let home = TestServer.makeHome()
        let (tmux, _, _) = try InteractiveTests.start(database: db, home: home)
        defer { tmux.kill() }
        try InteractiveTests.enter(tmux, "\\set PASSWORD hunter2pw")
        try InteractiveTests.enter(tmux, ":set API_TOKEN tok3nvalue")
        try InteractiveTests.enter(tmux, "\\setenv PGPASSWORD envs3cret")
        try InteractiveTests.enter(tmux, "\\set harmless visible")
        try InteractiveTests.enter(tmux, "select 'last' as x;")
        try tmux.waitFor(text: "last\n(1 row)")
        let history = try String(contentsOfFile: home + "/.local/state/psqlui/history", encoding: .utf8)
        #expect(history.contains("harmless"), "history: \(history)")
        for secret in ["hunter2pw", "tok3nvalue", "envs3cret"] {
            #expect(!history.contains(secret), "history: \(history)")
        }
    }

    @Test func printConfigMasksSecretPluginSettings() throws {
        let home = TestServer.makeHome()
        try FileManager.default.createDirectory(atPath: home + "/.config/psqlui", withIntermediateDirectories: true)
        let config = """
            [plugins.telemetry]
            endpoint = "http://127.0.0.1:4318"
            password = "hunter2"
            api_token = "t0ken"
            client_secret = "s3cret"
            signing_key = "k3y"
            [plugins.telemetry.headers]
            authorization_token = "inner"
            """
        try config.write(toFile: home + "/.config/psqlui/config.toml", atomically: true, encoding: .utf8)
        let out = try TestServer.psqlui(["--print-config"], database: nil, home: home)
        #expect(out.status == 0, "\(out)")
        #expect(out.out.contains("plugins.telemetry.endpoint = \"http://127.0.0.1:4318\""), "\(out)")
        #expect(out.out.contains("plugins.telemetry.password = \"********\""), "\(out)")
        for secret in ["hunter2", "t0ken", "s3cret", "k3y", "inner"] {
            #expect(!out.out.contains(secret), "\(out)")
        }
    }
}
