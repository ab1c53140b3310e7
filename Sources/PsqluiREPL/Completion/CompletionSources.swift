import PsqluiCore
import PsqluiPluginAPI

/// Everything a completion draws on, gathered into a `CompletionEngine` per
/// request: the metadata cache's current snapshot, the command table's commands
/// (names, aliases, argument kinds) and formats, and the variables.
public struct CompletionSources {
    public var snapshot: () -> MetadataSnapshot
    public var commands: (any CommandDirectory)?
    public var variables: VariableStore?
    /// Names from the history and this session, ranked up (nil: no learning).
    public var usage: CompletionUsage?
    /// Asks a connection for the kinds the snapshot does not keep (nil: they offer nothing).
    public var lookup: (@Sendable (CatalogLookupKind) -> [String])?

    public init(snapshot: @escaping () -> MetadataSnapshot, commands: (any CommandDirectory)?, variables: VariableStore?,
                usage: CompletionUsage? = nil) {
        self.snapshot = snapshot
        self.commands = commands
        self.variables = variables
        self.usage = usage
    }

    /// An engine over what is known right now (cheap: no copying of the snapshot).
    public func engine() -> CompletionEngine {
        var engine = CompletionEngine(snapshot: snapshot(), commands: Self.commands(in: commands),
                                      formats: commands?.formatNames ?? [], variables: variables?.all.map(\.name) ?? [])
        engine.usedNames = usage?.names ?? []
        engine.lookup = lookup
        engine.keywordCase = KeywordCase(variable: variables?["COMP_KEYWORD_CASE"])
        return engine
    }

    /// Every command in the table (host and plugin), grouped by entry: name, aliases
    /// and what its argument completes to.
    static func commands(in directory: (any CommandDirectory)?) -> [CompletionCommandInfo] {
        var out: [CompletionCommandInfo] = []
        var covered = Set<String>()
        for name in directory?.commandNames ?? [] where !covered.contains(name) {
            guard let spec = directory?.description(of: name) else {
                // A plugin not activated yet: its declared name completes, its arguments do not.
                covered.insert(name)
                out.append(CompletionCommandInfo(name: name))
                continue
            }
            covered.formUnion(spec.allNames)
            let (kind, words) = argument(of: spec)
            out.append(CompletionCommandInfo(name: spec.name, aliases: spec.aliases, argumentKind: kind, words: words,
                                             sqlFromArgument: spec.sqlFromArgument))
        }
        return out
    }

    /// What a spec's argument completes to: its declared completion, narrowed for
    /// psql's `\d` listings by the object letter of their backslash form (`\di`
    /// lists indexes, so it completes index names); a custom completer, or the
    /// literal choices of its usage (`:expanded [on|off|auto]`), as words.
    static func argument(of spec: CommandDescription) -> (CompletionArgumentKind, CompletionCommandInfo.Words?) {
        switch spec.completion {
        case .custom(let list):
            return (.words, CompletionCommandInfo.Words(id: spec.name) { list($0) })
        case .relations:
            return (describedKind(spec) ?? .relation, nil)
        case .none:
            if let described = describedKind(spec) { return (described, nil) }
            let choices = usageChoices(spec.usage)
            guard !choices.isEmpty else { return (.none, nil) }
            return (.words, CompletionCommandInfo.Words(id: spec.name) { typed in
                MetaCommandArguments.split(Array(typed.utf8), grammar: .words, variables: nil).count <= (typed.hasSuffix(" ") ? 0 : 1) ? choices : []
            })
        case .databases where spec.name == "connect" && !ConnectCommand.profileNames.isEmpty:
            // `:connect` also takes a connection profile's name.
            return (.database, CompletionCommandInfo.Words(id: spec.name) { typed in
                MetaCommandArguments.split(Array(typed.utf8), grammar: .words, variables: nil).count <= (typed.hasSuffix(" ") ? 0 : 1) ? ConnectCommand.profileNames : []
            })
        default:
            return (kind(spec.completion), nil)
        }
    }

    /// The object kind of a psql listing (`\dt`, `\di+`, `\dTS`): the letter after `\d`.
    static func describedKind(_ spec: CommandDescription) -> CompletionArgumentKind? {
        for alias in spec.aliases where alias.hasPrefix("\\d") && alias.count >= 3 {
            switch alias.dropFirst(2).first {
            case "t": return .table
            case "v": return .view
            case "m": return .materializedView
            case "i": return .index
            case "s": return .sequence
            case "T": return .datatype
            case "f": return .function
            case "n": return .schema
            case "u", "g": return .role
            case "x": return .extension
            default: continue
            }
        }
        return nil
    }

    /// The lower-case alternatives of a usage's first bracketed argument: `on|off|auto`
    /// from `:expanded [on|off|auto]` (placeholders in capitals are not words to type).
    static func usageChoices(_ usage: String) -> [String] {
        guard let open = usage.firstIndex(where: { $0 == "[" || $0 == "{" }),
              let close = usage[open...].firstIndex(where: { $0 == "]" || $0 == "}" }) else { return [] }
        let inner = usage[usage.index(after: open)..<close]
        guard inner.contains("|") else { return [] }
        return inner.split(separator: "|").map { $0.trimmingBlanks() }
            .filter { !$0.isEmpty && !$0.contains(" ") && $0 == $0.lowercased() }
    }

    static func kind(_ completion: ArgumentCompletion) -> CompletionArgumentKind {
        switch completion {
        case .none: return .none
        case .relations: return .relation
        case .formats: return .format
        case .files: return .file
        case .commands: return .command
        case .databases: return .database
        case .variables: return .variable
        case .custom: return .words
        @unknown default: return .none
        }
    }
}
