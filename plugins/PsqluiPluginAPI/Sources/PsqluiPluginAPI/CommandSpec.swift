/// Declares a colon command (`:explain`, `:export`, `:plugins`): its names, help and
/// completion, and the handler that runs it. Built-in commands are `CommandSpec`s too.
public struct CommandSpec: Sendable {
    /// The name typed after the colon, lower case, no colon (`explain`).
    public var name: String
    /// Other names for the same command (`x`, or a psql backslash form such as `\d`).
    public var aliases: [String]
    /// One line for `:help` and completion.
    public var summary: String
    /// The synopsis, e.g. `:explain [analyze] QUERY`.
    public var usage: String
    /// Example lines shown by `:help NAME`.
    public var examples: [String]
    /// The `:help` section this command is listed under (`Query`, `Output`, `Plugins`…).
    public var group: String
    /// What Tab completes for the arguments.
    public var completion: ArgumentCompletion
    /// Runs the command. Throwing reports the error (naming the plugin, for plugin
    /// commands); the session goes on.
    public var handler: @Sendable (CommandInvocation, CommandContext) async throws -> Void

    /// Creates a command declaration.
    public init(name: String, aliases: [String] = [], summary: String, usage: String,
                examples: [String] = [], group: String = "Plugins", completion: ArgumentCompletion = .none,
                handler: @escaping @Sendable (CommandInvocation, CommandContext) async throws -> Void) {
        self.name = name
        self.aliases = aliases
        self.summary = summary
        self.usage = usage
        self.examples = examples
        self.group = group
        self.completion = completion
        self.handler = handler
    }

    /// The name followed by the aliases.
    public var allNames: [String] { [name] + aliases }
}

/// What Tab completes for a command's arguments.
///
/// Not frozen: new kinds may be added, so a `switch` over it needs `@unknown default`.
public enum ArgumentCompletion: Sendable {
    /// Nothing.
    case none
    /// Table, view and other relation names from the metadata cache.
    case relations
    /// Export format names.
    case formats
    /// File paths.
    case files
    /// Colon command names.
    case commands
    /// Database names.
    case databases
    /// Names of psqlui variables (`:set`, `:unset`).
    case variables
    /// The plugin's own candidates: called synchronously with the argument text typed
    /// so far (it runs inside the line editor: return quickly, do no I/O).
    case custom(@Sendable (_ argumentsSoFar: String) -> [String])
}

/// One use of a command: the name it was called by and its arguments.
public struct CommandInvocation: Sendable, Hashable {
    /// The name or alias as typed, without the colon.
    public var name: String
    /// The argument text after the name, with surrounding whitespace removed.
    public var arguments: String
    /// The arguments split into words at whitespace; single or double quotes group
    /// words (`'a b'` is one word, quotes removed), a doubled quote inside quotes is
    /// one quote. This is `splitWords(arguments)` unless the host split them by the
    /// command's grammar (psql-style interpolation).
    public var words: [String]

    /// Creates an invocation whose words are `splitWords(arguments)`.
    public init(name: String, arguments: String) {
        self.init(name: name, arguments: arguments, words: CommandInvocation.splitWords(arguments))
    }

    /// Creates an invocation with its words as the host split them.
    public init(name: String, arguments: String, words: [String]) {
        self.name = name
        self.arguments = arguments
        self.words = words
    }

    /// Splits `text` into words as `words` does. psqlui's one plain-words splitter:
    /// the host splits colon and plugin command arguments with it too.
    public static func splitWords(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if let q = quote {
                if c == q {
                    if i + 1 < chars.count, chars[i + 1] == q { current.append(q); i += 1 } else { quote = nil }
                } else {
                    current.append(c)
                }
            } else if c == "'" || c == "\"" {
                quote = c
                inWord = true
            } else if c.isWhitespace {
                if inWord { words.append(current); current = ""; inWord = false }
            } else {
                current.append(c)
                inWord = true
            }
            i += 1
        }
        if inWord { words.append(current) }
        return words
    }
}
