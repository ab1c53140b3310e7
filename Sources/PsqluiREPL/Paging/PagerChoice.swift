import FoundationEssentials

/// Whether and through what output is paged (`:pager on|off|CMD`, `\pset pager`).
public enum PagerChoice: Equatable {
    /// Page when output is taller or wider than the terminal (the default).
    case automatic
    /// Never page.
    case off
    /// Page through this shell command.
    case command(String)

    /// The command to page through: `:pager CMD`, else `$PSQLUI_PAGER`, else
    /// `$PAGER`, else `less -SRFX` when less exists; nil means the built-in pager.
    /// psql: a `PSQL_PAGER` or `PAGER` that is set but empty (or blank) turns paging off.
    public static func disabledByEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        if let p = environment["PSQLUI_PAGER"], !p.isEmpty { return false }
        if let p = environment["PSQL_PAGER"] { return isBlank(p) }
        if let p = environment["PAGER"] { return isBlank(p) }
        return false
    }

    static func isBlank(_ s: String) -> Bool { s.allSatisfy { " \t\r\n".contains($0) } }

    public func resolvedCommand(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if case .command(let c) = self { return c }
        if let p = environment["PSQLUI_PAGER"], !p.isEmpty { return p }
        if let p = environment["PSQL_PAGER"], !Self.isBlank(p) { return p }
        if let p = environment["PAGER"], !Self.isBlank(p) { return p }
        for dir in ["/usr/bin", "/bin", "/usr/local/bin"] where FileManager.default.isExecutableFile(atPath: dir + "/less") {
            return "less -SRFX"
        }
        return nil
    }
}
