/// One node of a query plan, from `EXPLAIN (FORMAT JSON)`.
public struct PlanNode: Equatable, Sendable {
    /// `Seq Scan`, `Hash Join`, …
    public var nodeType: String
    /// The relation scanned, if any.
    public var relation: String?
    /// The alias, when it differs from the relation.
    public var alias: String?
    /// The index used, if any.
    public var index: String?
    /// The join type (`Inner`, `Left`…) for joins.
    public var joinType: String?
    /// The planner's total cost estimate.
    public var totalCost: Double
    /// The planner's row estimate (per loop).
    public var planRows: Double
    /// Actual rows per loop (ANALYZE only).
    public var actualRows: Double?
    /// Actual total time per loop in ms (ANALYZE only).
    public var actualTotalTime: Double?
    /// How many times the node ran (ANALYZE only).
    public var actualLoops: Double?
    /// Child nodes.
    public var children: [PlanNode]

    /// Total time spent in this node and below, across loops, in ms (nil without ANALYZE).
    public var inclusiveTime: Double? { actualTotalTime.map { $0 * (actualLoops ?? 1) } }
}

/// A whole plan: the root node and the timings of an ANALYZE run.
public struct QueryPlan: Equatable, Sendable {
    /// The root node.
    public var root: PlanNode
    /// Planning time in ms, when reported.
    public var planningTime: Double?
    /// Execution time in ms (ANALYZE only).
    public var executionTime: Double?

    /// Parses the text of `EXPLAIN (FORMAT JSON …)` output.
    public static func parse(json: String) throws -> QueryPlan {
        let value = try JSONValue.parse(json)
        guard let top = value.array?.first, let root = top["Plan"] else {
            throw JSONParseError(offset: 0, expected: "an EXPLAIN (FORMAT JSON) result: [{\"Plan\": …}]")
        }
        return QueryPlan(root: try node(root), planningTime: top["Planning Time"]?.number,
                         executionTime: top["Execution Time"]?.number)
    }

    private static func node(_ v: JSONValue) throws -> PlanNode {
        guard let type = v["Node Type"]?.string else { throw JSONParseError(offset: 0, expected: "\"Node Type\" in every plan node") }
        let relation = v["Relation Name"]?.string
        let alias = v["Alias"]?.string
        return PlanNode(
            nodeType: type, relation: relation, alias: alias == relation ? nil : alias,
            index: v["Index Name"]?.string, joinType: v["Join Type"]?.string,
            totalCost: v["Total Cost"]?.number ?? 0, planRows: v["Plan Rows"]?.number ?? 0,
            actualRows: v["Actual Rows"]?.number, actualTotalTime: v["Actual Total Time"]?.number,
            actualLoops: v["Actual Loops"]?.number,
            children: try (v["Plans"]?.array ?? []).map(node))
    }
}
