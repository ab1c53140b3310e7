import PsqluiCore
import PsqluiPluginAPI

/// Everything a completion draws on, gathered into a `CompletionEngine` per
/// request: the metadata cache's current snapshot, the registry's commands
/// (names, aliases, argument kinds) and formats, the REPL's own colon commands,
/// and the variables.
public struct CompletionSources {
    public var snapshot: () -> MetadataSnapshot
    public var registry: PluginRegistry?
    public var variables: VariableStore?

    public init(snapshot: @escaping () -> MetadataSnapshot, registry: PluginRegistry?, variables: VariableStore?) {
        self.snapshot = snapshot
        self.registry = registry
        self.variables = variables
    }

    /// An engine over what is known right now (cheap: no copying of the snapshot).
    public func engine() -> CompletionEngine {
        CompletionEngine(snapshot: snapshot(), commands: Self.commands(registry: registry),
                         formats: registry?.formatNames ?? [], variables: variables?.all.map(\.name) ?? [])
    }

    /// Colon commands the REPL runs itself (not registry `CommandSpec`s), with what
    /// their argument is.
    static let replCommands: [CompletionCommandInfo] = [
        CompletionCommandInfo(name: "quit", aliases: ["q", "\\q"]),
        CompletionCommandInfo(name: "set", aliases: ["\\set"], argumentKind: .variable),
        CompletionCommandInfo(name: "unset", aliases: ["\\unset"], argumentKind: .variable),
        CompletionCommandInfo(name: "echo", aliases: ["\\echo"]),
        CompletionCommandInfo(name: "conninfo", aliases: ["\\conninfo"]),
        CompletionCommandInfo(name: "timing", aliases: ["\\timing"]),
        CompletionCommandInfo(name: "expanded", aliases: ["x", "\\x"]),
        CompletionCommandInfo(name: "null"),
        CompletionCommandInfo(name: "run", aliases: ["i", "\\i", "\\ir"], argumentKind: .file),
        CompletionCommandInfo(name: "connect", aliases: ["c", "\\c"], argumentKind: .database),
    ]

    /// The registry's commands grouped by spec (name plus aliases), then the REPL's
    /// own; a name the registry has wins over the REPL table.
    static func commands(registry: PluginRegistry?) -> [CompletionCommandInfo] {
        var out: [CompletionCommandInfo] = []
        var covered = Set<String>()
        for name in registry?.commandNames ?? [] where !covered.contains(name) {
            guard let spec = registry?.commandSpec(named: name) else {
                // A plugin not activated yet: its declared name completes, its arguments do not.
                covered.insert(name)
                out.append(CompletionCommandInfo(name: name))
                continue
            }
            covered.formUnion(spec.allNames)
            out.append(CompletionCommandInfo(name: spec.name, aliases: spec.aliases, argumentKind: kind(spec.completion)))
        }
        for command in replCommands where !covered.contains(command.name) {
            out.append(command)
        }
        return out
    }

    static func kind(_ completion: ArgumentCompletion) -> CompletionArgumentKind {
        switch completion {
        case .none: return .none
        case .relations: return .relation
        case .formats: return .format
        case .files: return .file
        case .commands: return .command
        case .databases: return .database
        case .custom: return .none
        @unknown default: return .none
        }
    }
}
