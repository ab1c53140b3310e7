import PsqluiCore
import PsqluiPluginAPI

/// Everything a completion draws on, gathered into a `CompletionEngine` per
/// request: the metadata cache's current snapshot, the command table's commands
/// (names, aliases, argument kinds) and formats, and the variables.
public struct CompletionSources {
    public var snapshot: () -> MetadataSnapshot
    public var commands: (any CommandDirectory)?
    public var variables: VariableStore?

    public init(snapshot: @escaping () -> MetadataSnapshot, commands: (any CommandDirectory)?, variables: VariableStore?) {
        self.snapshot = snapshot
        self.commands = commands
        self.variables = variables
    }

    /// An engine over what is known right now (cheap: no copying of the snapshot).
    public func engine() -> CompletionEngine {
        CompletionEngine(snapshot: snapshot(), commands: Self.commands(in: commands),
                         formats: commands?.formatNames ?? [], variables: variables?.all.map(\.name) ?? [])
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
