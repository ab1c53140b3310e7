import PsqluiCore
import PsqluiPluginAPI
import PsqluiTestKit
import Testing
@testable import ClipboardPlugin

/// The clipboard plugin's pure parts and its command on a recording context (the
/// terminal path is tested in tmux by ClipboardTests).
struct ClipboardPluginUnitTests {
    @Test(arguments: [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foobar", "Zm9vYmFy"), ("é\n", "w6kK")])
    func base64IsRFC4648(_ text: String, _ encoded: String) {
        #expect(String(decoding: OSC52.base64(Array(text.utf8)), as: UTF8.self) == encoded)
    }

    @Test func osc52SequenceWrapsTheBase64() {
        #expect(OSC52.sequence(for: Array("hi".utf8)) == Array("\u{1B}]52;c;aGk=\u{07}".utf8))
    }

    @Test(arguments: [
        (["TMUX": "/tmp/t,1,0", "DISPLAY": ":0"], ["xclip"], ClipboardMethod.osc52),
        (["SSH_TTY": "/dev/pts/1", "WAYLAND_DISPLAY": "w"], ["wl-copy"], .osc52),
        (["WAYLAND_DISPLAY": "wayland-0"], ["wl-copy", "xclip"], .wlCopy),
        (["WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"], ["xclip"], .xclip),
        (["DISPLAY": ":0"], [], .osc52),
        ([:], ["pbcopy"], .pbcopy),
        ([:], [], .osc52),
    ] as [([String: String], [String], ClipboardMethod)])
    func automaticMethodPrefersTheTerminalOverSSHAndTmux(_ env: [String: String], _ installed: [String], _ expected: ClipboardMethod) {
        #expect(ClipboardMethod.automatic(environment: env, isInstalled: { installed.contains($0) }) == expected)
    }

    @Test func settingsComeFromThePluginsConfigTable() throws {
        let s = try YankCommand.Settings(config: ["method": .string("xclip"), "max_bytes": .integer(10), "format": .string("csv")])
        #expect(s.method == .xclip && s.maxBytes == 10 && s.format == "csv")
        #expect(try YankCommand.Settings(config: ["method": .string("auto")]).method == nil)
        #expect(throws: ClipboardError.self) { try YankCommand.Settings(config: ["method": .string("carrier pigeon")]) }
        #expect(throws: ClipboardError.self) { try YankCommand.Settings(config: ["max_bytes": .integer(0)]) }
    }

    @Test func contractChecksPass() async {
        #expect(await PluginContractChecks.check(ClipboardPluginDescriptor(), coreVersion: PluginCompatibility.coreVersion).isEmpty)
    }

    @Test func aResultOverTheLimitIsRefusedBeforeAnythingIsCopied() async throws {
        let table = QueryTable(columns: [ColumnInfo(name: "x", typeOID: TypeOID.text)], rows: [[String(repeating: "x", count: 300)]])
        let session = FakeQueryService(tables: ["select x from t": table])
        let context = RecordingCommandContext(session: session, previousStatement: "select x from t;", isInteractive: true,
                                              formats: [BuiltinExporters.named("csv")!])
        var settings = YankCommand.Settings()
        settings.maxBytes = 100
        let yank = YankCommand(settings: settings, intel: StubSqlIntel())
        await #expect(throws: ClipboardError.self) { try await yank.run(CommandInvocation(name: "yank", arguments: "csv", words: ["csv"]), context) }
        #expect(context.lines.isEmpty)
    }
}
