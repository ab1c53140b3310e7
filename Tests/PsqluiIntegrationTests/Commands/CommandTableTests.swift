import Foundation
import CommentsPlugin
import ExplainPlugin
import PsqluiCore
@testable import PsqluiREPL
import Testing

/// Issue 10's table-driven acceptance: every name and alias in the one command table
/// dispatches, is shown by `:help NAME`, is offered by completion, and is refused by
/// `:set NAME 1` — and names that are not commands are not refused.
@Suite struct CommandTableTests {
    /// The table the binary builds with `-X` (host commands, core commands, built-in
    /// plugins). Not `startPlugins`: its blocking wait for activation on the 2-thread
    /// cooperative pool deadlocked this suite.
    let table = App.commandTable(skipConfig: true, builtins: [ExplainPluginDescriptor(), CommentsPluginDescriptor()], report: { _ in })

    @Test func everyNameDispatchesToTheEntryThatDeclaresIt() throws {
        let names = table.commandNames
        #expect(names.count > 60)
        for name in names {
            let found: (CommandEntry<any REPLCommand>, CommandCall)?
            if name.hasPrefix("\\") {
                found = table.backslashCall(MetaCommandCall(name: String(name.dropFirst()), arguments: [], line: 1), variables: { _ in nil })
            } else {
                found = table.colonCall(Array((":" + name).utf8), variables: { _ in nil })
            }
            let (entry, call) = try #require(found, "\(name) does not dispatch")
            #expect(call.tableKey == name)
            if let description = entry.description {
                #expect(description.allNames.contains(name), "\(name) dispatches to \(description.name)")
            } else {
                #expect(entry.plugin != nil, "\(name): only a plugin entry may lack a description")
            }
        }
    }

    /// psql's option letters after a backslash name (`\dfan+`, `\dPtn+`) reach the
    /// command that declares them; a first letter it does not take is no command.
    @Test func optionLettersReachTheirCommand() throws {
        for (typed, command) in [("dfan+", "functions"), ("dfS+", "functions"), ("dfwp", "functions"), ("dPtn+", "partitioned"),
                                 ("dPi", "partitioned"), ("dP+t", "partitioned"), ("dtv", "tables"), ("dit+", "indexes"),
                                 ("dEt", "foreignrelations"), ("dtx", "tables"), ("dox", "operators")] {
            let (entry, call) = try #require(table.backslashCall(MetaCommandCall(name: typed, arguments: [], line: 1), variables: { _ in nil }),
                                             "\\\(typed) does not dispatch")
            #expect(entry.description?.name == command)
            #expect(call.tableKey == "\\" + typed)
        }
        // psql 15 ignores the letters after `\do` and `\dt` (`\dox` lists operators), not after these.
        for typed in ["dfx", "dPS", "dPx", "dAx", "dFx"] {
            #expect(table.backslashCall(MetaCommandCall(name: typed, arguments: [], line: 1), variables: { _ in nil }) == nil, "\\\(typed)")
        }
        #expect(!table.commandNames.contains { $0.contains("[") })
    }

    @Test func everyNameIsOfferedByCompletion() {
        let engine = CompletionSources(snapshot: { MetadataCache().snapshot }, commands: table, variables: VariableStore()).engine()
        for name in table.commandNames {
            let typed = name.hasPrefix("\\") ? name : ":" + name
            let offered = engine.complete(text: typed, cursor: typed.count).filter { $0.kind == .command }.map(\.text)
            // The analyzer does not see `:!` and `:?` as a command being typed (completion's seam).
            if name == "!" || name == "?" { continue }
            #expect(offered.contains(typed) || offered.contains(name), "completion of \(typed) offers \(offered.prefix(5)) of \(engine.complete(text: typed, cursor: typed.count).prefix(3))")
        }
    }

    @Test func completeFlagOffersEveryName() throws {
        // `psqlui --complete :` and `--complete '\\'` list every command of the binary's table.
        var offered = Set<String>()
        for prefix in [":", "\\"] {
            let out = try TestServer.psqlui(["-X", "--complete", prefix], database: nil)
            for line in out.out.split(separator: "\n") {
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                if fields.count >= 2, fields[0] == "command" { offered.insert(String(fields[1])) }
            }
        }
        for name in table.commandNames {
            let typed = name.hasPrefix("\\") ? name : ":" + name
            #expect(offered.contains(typed), "--complete does not offer \(typed)")
        }
    }

    @Test func helpShowsEveryNameAndColonSetRefusesExactlyTheCommandNames() throws {
        let names = table.commandNames
        var script = ""
        // Quoted: `\!` unquoted would start the next command.
        for name in names { script += "\\echo '==== \(name.replacingOccurrences(of: "\\", with: "\\\\"))'\n:help \(name)\n" }
        let colonNames = names.filter { !$0.hasPrefix("\\") }
        for name in colonNames { script += ":set \(name) 1\n" }
        let notCommands = ["edits", "qq", "FOO", "exports", "timing2"]
        for name in notCommands { script += ":set \(name) 1\n" }
        script += "\\echo ==== vars :edits :qq :FOO :exports :timing2\n"
        let db = try TestServer.makeDatabase()
        let out = try TestServer.psqlui(["-X", "-f", "-"], database: db, stdin: Data(script.utf8), timeout: 120)
        #expect(out.status == 0, "\(out)")

        // :help NAME: its section names the command (usage or alias line).
        let sections = out.out.components(separatedBy: "==== ").dropFirst()
        var help: [String: String] = [:]
        for section in sections {
            let name = String(section.prefix { $0 != "\n" })
            help[name] = String(section.dropFirst(name.count))
        }
        for name in names {
            let text = try #require(help[name], "no :help output for \(name)")
            // The command's own usage line (`+`/`S` spellings show their base command's).
            if let usage = table.description(of: name)?.usage {
                #expect(text.contains("usage: " + usage), ":help \(name) does not show it:\n\(text)")
            } else {
                #expect(text.contains("provided by plugin"), ":help \(name) does not show it:\n\(text)")
            }
        }

        // :set refuses every colon name and alias (as a command name, or as a name no
        // variable can have: `!`, `?`, `d+`), and only those.
        let errors = out.err.split(separator: "\n").map(String.init)
        for name in colonNames {
            #expect(errors.contains { $0.hasSuffix("cannot set variable \"\(name)\": it is also a command name")
                || $0.hasSuffix("invalid variable name: \"\(name)\"") }, ":set \(name) 1 was not refused")
        }
        for name in notCommands { #expect(!errors.contains { $0.contains("\"\(name)\"") }) }
        #expect(out.out.contains("==== vars 1 1 1 1 1"))
    }

    @Test func theEAliasIsOneCommandWithEdit() throws {
        // The drift issue 10 names: `:e` was dispatched but not registered.
        #expect(table.description(of: "e")?.name == "edit")
        #expect(HelpCommand.detail(for: "edit", directory: table)?.contains { $0.contains(":e ") || $0.hasSuffix(":e") || $0.contains(":e,") } == true)
    }
}
