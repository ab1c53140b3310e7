import Foundation
import PsqluiCore
import PsqluiPluginAPI
import Testing

/// The config store as the user meets it: which file wins, what a broken or
/// misspelled file says, and what an untrusted project does.
@Suite struct ConfigStoreTests {
    /// A scratch home (`$XDG_CONFIG_HOME`) and a project directory with a subdirectory.
    struct Layout {
        let root = NSTemporaryDirectory() + "psqlui-config-" + UUID().uuidString
        var configHome: String { root + "/config" }
        var userFile: String { configHome + "/psqlui/config.toml" }
        var project: String { root + "/project" }
        var projectFile: String { project + "/.psqlui/config.toml" }
        var workDir: String { project + "/src/deep" }
        var environment: [String: String] { ["XDG_CONFIG_HOME": configHome, "HOME": root + "/home"] }

        init(user: String?, project: String?) throws {
            let fm = FileManager.default
            try fm.createDirectory(atPath: configHome + "/psqlui", withIntermediateDirectories: true)
            try fm.createDirectory(atPath: self.project + "/.psqlui", withIntermediateDirectories: true)
            try fm.createDirectory(atPath: workDir, withIntermediateDirectories: true)
            if let user { try user.write(toFile: userFile, atomically: true, encoding: .utf8) }
            if let project { try project.write(toFile: projectFile, atomically: true, encoding: .utf8) }
        }

        func load(skipFiles: Bool = false) -> ConfigStore {
            ConfigStore.load(environment: environment, currentDirectory: workDir, skipFiles: skipFiles)
        }

        func trustProject() throws {
            try ProjectTrust.trust(directory: project, configPath: userFile)
        }
    }

    @Test func userFileOverridesDefaultsAndSaysWhere() throws {
        let layout = try Layout(user: "[display]\nborder = 2\nnull = \"¤\"\n", project: nil)
        let config = layout.load()
        #expect(config.value(.displayBorder) == .integer(2))
        #expect(config.value(.displayNull) == .string("¤"))
        #expect(config.source(.displayBorder) == .userFile(layout.userFile))
        #expect(config.value(.displayFooter) == .bool(true))
        #expect(config.source(.displayFooter) == .defaultValue)
        #expect(config.messages.isEmpty)
    }

    @Test func trustedProjectWinsOverUserAndCommandLineWinsOverBoth() throws {
        let layout = try Layout(user: "warn_destructive = false\n[display]\nborder = 2\nfooter = false\n",
                                project: "[display]\nborder = 0\n")
        try layout.trustProject()
        var config = layout.load()
        #expect(config.value(.displayBorder) == .integer(0))
        #expect(config.source(.displayBorder) == .projectFile(layout.projectFile))
        #expect(config.value(.displayFooter) == .bool(false))  // the project did not set it
        #expect(config.source(.displayFooter) == .userFile(layout.userFile))
        #expect(config.value(.warnDestructive) == .bool(false))
        config.setFromCommandLine(.displayBorder, .integer(1))
        #expect(config.value(.displayBorder) == .integer(1))
        #expect(config.source(.displayBorder) == .commandLine)
        #expect(config.printedLines().contains("display.border = 1  # command line"))
        #expect(config.printedLines().contains("display.footer = false  # user file \(layout.userFile)"))
    }

    @Test func skipFilesReadsNothing() throws {
        let layout = try Layout(user: "[display]\nborder = 2\n", project: "[display]\nborder = 0\n")
        try layout.trustProject()
        let config = layout.load(skipFiles: true)
        #expect(config.value(.displayBorder) == .integer(1))
        #expect(config.source(.displayBorder) == .defaultValue)
        #expect(config.messages.isEmpty)
        #expect(config.plugins.trustedProjects.isEmpty)
    }

    @Test func malformedFileIsOneMessageWithFileAndLineThenDefaults() throws {
        let layout = try Layout(user: "# my settings\n[display]\nborder = 2\nnull = \"unterminated\n", project: nil)
        let config = layout.load()
        #expect(config.messages.count == 1)
        let message = try #require(config.messages.first)
        #expect(message.hasPrefix("psqlui: error: \(layout.userFile):4:"), "\(message)")
        #expect(message.contains("ignoring this file"))
        #expect(config.value(.displayBorder) == .integer(1))  // nothing from the broken file
        #expect(config.source(.displayBorder) == .defaultValue)
    }

    @Test func unknownKeyIsWarnedWithItsNameAndFileAndTheRestApplies() throws {
        let layout = try Layout(user: "colour = true\n[display]\nbordr = 2\nfooter = false\n[history]\nsize = \"big\"\n", project: nil)
        let config = layout.load()
        #expect(config.messages.contains("psqlui: warning: \(layout.userFile): unknown key \"colour\" (ignored)"))
        #expect(config.messages.contains("psqlui: warning: \(layout.userFile): unknown key \"display.bordr\" (ignored)"))
        #expect(config.messages.contains { $0.contains("history.size: expected an integer") })
        #expect(config.value(.displayFooter) == .bool(false))
        #expect(config.value(.historySize) == .integer(2000))
    }

    @Test func untrustedProjectIsIgnoredWithOneNoticeSayingHowToTrustIt() throws {
        let layout = try Layout(user: nil, project: "pager = \"rm -rf ~\"\n[display]\nborder = 0\n")
        try FileManager.default.createDirectory(atPath: layout.project + "/.psqlui/plugins", withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: layout.project + "/.psqlui/plugins/libevil.so", contents: Data())
        let config = layout.load()
        #expect(config.value(.pager) == nil)
        #expect(config.value(.displayBorder) == .integer(1))
        #expect(config.messages.count == 1)
        #expect(config.messages.first?.contains("untrusted project \(layout.project)") == true)
        #expect(config.messages.first?.contains(".psqlui/config.toml and .psqlui/plugins") == true)
        #expect(config.messages.first?.hasSuffix("to trust it: psqlui --trust-project \(layout.project)") == true)
        #expect(config.reportedUntrustedProject)
        // Plugin discovery then stays quiet about the same project.
        var discovery = PluginDiscovery(environment: layout.environment, currentDirectory: layout.workDir)
        discovery.announcesUntrustedProject = !config.reportedUntrustedProject
        #expect(discovery.discover().notices.isEmpty)
    }

    @Test func pluginFlagsAndTablesMergeProjectOverUser() throws {
        let layout = try Layout(user: "[plugins]\nyaml = false\n[plugins.explain]\nbar_width = 30\n",
                                project: "[plugins.explain]\nbar_width = 10\n")
        try layout.trustProject()
        let config = layout.load()
        #expect(!config.plugins.isEnabled("yaml"))
        #expect(config.plugins.tables["explain"]?["bar_width"] == .integer(10))
        #expect(config.plugins.trustedProjects.count == 1)
    }

    @Test func trustKeepsTheFileAndAddsTheDirectoryOnce() throws {
        let original = "# keep me\nwarn_destructive = false\ntrusted_projects = [\n  \"/a\", # first\n]\n[display]\nborder = 2\n"
        let once = try ProjectTrust.addingTrust("/b", to: original, path: "c.toml")
        #expect(once == "# keep me\nwarn_destructive = false\ntrusted_projects = [\"/a\", \"/b\"]\n[display]\nborder = 2\n")
        #expect(try ProjectTrust.addingTrust("/b", to: once, path: "c.toml") == once)
        let fresh = try ProjectTrust.addingTrust("/b", to: "[display]\nborder = 2\n", path: "c.toml")
        #expect(fresh == "trusted_projects = [\"/b\"]\n[display]\nborder = 2\n")
        #expect(throws: ProjectTrust.Failure.self) { try ProjectTrust.addingTrust("/b", to: "x = ", path: "c.toml") }
    }

    @Test func trustCreatesTheUserFileThenTheProjectApplies() throws {
        let layout = try Layout(user: nil, project: "[display]\nborder = 0\n")
        #expect(layout.load().value(.displayBorder) == .integer(1))
        try layout.trustProject()
        #expect(FileManager.default.fileExists(atPath: layout.userFile))
        let config = layout.load()
        #expect(config.value(.displayBorder) == .integer(0))
        #expect(config.messages.isEmpty)
    }

    /// `--print-config` shows each value as TOML that reads back to it, on one line.
    @Test(arguments: [
        (ConfigValue.string("a\nb\u{01}\"\\"), #""a\nb\u0001\"\\""#),
        (.table(["a b": .integer(1), "c": .double(.infinity), "d": .array([.bool(true), .string("x")])]), #"{ "a b" = 1, c = inf, d = [true, "x"] }"#),
        (.double(5), "5.0"), (.array([]), "[]"), (.table([:]), "{}"),
    ])
    func printedValuesAreOneLineTOML(_ value: ConfigValue, _ text: String) throws {
        #expect(ConfigStore.tomlText(value) == text)
        let back = try TOMLParser.parse("v = " + text)["v"]
        #expect(back.flatMap { PluginsConfig.configValue($0) } == value)
    }

    @Test func invalidUTF8IsAMalformedFileWithItsLineNotReplaced() throws {
        let bytes = Array("[display]\nnull = \"".utf8) + [0xFF] + Array("\"\n".utf8)
        let error = try #require(throws: ConfigFileError.self) { try ConfigFile(bytes: bytes, path: "c.toml", scope: .user) }
        #expect(error.description == "psqlui: error: c.toml:2:9: invalid UTF-8 (TOML files must be UTF-8 text); ignoring this file")
    }

    @Test func trustKeepsTheConfigFilesMode() throws {
        let layout = try Layout(user: "[display]\nborder = 2\n", project: nil)
        #expect(chmod(layout.userFile, 0o600) == 0)
        try layout.trustProject()
        var st = stat()
        #expect(stat(layout.userFile, &st) == 0 && st.st_mode & 0o777 == 0o600)
        #expect(layout.load().plugins.trustedProjects.count == 1)
    }
}
