import PsqluiPluginAPI

/// What `:help`, completion and the man page show about a command: its names, help
/// text and what its arguments complete to. A plugin's `CommandSpec` and a host
/// command declare the same description.
public struct CommandDescription: Sendable {
    /// The name typed after the colon (`export`), or a backslash name (`\if`) for a
    /// command that has no colon form.
    public var name: String
    /// Other names: short colon names (`x`) and psql's backslash forms (`\x`).
    public var aliases: [String]
    /// One line for `:help` and completion.
    public var summary: String
    /// The synopsis, e.g. `:export FORMAT [> FILE]`.
    public var usage: String
    /// Example lines for `:help NAME`.
    public var examples: [String]
    /// The `:help` section (`Session`, `Output`, …).
    public var group: String
    /// What Tab completes for the arguments.
    public var completion: ArgumentCompletion
    /// From this argument on (counting from 0) the rest of the line is SQL and
    /// completes as SQL (`:save NAME SELECT …`); nil: never.
    public var sqlFromArgument: Int? = nil
    /// psql's option letters after a backslash name: `\df` → `anptwS+` lets `\dfan+`
    /// reach this command (the handler reads the letters from the name it was called
    /// by). Declared as an alias in psql's own notation, `\df[anptwS+]`; such an alias
    /// is not a name of its own, so it is not in `aliases`. The letter `*` stands for any
    /// character (`\dn[*]`: psql ignores the letters after `\dn`).
    public var modifierForms: [String: Set<Character>] = [:]

    /// A description with every field given.
    public init(name: String, aliases: [String] = [], summary: String, usage: String, examples: [String] = [],
                group: String, completion: ArgumentCompletion = .none) {
        self.name = name
        var plain: [String] = []
        for alias in aliases {
            if let form = Self.modifierForm(alias) { modifierForms[form.base] = form.letters } else { plain.append(alias) }
        }
        self.aliases = plain
        self.summary = summary
        self.usage = usage
        self.examples = examples
        self.group = group
        self.completion = completion
    }

    /// The description a `CommandSpec` declares.
    public init(_ spec: CommandSpec) {
        self.init(name: spec.name, aliases: spec.aliases, summary: spec.summary, usage: spec.usage,
                  examples: spec.examples, group: spec.group, completion: spec.completion)
    }

    /// `\base[letters]` split into its backslash base name and letters; nil for a name.
    static func modifierForm(_ alias: String) -> (base: String, letters: Set<Character>)? {
        guard alias.hasPrefix("\\"), alias.hasSuffix("]"), let open = alias.firstIndex(of: "["), open > alias.index(after: alias.startIndex)
        else { return nil }
        let letters = alias[alias.index(after: open)..<alias.index(before: alias.endIndex)]
        guard !letters.isEmpty else { return nil }
        return (String(alias[..<open]), Set(letters))
    }

    /// The name followed by the aliases.
    public var allNames: [String] { [name] + aliases }

    /// How the name is written in help: `:name`, or `\name` as it is.
    public var displayName: String { name.hasPrefix("\\") ? name : ":" + name }
}
