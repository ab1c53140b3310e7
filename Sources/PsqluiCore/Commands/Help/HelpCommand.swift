import FoundationEssentials
import PsqluiPluginAPI

/// `:help` (`\?`): every registered command grouped by section with its aliases and
/// summary; `:help NAME` shows one command's usage and examples.
public enum HelpCommand {
    /// The command, reading the command table when it runs (so plugins loaded later
    /// show up).
    public static func spec(directory: any CommandDirectory) -> CommandSpec {
        CommandSpec(
            name: "help", aliases: ["?", "\\?", "h"],
            summary: "list commands, or show one command's usage (\\?)",
            usage: ":help [COMMAND]",
            examples: [":help", ":help describe", ":help export"],
            group: "General", completion: .commands,
            handler: { [weak directory] invocation, context in
                guard let directory else { return }
                let words = invocation.words
                let lines: [String]
                if let name = words.first {
                    let bare = name.hasPrefix(":") ? String(name.dropFirst()) : name
                    guard let found = detail(for: bare, directory: directory) else {
                        context.writeError(CommandSuggestion.message(for: bare, among: directory.commandNames))
                        throw CatalogCommandFailed()
                    }
                    lines = found
                } else {
                    lines = overview(descriptions: directory.descriptions, plugins: directory.plugins.plugins)
                }
                try await context.show(TextPane(title: "help", lines: lines))
            })
    }

    /// Aliases worth showing: short colon names and the plain backslash form (not
    /// every `+`/`S` spelling).
    static func shownAliases(_ spec: CommandDescription) -> [String] {
        spec.aliases.filter { a in
            if a.hasPrefix("\\") { return !a.dropFirst().contains("+") && !(a.count > 2 && a.hasSuffix("S")) }
            return !a.hasSuffix("+") || a == "d+"
        }.map { $0.hasPrefix("\\") ? $0 : ":" + $0 }
    }

    /// The `:help` overview: groups in alphabetical order (General first), commands
    /// sorted, declared-but-inactive plugin commands from their declarations.
    public static func overview(descriptions specs: [CommandDescription], plugins: [PluginInfo]) -> [String] {
        var groups: [String: [(String, String)]] = [:]
        var seen = Set<String>()
        for spec in specs {
            seen.insert(spec.name)
            let aliases = shownAliases(spec)
            let left = spec.displayName + (aliases.isEmpty ? "" : " (" + aliases.joined(separator: ", ") + ")")
            groups[spec.group.isEmpty ? "Other" : spec.group, default: []].append((left, spec.summary))
        }
        for p in plugins {
            for c in p.commands where !seen.contains(c) {
                seen.insert(c)
                groups["Plugins", default: []].append((":" + c, "(plugin \(p.name)) " + p.summary))
            }
        }
        let width = min(40, groups.values.flatMap { $0 }.map { $0.0.count }.max() ?? 0)
        let order = groups.keys.sorted { a, b in a == "General" ? b != "General" : (b == "General" ? false : a < b) }
        var lines: [String] = []
        for g in order {
            lines.append(g)
            for (left, summary) in groups[g]!.sorted(by: { $0.0 < $1.0 }) {
                let pad = left.count < width ? String(repeating: " ", count: width - left.count) : ""
                lines.append("  " + left + pad + "  " + summary)
            }
            lines.append("")
        }
        lines.append(":help COMMAND shows a command's usage and examples.")
        return lines
    }

    /// `:help NAME`: usage, summary, aliases and examples; nil for an unknown name.
    public static func detail(for name: String, directory: any CommandDirectory) -> [String]? {
        if let spec = directory.description(of: name) ?? directory.description(of: "\\" + name) {
            var lines = ["usage: " + spec.usage, "", spec.summary]
            if !spec.aliases.isEmpty { lines += ["", "aliases: " + shownAliases(spec).joined(separator: " ")] }
            if !spec.examples.isEmpty { lines += ["", "examples:"] + spec.examples.map { "  " + $0 } }
            return lines
        }
        if let p = directory.plugin(providingCommand: name) {
            let summary = directory.plugins.plugins.first { $0.name == p }?.summary ?? ""
            return [":\(name) — provided by plugin \"\(p)\" (not active yet; run it once for its usage)", summary]
        }
        return nil
    }
}
