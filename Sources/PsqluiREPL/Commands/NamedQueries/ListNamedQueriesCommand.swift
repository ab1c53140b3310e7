import FoundationEssentials
import PsqluiCore
import PsqluiPluginAPI

/// `:saved [PATTERN]` / `\np [PATTERN]`: the named queries (those whose name
/// matches the regular expression PATTERN) as a table of name and query.
struct ListNamedQueriesCommand: REPLCommand {
    let about = CommandDescription(name: "saved", aliases: ["\\np"], summary: "list the named queries (names matching PATTERN, a regular expression)",
                                   usage: ":saved [PATTERN]", group: "Named queries", completion: NamedQueryNames.completion)
    let grammar = ArgumentGrammar.psql

    func run(_ call: CommandCall, in env: CommandEnvironment) -> StepResult {
        Self.list(pattern: call.words.first, in: env, command: call.displayName)
    }

    static func list(pattern: String?, in env: CommandEnvironment, command: String = "\\n") -> StepResult {
        var regex: Regex<AnyRegexOutput>?
        if let pattern {
            // ICU's rules, as NSRegularExpression had them: simple word boundaries, scalars.
            do { regex = try Regex(pattern).wordBoundaryKind(.simple).matchingSemantics(.unicodeScalar) } catch {
                env.evaluator.reportError("\(command): invalid regular expression: \(pattern)")
                return .failed
            }
        }
        let queries: [(name: String, query: String)]
        do { queries = try NamedQueryStore().all() } catch {
            env.evaluator.reportError("\(command): \(error)")
            return .failed
        }
        let shown = queries.filter { q in
            regex.map { q.name.contains($0) } ?? true
        }
        if queries.isEmpty {
            return env.say("No named queries. Save one with :save NAME QUERY (\\ns NAME QUERY).")
        }
        let table = CatalogTable(title: "Named queries", columns: [ColumnInfo(name: "Name", typeOID: 25), ColumnInfo(name: "Query", typeOID: 25)],
                                 rows: shown.map { [$0.name, $0.query] })
        env.evaluator.showLines(table.render(settings: env.evaluator.printSettings))
        return .ok
    }
}
