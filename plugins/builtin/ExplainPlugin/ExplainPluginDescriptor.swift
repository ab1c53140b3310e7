import PsqluiPluginAPI

/// The built-in `explain` plugin: `:explain [analyze] QUERY` shows the plan as a tree
/// pane. It imports only the plugin API, like any outside plugin.
public final class ExplainPluginDescriptor: PluginDescriptor {
    public init() {}
    public var name: String { "explain" }
    public var version: SemanticVersion { SemanticVersion(0, 1, 0) }
    public var minimumCoreVersion: SemanticVersion { SemanticVersion(0, 1, 0) }
    public var summary: String { "plan trees for :explain [analyze] QUERY" }
    public var declaredCommands: [String] { ["explain"] }

    public func activate(_ ctx: PluginContext) async throws -> PluginProviders {
        PluginProviders(commands: [ExplainCommand.spec])
    }
}

/// The `:explain` command.
public enum ExplainCommand {
    /// `:explain [analyze] QUERY`.
    public static let spec = CommandSpec(
        name: "explain",
        summary: "show a query's plan as a tree (analyze: run it and show actual rows and time)",
        usage: ":explain [analyze] [QUERY]",
        examples: [":explain select * from orders where id = 1", ":explain analyze select count(*) from orders",
                   ":explain   (explains the query buffer, else the previous statement)"],
        group: "Query",
        completion: .custom { typed in typed.contains(" ") ? [] : ["analyze"] },
        handler: { invocation, context in
            let request = try ExplainRequest(arguments: invocation.arguments, queryBuffer: context.queryBuffer,
                                             previousStatement: context.previousStatement)
            if request.analyze && !request.isReadOnlyKind {
                guard await context.confirm("EXPLAIN ANALYZE runs the statement (\(request.kind)). Run it?") else {
                    throw ExplainError("not run: EXPLAIN ANALYZE of a \(request.kind) statement executes it; confirm at a terminal")
                }
            }
            let table = try await context.session.query(request.sql)
            guard let json = table.rows.first?.first ?? nil else { throw ExplainError("the server returned no plan") }
            let plan = try QueryPlan.parse(json: json)
            try await context.show(PlanPane(title: request.analyze ? "EXPLAIN ANALYZE" : "EXPLAIN", plan: plan))
        })
}

/// What `:explain` will run, from its arguments.
public struct ExplainRequest: Equatable {
    /// True for `:explain analyze …`.
    public var analyze: Bool
    /// The statement explained, without a trailing semicolon.
    public var statement: String

    /// Reads `[analyze] [QUERY]`; an empty query means the query buffer, else the
    /// previous statement.
    public init(arguments: String, queryBuffer: String, previousStatement: String?) throws {
        var rest = Substring(arguments)
        let first = rest.prefix { !$0.isWhitespace }
        analyze = first.lowercased() == "analyze" || first.lowercased() == "analyse"
        if analyze { rest = rest.dropFirst(first.count) }
        var query = Self.trimmed(String(rest))
        if query.isEmpty { query = Self.trimmed(queryBuffer) }
        if query.isEmpty { query = Self.trimmed(previousStatement ?? "") }
        while query.hasSuffix(";") { query = Self.trimmed(String(query.dropLast())) }
        guard !query.isEmpty else { throw ExplainError("usage: :explain [analyze] QUERY (no query given, none in the buffer, no previous statement)") }
        statement = query
    }

    /// `EXPLAIN (FORMAT JSON[, ANALYZE]) statement`.
    public var sql: String { "EXPLAIN (FORMAT JSON\(analyze ? ", ANALYZE" : "")) \(statement)" }

    /// The statement's first keyword, lower case.
    public var kind: String { statement.prefix { !$0.isWhitespace && $0 != "(" }.lowercased() }

    /// True for statements that only read (EXPLAIN ANALYZE of them changes nothing).
    public var isReadOnlyKind: Bool { ["select", "with", "values", "table"].contains(kind) }

    private static func trimmed(_ s: String) -> String {
        var t = Substring(s)
        while let c = t.first, c.isWhitespace { t = t.dropFirst() }
        while let c = t.last, c.isWhitespace { t = t.dropLast() }
        return String(t)
    }
}

/// A `:explain` failure with a message for the user.
public struct ExplainError: Error, CustomStringConvertible, Equatable {
    public var description: String
    init(_ description: String) { self.description = description }
}
