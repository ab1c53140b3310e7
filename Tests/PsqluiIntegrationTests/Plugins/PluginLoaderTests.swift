import Foundation
import PsqluiCore
import PsqluiPluginAPI
import PsqluiTestKit
import Testing

/// The loader and registry with real plugin libraries, loaded into this test process
/// (which links psqlui's libPsqluiPluginAPI.so, as the psqlui executable does).
/// Serialized: the good fixture reports through one environment variable.
@Suite(.serialized)
struct PluginLoaderTests {
    let loader = PluginLoader()

    @Test func goodPluginLoadsAsADescriptorWithItsDeclarations() throws {
        let plugin = try loader.load(PluginFixtures.library("GoodPlugin"))
        #expect(plugin.descriptor.name == "good")
        #expect(plugin.descriptor.version == SemanticVersion(1, 0, 0))
        #expect(plugin.descriptor.declaredCommands == ["hello", "hi"])
        #expect(plugin.descriptor.declaredFormats == ["shout"])
    }

    @Test func wrongABIIsRefusedBeforeTheEntryRuns() {
        #expect(throws: PluginLoadError.abiMismatch(path: PluginFixtures.library("WrongABI"), plugin: 999, host: psqluiPluginABIVersion)) {
            try loader.load(PluginFixtures.library("WrongABI"))
        }
    }

    @Test func toolchainMismatchIsRefusedWithBothVersions() throws {
        do {
            _ = try loader.load(PluginFixtures.library("ToolchainMismatch"))
            Issue.record("a plugin built with Swift 5.9 was loaded")
        } catch let error as PluginLoadError {
            #expect(error == .toolchainMismatch(path: PluginFixtures.library("ToolchainMismatch"), plugin: "5.9",
                                                host: PluginToolchain.compiledWith.description))
            #expect(error.description.contains("same toolchain"))
        }
    }

    @Test func theHostAndPluginToolchainStringsMatchForAPluginBuiltHere() throws {
        // The good fixture passed the toolchain check, so its baked-in string equals ours;
        // and ours names this compiler, not the API library's.
        _ = try loader.load(PluginFixtures.library("GoodPlugin"))
        #expect(PluginToolchain.compiledWith.description.hasPrefix("6."))
    }

    @Test func aTextFileNamedLikeALibraryIsReportedNotLoaded() {
        do {
            _ = try loader.load(PluginFixtures.notALibrary)
            Issue.record("a text file was loaded")
        } catch let error as PluginLoadError {
            guard case .notALibrary = error else { Issue.record("unexpected \(error)"); return }
            #expect(error.description.contains("not a loadable shared library"))
        } catch { Issue.record("unexpected \(error)") }
    }

    /// Issue 9 item 15: a truncated .so in the plugin folder crashed psqlui (SIGBUS in
    /// the dynamic loader). Now it is refused before dlopen, naming the file.
    @Test(arguments: [100, 4096, 0.5] as [Double])
    func aTruncatedLibraryIsRefusedWithItsNameAndPsqluiRuns(keep: Double) throws {
        let whole = try Data(contentsOf: URL(fileURLWithPath: PluginFixtures.library("GoodPlugin")))
        let count = keep < 1 ? Int(Double(whole.count) * keep) : Int(keep)
        let dir = NSTemporaryDirectory() + "psqlui-truncated-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let path = dir + "/libTruncated.so"
        try whole.prefix(count).write(to: URL(fileURLWithPath: path))
        let db = try TestServer.makeDatabase(prefix: "trunc")
        let out = try TestServer.psqlui(["-c", "select 7 as seven"], database: db, extraEnv: ["PSQLUI_PLUGIN_PATH": dir])
        #expect(out.status == 0, "\(out)")
        #expect(out.out.contains("seven") && out.out.contains("7"), "\(out)")
        #expect(out.err.contains("\(path): the file is damaged: truncated"), "\(out.err)")
    }

    @Test func aLibraryWithoutTheEntrySymbolsIsNotAPlugin() throws {
        // psqlui's own copy of the API library (loading the fixtures' copy would put a
        // second API image in this process and spoil the one-copy test below).
        let maps = String(decoding: try #require(FileHandle(forReadingAtPath: "/proc/self/maps")).readDataToEndOfFile(), as: UTF8.self)
        let api = try #require(maps.split(separator: "\n").compactMap { $0.split(separator: " ").last }
            .first { $0.hasSuffix("/libPsqluiPluginAPI.so") }).description
        #expect(throws: PluginLoadError.missingSymbol(path: api, symbol: "psqlui_plugin_abi_version")) {
            try loader.load(api)
        }
    }

    @Test func minimumCoreTooHighIsRefusedAtRegistrationAndListed() throws {
        let registry = PluginRegistry()
        let plugin = try loader.load(PluginFixtures.library("MinCoreTooHigh"))
        let messages = registry.register([(plugin.descriptor, .pluginPath(plugin.path))])
        #expect(messages.count == 1)
        #expect(messages.first?.contains("needs psqlui core 99.0.0 or newer") == true)
        #expect(registry.plugins.first?.state == .refused(reason: "needs psqlui core 99.0.0 or newer (this is \(PsqluiCoreInfo.version))"))
    }

    @Test func declaredNamesAreRegisteredWithoutRunningPluginCodeAndActivationIsLazy() async throws {
        let marker = NSTemporaryDirectory() + "psqlui-marker-" + UUID().uuidString
        setenv("PSQLUI_FIXTURE_MARKER", marker, 1)
        defer { unsetenv("PSQLUI_FIXTURE_MARKER") }
        let dir = try PluginFixtures.directory(with: ["GoodPlugin"])
        let registry = PluginRegistry()
        let table = CommandTable<Never>.forPlugins(registry)
        let notices = PluginStartup.run(registry: registry, builtins: [],
                                        discovery: PluginDiscovery(environment: ["PSQLUI_PLUGIN_PATH": dir], currentDirectory: "/"))
        #expect(notices.isEmpty)
        #expect(table.isCommand("hello") && table.isCommand("hi"))
        #expect(table.formatNames.contains("shout"))
        #expect(registry.state(of: "good") == .declared)
        #expect(!FileManager.default.fileExists(atPath: marker), "plugin code ran before first use")

        let ctx = RecordingCommandContext()
        let outcome = await table.runPluginCommand("hi", "ann", context: ctx)
        #expect(outcome == .succeeded)
        #expect(ctx.lines == ["hello, ann from good"])
        #expect(registry.state(of: "good") == .active)
        _ = await table.runPluginCommand("hello", "", context: ctx)
        let shutdownLines = await registry.shutdown()
        #expect(shutdownLines.isEmpty)
        let log = try String(contentsOfFile: marker, encoding: .utf8)
        #expect(log == "activated\ncommand ann\ncommand \nshutdown\n", "activated once, before the first command; shut down at exit")
    }

    @Test func aPluginFormatActivatesOnFirstUseAndExports() async throws {
        let plugin = try loader.load(PluginFixtures.library("GoodPlugin"))
        let registry = PluginRegistry()
        let table = CommandTable<Never>.forPlugins(registry)
        registry.register([(plugin.descriptor, .pluginPath(plugin.path))])
        let spec = try #require(try await table.exporter(named: "shout"))
        let text = try await ExporterHarness.exportText(spec, columns: [ColumnInfo(name: "a", typeOID: TypeOID.text)],
                                                        rows: [["abc"], [nil]])
        #expect(text == "ABC\nNULL\n")
    }

    @Test func twoOutsidePluginsShareOneCopyOfTheAPILibrary() throws {
        let a = try loader.load(PluginFixtures.library("GoodPlugin"))
        let b = try loader.load(PluginFixtures.library("DepBase"))
        #expect(a.descriptor.name == "good" && b.descriptor.name == "base")
        // /proc files report size 0: read to the end, not by the reported size.
        let maps = String(decoding: try #require(FileHandle(forReadingAtPath: "/proc/self/maps")).readDataToEndOfFile(), as: UTF8.self)
        let apiPaths = Set(maps.split(separator: "\n").compactMap { line -> String? in
            guard let path = line.split(separator: " ", omittingEmptySubsequences: true).last, path.hasSuffix("/libPsqluiPluginAPI.so") else { return nil }
            return String(path)
        })
        #expect(apiPaths.count == 1, "loaded copies of the plugin API: \(apiPaths.sorted())")
        #expect(maps.contains("libGoodPlugin.so") && maps.contains("libDepBase.so"))
    }

    @Test func aThrowingCommandIsReportedByNameThreeTimesThenThePluginIsDisabled() async throws {
        let plugin = try loader.load(PluginFixtures.library("ThrowingPlugin"))
        let registry = PluginRegistry()
        let table = CommandTable<Never>.forPlugins(registry)
        registry.register([(plugin.descriptor, .pluginPath(plugin.path))])
        let ctx = RecordingCommandContext()
        for _ in 0..<3 {
            #expect(await table.runPluginCommand("boom", "", context: ctx) == .failed)
        }
        #expect(ctx.errors == [
            "plugin \"thrower\": boom went the plugin",
            "plugin \"thrower\": boom went the plugin",
            "plugin \"thrower\": boom went the plugin",
            "plugin \"thrower\" is disabled for this session after 3 failures; re-enable it with :plugins enable thrower",
        ])
        #expect(registry.state(of: "thrower") == .failed(failures: 3))
        let after = RecordingCommandContext()
        #expect(await table.runPluginCommand("boom", "", context: after) == .failed)
        #expect(after.errors == ["plugin \"thrower\" was disabled after repeated failures; re-enable it with :plugins enable thrower"])
        #expect(registry.enable("thrower") == "plugin \"thrower\" enabled")
        let again = RecordingCommandContext()
        #expect(await table.runPluginCommand("boom", "", context: again) == .failed)
        #expect(again.errors == ["plugin \"thrower\": boom went the plugin"])
    }

    @Test func dependenciesLoadInOrderAndCyclesAreReported() async throws {
        let dir = try PluginFixtures.directory(with: ["DepUser", "DepBase", "CycleA", "CycleB"])
        let registry = PluginRegistry()
        let table = CommandTable<Never>.forPlugins(registry)
        let notices = PluginStartup.run(registry: registry, builtins: [],
                                        discovery: PluginDiscovery(environment: ["PSQLUI_PLUGIN_PATH": dir], currentDirectory: "/"))
        let names = registry.plugins.map(\.name)
        #expect(names.firstIndex(of: "base")! < names.firstIndex(of: "user")!)
        #expect(notices.contains("psqlui: plugin \"cyclea\" not loaded (PSQLUI_PLUGIN_PATH: \(dir)/libCycleA.so): dependency cycle: cyclea → cycleb → cyclea"))
        #expect(notices.filter { $0.contains("cycleb") && $0.contains("dependency cycle") }.count == 2)
        #expect(registry.state(of: "cyclea") == nil && registry.state(of: "base") == .declared)

        let ctx = RecordingCommandContext()
        #expect(await table.runPluginCommand("whoami-base", "", context: ctx) == .succeeded)
        #expect(registry.state(of: "base") == .active, "a dependency is activated before its dependent")
    }

    @Test func aMissingDependencyIsReported() throws {
        let plugin = try loader.load(PluginFixtures.library("DepUser"))
        let registry = PluginRegistry()
        let messages = registry.register([(plugin.descriptor, .pluginPath(plugin.path))])
        #expect(messages == ["psqlui: plugin \"user\" not loaded (PSQLUI_PLUGIN_PATH: \(plugin.path)): needs plugin \"base\", which is not installed"])
    }

    @Test func anUntrustedProjectsPluginsAreNotLoadedAndTheUserIsToldHowToTrustIt() throws {
        let project = NSTemporaryDirectory() + "psqlui-project-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: project + "/.psqlui/plugins", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: project + "/.psqlui/plugins/libGoodPlugin.so",
                                                   withDestinationPath: PluginFixtures.library("GoodPlugin"))
        try FileManager.default.createDirectory(atPath: project + "/sub", withIntermediateDirectories: true)
        let home = NSTemporaryDirectory() + "psqlui-home-" + UUID().uuidString

        let untrusted = PluginDiscovery(environment: ["HOME": home], currentDirectory: project + "/sub").discover()
        #expect(untrusted.candidates.isEmpty)
        #expect(untrusted.notices == ["psqlui: not loading plugins from untrusted project \(project); to trust it: psqlui --trust-project \(project)"])

        let trusted = PluginDiscovery(environment: ["HOME": home], currentDirectory: project + "/sub", trustedProjects: [project]).discover()
        #expect(trusted.candidates.map(\.path) == [project + "/.psqlui/plugins/libGoodPlugin.so"])
        #expect(trusted.notices.isEmpty)

        let noOutside = PluginDiscovery(environment: ["HOME": home, "PSQLUI_PLUGIN_PATH": project + "/.psqlui/plugins"],
                                        currentDirectory: project, trustedProjects: [project], noOutsidePlugins: true).discover()
        #expect(noOutside.candidates.isEmpty && noOutside.notices.isEmpty, "-X loads no outside plugin")
    }

    @Test func theUserDataDirectoryIsSearchedAndNonLibrariesAreReported() throws {
        let home = NSTemporaryDirectory() + "psqlui-home-" + UUID().uuidString
        let dir = home + "/.local/share/psqlui/plugins"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: dir + "/libDepBase.so", withDestinationPath: PluginFixtures.library("DepBase"))
        try FileManager.default.createSymbolicLink(atPath: dir + "/not-a-library.so", withDestinationPath: PluginFixtures.notALibrary)
        try "notes".write(toFile: dir + "/README.txt", atomically: true, encoding: .utf8)
        let registry = PluginRegistry()
        let notices = PluginStartup.run(registry: registry, builtins: [],
                                        discovery: PluginDiscovery(environment: ["HOME": home], currentDirectory: "/"))
        #expect(registry.state(of: "base") == .declared)
        #expect(notices.count == 1)
        #expect(notices.first?.contains("not-a-library.so: not a loadable shared library") == true)
        #expect(registry.plugins.contains { $0.name == "not-a-library" && $0.state.description == "refused" })
    }

    @Test func pluginsLoadAtRuntimeSaysARestartIsNeededForAChangedLibrary() async throws {
        let registry = PluginRegistry()
        PluginStartup.run(registry: registry, builtins: [], discovery: PluginDiscovery(environment: [:], currentDirectory: "/", noOutsidePlugins: true))
        let plugins = PluginsCommand.spec(registry: registry)
        func run(_ arguments: String, _ context: CommandContext) async throws {
            try await plugins.handler(CommandInvocation(name: "plugins", arguments: arguments), context)
        }
        let ctx = RecordingCommandContext()
        let path = URL(fileURLWithPath: PluginFixtures.library("DepBase")).resolvingSymlinksInPath().path
        try await run("load \(path)", ctx)
        #expect(ctx.lines.first?.hasPrefix("loaded plugin \"base\" 1.2.0 from \(path)") == true)
        #expect(ctx.lines.first?.contains("a changed .so needs a restart") == true)
        let again = RecordingCommandContext()
        try await run("load \(path)", again)
        #expect(again.lines.first?.contains("already loaded") == true)
        #expect(again.lines.first?.contains("needs a restart") == true)
    }
}
