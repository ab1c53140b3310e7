import Foundation
import Testing

/// Config files as a user meets them through the real binary: settings change the
/// output exactly as the same psql option would, -X and the command line win, a
/// project applies only once trusted, and --print-config says where each came from.
@Suite struct ConfigFileEndToEndTests {
    /// A private home with `~/.config/psqlui/config.toml` holding `user`, and a
    /// project directory holding `.psqlui/config.toml` with `project`.
    struct Setup {
        let home = TestServer.makeHome()
        var userFile: String { home + "/.config/psqlui/config.toml" }
        var project: String { home + "/project" }
        var projectFile: String { project + "/.psqlui/config.toml" }

        init(user: String?, project: String?) throws {
            let fm = FileManager.default
            try fm.createDirectory(atPath: home + "/.config/psqlui", withIntermediateDirectories: true)
            try fm.createDirectory(atPath: self.project + "/.psqlui", withIntermediateDirectories: true)
            if let user { try user.write(toFile: userFile, atomically: true, encoding: .utf8) }
            if let project { try project.write(toFile: projectFile, atomically: true, encoding: .utf8) }
        }

        func psqlui(_ args: [String], database: String?) throws -> ProcessOutput {
            try TestServer.psqlui(args, database: database, home: home, currentDirectory: project)
        }
    }

    static let query = "select 1 as a, null::text as b"

    @Test func userDisplaySettingsMatchTheSamePsqlOptions() throws {
        let db = try TestServer.makeDatabase(prefix: "cfg")
        let setup = try Setup(user: "[display]\nexpanded = true\nnull = \"(nil)\"\nfooter = false\n", project: nil)
        let ours = try setup.psqlui(["-c", Self.query], database: db)
        let psql = try TestServer.psql(["-X", "-P", "expanded=on", "-P", "null=(nil)", "-P", "footer=off", "-c", Self.query], database: db)
        #expect(ours.status == 0, "\(ours)")
        #expect(ours.err == "")
        #expect(ours.out == psql.out)
        // -X: the file is not read at all.
        let skipped = try setup.psqlui(["-X", "-c", Self.query], database: db)
        let plain = try TestServer.psql(["-X", "-c", Self.query], database: db)
        #expect(skipped.out == plain.out)
        // The command line wins over the file.
        let overridden = try setup.psqlui(["-P", "expanded=off", "-c", Self.query], database: db)
        let psqlOverridden = try TestServer.psql(["-X", "-P", "null=(nil)", "-P", "footer=off", "-c", Self.query], database: db)
        #expect(overridden.out == psqlOverridden.out)
    }

    @Test func projectAppliesOnlyAfterTrustProject() throws {
        let db = try TestServer.makeDatabase(prefix: "cfg")
        let setup = try Setup(user: "# mine\n[display]\nfooter = false\n", project: "[display]\nformat = \"unaligned\"\n")
        let before = try setup.psqlui(["-c", Self.query], database: db)
        #expect(before.out == (try TestServer.psql(["-X", "-P", "footer=off", "-c", Self.query], database: db)).out)
        let notices = before.err.split(separator: "\n")
        #expect(notices.count == 1, "\(before.err)")
        #expect(notices.first?.hasSuffix("psqlui --trust-project \(setup.project)") == true)

        let trust = try setup.psqlui(["--trust-project", setup.project], database: nil)
        #expect(trust.status == 0, "\(trust)")
        let userText = try String(contentsOfFile: setup.userFile, encoding: .utf8)
        #expect(userText.contains("# mine") && userText.contains("footer = false"))

        let after = try setup.psqlui(["-c", Self.query], database: db)
        #expect(after.err == "")
        #expect(after.out == (try TestServer.psql(["-X", "-P", "footer=off", "-A", "-c", Self.query], database: db)).out)
    }

    @Test func trustProjectDefaultsToTheCurrentDirectory() throws {
        let setup = try Setup(user: nil, project: "[display]\nborder = 0\n")
        let trust = try setup.psqlui(["--trust-project"], database: nil)
        #expect(trust.status == 0, "\(trust)")
        let printed = try setup.psqlui(["--print-config"], database: nil)
        #expect(printed.out.contains("display.border = 0  # project file \(setup.projectFile)"), "\(printed)")
    }

    @Test func printConfigNamesEverySource() throws {
        let setup = try Setup(user: "[display]\nborder = 2\nfooter = false\n", project: "[display]\nnull = \"-\"\n")
        _ = try setup.psqlui(["--trust-project", setup.project], database: nil)
        let out = try setup.psqlui(["--print-config", "-P", "footer=on"], database: nil)
        #expect(out.status == 0, "\(out)")
        let lines = Set(out.out.split(separator: "\n").map(String.init))
        #expect(lines.contains("display.border = 2  # user file \(setup.userFile)"))
        #expect(lines.contains("display.null = \"-\"  # project file \(setup.projectFile)"))
        #expect(lines.contains("display.footer = true  # command line"))
        #expect(lines.contains("display.format = \"aligned\"  # default"))
        let skipped = try setup.psqlui(["--print-config", "-X"], database: nil)
        #expect(skipped.out.contains("display.border = 1  # default"))
    }

    @Test func malformedFileGetsOneMessageAndTheQueryStillRuns() throws {
        let db = try TestServer.makeDatabase(prefix: "cfg")
        let setup = try Setup(user: "[display]\nborder = 2\nnull = oops\n", project: nil)
        let out = try setup.psqlui(["-c", Self.query], database: db)
        #expect(out.status == 0)
        #expect(out.err.split(separator: "\n").count == 1, "\(out.err)")
        #expect(out.err.hasPrefix("psqlui: error: \(setup.userFile):3:"), "\(out.err)")
        #expect(out.out == (try TestServer.psql(["-X", "-c", Self.query], database: db)).out)
    }

    @Test func unknownKeyWarningNamesKeyAndFile() throws {
        let db = try TestServer.makeDatabase(prefix: "cfg")
        let setup = try Setup(user: "[display]\nboarder = 2\n", project: nil)
        let out = try setup.psqlui(["-c", "select 1"], database: db)
        #expect(out.status == 0)
        #expect(out.err == "psqlui: warning: \(setup.userFile): unknown key \"display.boarder\" (ignored)\n")
    }
}
