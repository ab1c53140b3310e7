/// psql's `\if` / `\elif` / `\else` / `\endif` state (psql's conditional.c and the
/// `exec_command_if` family), one stack per script being read.
///
/// While the top branch is inactive nothing runs: statements are not sent, other
/// meta-commands are ignored and variables are not interpolated. Query text typed
/// inside an inactive branch is dropped when the branch ends (the splitter is rolled
/// back to the checkpoint taken when the branch began), as psql does.
public struct ConditionalStack: Sendable {
    /// One `\if` block's state (psql's `ifState`).
    public enum Branch: Equatable, Sendable {
        /// Running the branch whose condition was true.
        case active
        /// No branch taken yet; an `\elif` or `\else` may still run.
        case seeking
        /// A branch was taken already (or the whole block sits in an inactive branch).
        case ignored
        /// Running the `\else` branch.
        case elseActive
        /// Skipping the `\else` branch.
        case elseInactive
    }

    private struct Entry: Sendable {
        var branch: Branch
        var checkpoint: StatementSplitter.Checkpoint
    }

    private var entries: [Entry] = []

    public init() {}

    /// True when statements and commands run (outside any `\if`, or in a taken branch).
    public var isActive: Bool {
        guard let top = entries.last else { return true }
        return top.branch == .active || top.branch == .elseActive
    }

    /// True when no `\if` is open.
    public var isEmpty: Bool { entries.isEmpty }

    /// The innermost block's state, nil outside any `\if`.
    public var top: Branch? { entries.last?.branch }

    /// Applies one conditional command. `condition` evaluates the command's boolean
    /// expression; it is called only when psql would evaluate it (never inside an
    /// inactive branch), and returns nil for a value that is not a boolean (psql
    /// reports it and treats it as false). Returns psql's error message for a
    /// misplaced command, else nil.
    public mutating func apply(_ name: String, condition: () -> Bool?, splitter: inout StatementSplitter) -> String? {
        switch name {
        case "if":
            if isActive {
                let value = condition() ?? false
                entries.append(Entry(branch: value ? .active : .seeking, checkpoint: splitter.checkpoint()))
            } else {
                entries.append(Entry(branch: .ignored, checkpoint: splitter.checkpoint()))
            }
            return nil
        case "elif":
            guard let current = entries.last else { return "\\elif: no matching \\if" }
            switch current.branch {
            case .active:
                // The taken branch's text stays; the rest of the block is skipped.
                replaceTop(.ignored, checkpoint: splitter.checkpoint())
            case .seeking:
                splitter.rollBack(to: current.checkpoint)
                let value = condition() ?? false
                replaceTop(value ? .active : .seeking, checkpoint: current.checkpoint)
            case .ignored:
                splitter.rollBack(to: current.checkpoint)
            case .elseActive, .elseInactive:
                return "\\elif: cannot occur after \\else"
            }
            return nil
        case "else":
            guard let current = entries.last else { return "\\else: no matching \\if" }
            switch current.branch {
            case .active:
                replaceTop(.elseInactive, checkpoint: splitter.checkpoint())
            case .seeking:
                splitter.rollBack(to: current.checkpoint)
                replaceTop(.elseActive, checkpoint: current.checkpoint)
            case .ignored:
                splitter.rollBack(to: current.checkpoint)
                replaceTop(.elseInactive, checkpoint: current.checkpoint)
            case .elseActive, .elseInactive:
                return "\\else: cannot occur after \\else"
            }
            return nil
        case "endif":
            guard let current = entries.popLast() else { return "\\endif: no matching \\if" }
            if current.branch != .active && current.branch != .elseActive {
                splitter.rollBack(to: current.checkpoint)
            }
            return nil
        default:
            return nil
        }
    }

    private mutating func replaceTop(_ branch: Branch, checkpoint: StatementSplitter.Checkpoint) {
        entries[entries.count - 1] = Entry(branch: branch, checkpoint: checkpoint)
    }
}
