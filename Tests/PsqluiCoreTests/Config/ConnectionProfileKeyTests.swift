import PsqluiCore
import PsqluiPluginAPI
import Testing

/// The `[connections.NAME]` keys beyond the connection itself: `ssh` (handed to the
/// plugins' connection hooks), `prompt` and `color`.
struct ConnectionProfileKeyTests {
    @Test func sshIsAConnectionSettingForThePluginsAndCommandLineWins() throws {
        let p = try ConnectionProfile.profile(name: "prod", ["host": .string("db"), "ssh": .string("me@bastion")]).get()
        #expect(p.hookSettings == ["ssh": .string("me@bastion")])
        #expect(p.settings().hookSettings == ["ssh": .string("me@bastion")])
        var line = ConnectionSettings()
        line.hookSettings = ["ssh": .string("other@jump")]
        #expect(ConnectionProfile.merged(p.settings(), under: line).hookSettings == ["ssh": .string("other@jump")])
    }

    @Test func promptAndColor() throws {
        let plain = try ConnectionProfile.profile(name: "p", ["prompt": .string("prod %/%# ")]).get()
        #expect(plain.promptTemplate(colorAllowed: true) == "prod %/%# ")
        let red = try ConnectionProfile.profile(name: "p", ["prompt": .string("prod> "), "color": .string("red")]).get()
        #expect(red.promptTemplate(colorAllowed: true) == "%[%033[31m%]prod> %[%033[0m%]")
        #expect(red.promptTemplate(colorAllowed: false) == "prod> ", "NO_COLOR, or no terminal: no colour")
        let defaulted = try ConnectionProfile.profile(name: "p", ["color": .string("Green")]).get()
        #expect(defaulted.promptTemplate(colorAllowed: true) == "%[%033[32m%]%/%R%x%# %[%033[0m%]")
        #expect(try ConnectionProfile.profile(name: "p", [:]).get().promptTemplate(colorAllowed: true) == nil)
        let bad = ConnectionProfile.profile(name: "p", ["color": .string("plaid")])
        #expect((try? bad.get()) == nil)
        let notString = ConnectionProfile.profile(name: "p", ["prompt": .integer(1)])
        #expect((try? notString.get()) == nil)
    }
}
