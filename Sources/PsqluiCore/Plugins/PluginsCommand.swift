import FoundationEssentials
import PsqluiPluginAPI

/// The built-in `:plugins` command: list plugins, enable or disable one, load a
/// library. Registered through the same `CommandSpec` as plugin commands.
public enum PluginsCommand {
    /// The command, acting on `registry`; `loader` opens libraries for `:plugins load`.
    public static func spec(registry: PluginRegistry, loader: PluginLoader = PluginLoader()) -> CommandSpec {
        CommandSpec(
            name: "plugins",
            summary: "list plugins; enable, disable or load one",
            usage: ":plugins [enable NAME | disable NAME | load PATH]",
            examples: [":plugins", ":plugins disable explain", ":plugins enable explain", ":plugins load ./libYamlExporter.so"],
            group: "Plugins",
            completion: .custom { typed in
                let words = MetaCommandArguments.split(Array(typed.utf8), grammar: .words, variables: nil)
                if words.count <= 1 && !typed.hasSuffix(" ") { return ["enable", "disable", "load"] }
                if words.first == "enable" || words.first == "disable" { return registry.plugins.map(\.name) }
                return []
            },
            handler: { invocation, context in
                let words = invocation.words
                switch words.first {
                case nil, "list"?:
                    for line in listing(registry.plugins) { context.write(line) }
                case "enable"? where words.count == 2:
                    context.write(registry.enable(words[1]))
                case "disable"? where words.count == 2:
                    for line in await registry.disable(words[1]) { context.write(line) }
                case "load"? where words.count == 2:
                    for line in load(words[1], registry: registry, loader: loader) { context.write(line) }
                default:
                    throw UsageError(text: "usage: :plugins [enable NAME | disable NAME | load PATH]")
                }
            })
    }

    /// Loads one library now and registers its plugin; returns the lines to show.
    public static func load(_ path: String, registry: PluginRegistry, loader: PluginLoader) -> [String] {
        let restartNote = "(a changed .so needs a restart of psqlui: a loaded library cannot be replaced)"
        let loaded: LoadedPlugin
        do {
            loaded = try loader.load(path)
        } catch {
            return ["psqlui: cannot load \(path): \(error)"]
        }
        let name = loaded.descriptor.name
        if let existing = registry.plugins.first(where: { $0.name == name && $0.source.path == loaded.path }),
           !{ if case .refused = existing.state { return true } else { return false } }() {
            return ["plugin \"\(name)\" is already loaded from \(loaded.path) \(restartNote)"]
        }
        let problems = registry.register([(loaded.descriptor, .loadedByCommand(loaded.path))])
        if !problems.isEmpty { return problems }
        return ["loaded plugin \"\(name)\" \(loaded.descriptor.version) from \(loaded.path) \(restartNote)"]
    }

    /// The `:plugins` table: name, version, state, capabilities, source.
    public static func listing(_ plugins: [PluginInfo]) -> [String] {
        guard !plugins.isEmpty else { return ["no plugins"] }
        let header = ["name", "version", "state", "capabilities", "source"]
        let rows = plugins.map { p -> [String] in
            var state = p.state.description
            if case .refused(let reason) = p.state { state += ": " + reason }
            return [p.name, p.version, state, p.capabilities, p.source.description]
        }
        // Align every column but the last; a refused plugin's reason can be long, so
        // the state column is sized by the plain state words.
        var widths = header.map(\.count)
        for (p, row) in zip(plugins, rows) {
            for i in 0..<(row.count - 1) {
                let cell = i == 2 ? p.state.description : row[i]
                widths[i] = max(widths[i], cell.count)
            }
        }
        func line(_ cells: [String]) -> String {
            var out = ""
            for (i, c) in cells.enumerated() {
                if i == cells.count - 1 { out += c } else { out += c.padded(toLength: max(widths[i], c.count)) + "  " }
            }
            return out
        }
        var lines = [line(header)]
        for (p, row) in zip(plugins, rows) {
            if case .refused = p.state {
                // Put the reason on its own indented line so the table stays aligned.
                var plain = row
                plain[2] = p.state.description
                lines.append(line(plain))
                lines.append("    " + row[2])
            } else {
                lines.append(line(row))
            }
            if let status = p.status { lines.append("    " + status) }
        }
        return lines
    }

    /// Wrong arguments to a command.
    public struct UsageError: Error, CustomStringConvertible {
        /// The usage line.
        public var text: String
        /// A usage error with `text`.
        public init(text: String) { self.text = text }
        public var description: String { text }
    }
}
