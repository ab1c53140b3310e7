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

    /// Every command in the registry (built-in, REPL and plugin), grouped by spec:
    /// name, aliases and what its argument completes to.
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
        case .variables: return .variable
        case .custom: return .none
        @unknown default: return .none
        }
    }
}
