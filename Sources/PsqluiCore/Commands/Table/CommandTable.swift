import FoundationEssentials
import PsqluiPluginAPI

/// psqlui's one command table: every command name and alias — colon, backslash and
/// plugin — maps to one `CommandEntry`, and every export format name to its exporter.
///
/// Dispatch, `:help`, completion, `:set`'s refusal of command names and the man page
/// all read this table; there is no other list of command names. A line is parsed
/// once into a `CommandCall` with the grammar its entry declares (`colonCall`,
/// `backslashCall`). `Host` is the host's own command type (the REPL's commands);
/// plugin commands are run by `plugins` after activation.
///
/// Lookups are synchronous and safe from the line editor's completion callback.
public final class CommandTable<Host>: CommandDirectory, PluginNameRouting, @unchecked Sendable {
    private enum FormatRoute {
        case builtin(ExporterSpec)
        case plugin(String)
    }

    public let plugins: PluginRegistry
    private let lock = Lock()
    private var entries: [String: CommandEntry<Host>] = [:]
    private var formats: [String: FormatRoute] = [:]
    /// Backslash base names taking psql's option letters (`\df` → `anptwS+`).
    private var modifierForms: [String: (letters: Set<Character>, entry: CommandEntry<Host>)] = [:]

    /// An empty table whose plugin commands and formats come from `plugins` (the
    /// registry routes declared names here when it registers a plugin).
    public init(plugins: PluginRegistry) {
        self.plugins = plugins
        plugins.routing = self
    }

    // MARK: Registration

    /// Registers a host command under its name and every alias. A name registered
    /// twice is a programming error (two commands would answer to it).
    public func register(_ description: CommandDescription, grammar: ArgumentGrammar, host: Host) {
        lock.withLock {
            for name in description.allNames {
                precondition(entries[name] == nil, "command name \(name) is registered twice")
                entries[name] = CommandEntry(description: description, grammar: grammar, target: .host(host))
            }
            for (base, letters) in description.modifierForms {
                precondition(modifierForms[base] == nil, "option letters of \(base) are declared twice")
                modifierForms[base] = (letters, CommandEntry(description: description, grammar: grammar, target: .host(host)))
            }
        }
    }

    /// Registers a built-in export format.
    public func register(format spec: ExporterSpec) {
        lock.withLock { formats[spec.name] = .builtin(spec) }
    }

    public func claimCommand(_ name: String, plugin: String) -> String? {
        lock.withLock {
            if let taken = entries[name] { return taken.plugin.map { "plugin \"\($0)\"" } ?? "psqlui" }
            entries[name] = CommandEntry(description: nil, grammar: .words, target: .plugin(plugin))
            return nil
        }
    }

    public func claimFormat(_ name: String, plugin: String) -> String? {
        lock.withLock {
            switch formats[name] {
            case .builtin?: return "psqlui"
            case .plugin(let p)?: return "plugin \"\(p)\""
            case nil:
                formats[name] = .plugin(plugin)
                return nil
            }
        }
    }

    // MARK: Lookups

    /// The entry for `name` (a colon name, or `\name` for a backslash form); a plugin
    /// entry carries its description once the plugin is active.
    /// A backslash name not registered as such finds the command whose base name it
    /// starts with when the next character is one of that command's option letters
    /// (`\dfan+` is `\df`'s; the longest base wins), or any character when the letters
    /// include `*` (psql ignores what follows `\dn`). The handler reads the letters.
    public func entry(named name: String) -> CommandEntry<Host>? {
        guard var entry = lock.withLock({ entries[name] ?? modifierEntry(name) }) else { return nil }
        if case .plugin(let p) = entry.target, let spec = plugins.activeCommandSpec(plugin: p, name: name) {
            entry.description = CommandDescription(spec)
        }
        return entry
    }

    /// The option-letter form `name` is (see `entry(named:)`); call with the lock held.
    private func modifierEntry(_ name: String) -> CommandEntry<Host>? {
        guard name.hasPrefix("\\"), !modifierForms.isEmpty else { return nil }
        var end = name.endIndex
        while end > name.index(after: name.startIndex) {
            end = name.index(before: end)
            if let form = modifierForms[String(name[..<end])], form.letters.contains(name[end]) || form.letters.contains("*") {
                return form.entry
            }
        }
        return nil
    }

    public func isCommand(_ name: String) -> Bool { lock.withLock { entries[name] != nil } }

    public var commandNames: [String] { lock.withLock { entries.keys.sorted() } }

    public var formatNames: [String] { lock.withLock { formats.keys.sorted() } }

    public func description(of name: String) -> CommandDescription? { entry(named: name)?.description }

    public var descriptions: [CommandDescription] {
        var seen = Set<String>()
        var out: [CommandDescription] = []
        for name in commandNames {
            if let d = description(of: name), seen.insert(d.name).inserted { out.append(d) }
        }
        return out
    }

    public func plugin(providingCommand name: String) -> String? { lock.withLock { entries[name]?.plugin } }

    /// The plugin providing format `name`, nil for a built-in or unknown format.
    public func plugin(providingFormat name: String) -> String? {
        lock.withLock { if case .plugin(let p)? = formats[name] { return p } else { return nil } }
    }

    /// The export format `name`, activating its plugin if needed; nil when unknown.
    /// Throws `PluginFault` when the plugin is disabled or fails to activate.
    public func exporter(named name: String) async throws -> ExporterSpec? {
        switch lock.withLock({ formats[name] }) {
        case nil: return nil
        case .builtin(let spec)?: return spec
        case .plugin(let p)?: return try await plugins.exporter(plugin: p, format: name)
        }
    }

    // MARK: Parsing a line into a call

    /// The call a colon line makes — after optional whitespace, `:` then a registered
    /// name, then whitespace or the end of the line — or nil when the line is SQL
    /// (`::int`, `:=`, `:'var'`, `:var` are not commands).
    public func colonCall(_ line: [UInt8], lineNumber: Int = 0, variables: VariableLookup?) -> (CommandEntry<Host>, CommandCall)? {
        var i = 0
        while i < line.count, line[i] == UInt8(ascii: " ") || line[i] == UInt8(ascii: "\t") { i += 1 }
        guard i < line.count, line[i] == UInt8(ascii: ":") else { return nil }
        i += 1
        let nameStart = i
        while i < line.count, !MetaCommandSyntax.isSpace(line[i]) { i += 1 }
        guard i > nameStart else { return nil }
        let name = String(decoding: line[nameStart..<i], as: UTF8.self)
        guard let entry = entry(named: name) else { return nil }
        let arguments = Array(line[i...])
        let words = MetaCommandArguments.split(arguments, grammar: entry.grammar, variables: variables)
        return (entry, CommandCall(name: name, form: .colon, arguments: arguments, words: words, line: lineNumber))
    }

    /// The call a backslash command makes, nil when no command has that name;
    /// `backticks` evaluates psql's `` `command` `` in its arguments (nil: kept as typed),
    /// in the first `backtickWords(entry)` words only (psql reads the words a command
    /// does not take without running anything).
    public func backslashCall(_ meta: MetaCommandCall, variables: VariableLookup?,
                              backticks: MetaCommandArguments.BacktickRunner? = nil,
                              backtickWords: (CommandEntry<Host>) -> Int? = { _ in nil }) -> (CommandEntry<Host>, CommandCall)? {
        guard let entry = entry(named: "\\" + meta.name) else { return nil }
        let words = MetaCommandArguments.split(meta.arguments, grammar: entry.grammar, variables: variables, backticks: backticks,
                                               backtickWords: backticks == nil ? 0 : backtickWords(entry) ?? .max)
        return (entry, CommandCall(name: meta.name, form: .backslash, arguments: meta.arguments, words: words,
                                   precedingSQL: meta.precedingSQL, line: meta.line))
    }
}
