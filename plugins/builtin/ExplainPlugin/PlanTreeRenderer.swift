import PsqluiPluginAPI

/// Renders a query plan as an indented tree, one node a line: node type, relation,
/// estimated vs actual rows, and cost and time bars scaled to the most expensive node.
///
/// ```
/// Hash Join (Inner)                 rows  est 1000  act 998   cost ██████████  35.50  time ██████████  0.912 ms
/// ├─ Seq Scan on orders o           rows  est 1000  act 1000  cost ████        18.00  time ███         0.210 ms
/// └─ Hash                           …
/// ```
public enum PlanTreeRenderer {
    /// The lines for `plan` in a pane `width` columns wide (bars shrink on narrow
    /// terminals; lines never wrap, the pager scrolls sideways).
    public static func render(_ plan: QueryPlan, width: Int) -> [String] {
        var rows: [(label: String, node: PlanNode)] = []
        flatten(plan.root, prefix: "", childPrefix: "", into: &rows)
        let maxCost = rows.map(\.node.totalCost).max() ?? 0
        let maxTime = rows.compactMap(\.node.inclusiveTime).max()
        let analyzed = maxTime != nil
        let labelWidth = rows.map(\.label.count).max() ?? 0
        let estWidth = rows.map { integer($0.node.planRows).count }.max() ?? 1
        let actWidth = rows.map { $0.node.actualRows.map(integer)?.count ?? 1 }.max() ?? 1
        let costWidth = rows.map { fixed($0.node.totalCost, 2).count }.max() ?? 1
        let timeWidth = rows.map { $0.node.inclusiveTime.map { fixed($0, 3) }?.count ?? 1 }.max() ?? 1
        let loopsWidth = rows.map { n -> Int in
            guard let l = n.node.actualLoops, l > 1 else { return 0 }
            return 2 + integer(l).count
        }.max() ?? 0
        // Everything on a line but the bars; the bars share what is left, 4…20 cells each.
        let fixedWidth = labelWidth + 12 + estWidth + (analyzed ? 6 + actWidth + loopsWidth : 0)
            + 8 + costWidth + (analyzed ? 8 + timeWidth + 3 : 0)
        let barWidth = max(4, min(20, (width - fixedWidth) / (analyzed ? 2 : 1)))

        var lines: [String] = []
        for (label, node) in rows {
            var line = pad(label, labelWidth) + "  rows  est " + leftPad(integer(node.planRows), estWidth)
            if analyzed {
                line += "  act " + pad(node.actualRows.map(integer) ?? "-", actWidth)
                if let loops = node.actualLoops, loops > 1 { line += " ×" + integer(loops) }
            }
            line += "  cost " + pad(bar(node.totalCost, of: maxCost, width: barWidth), barWidth) + " " + leftPad(fixed(node.totalCost, 2), costWidth)
            if let maxTime {
                let t = node.inclusiveTime ?? 0
                line += "  time " + pad(bar(t, of: maxTime, width: barWidth), barWidth) + " " + leftPad(fixed(t, 3), timeWidth) + " ms"
            }
            lines.append(trimTrailing(line))
        }
        if let p = plan.planningTime { lines.append("Planning Time: \(fixed(p, 3)) ms") }
        if let e = plan.executionTime { lines.append("Execution Time: \(fixed(e, 3)) ms") }
        return lines
    }

    /// What one node's line starts with: type, join type, relation, alias, index.
    static func label(_ node: PlanNode) -> String {
        var s = node.nodeType
        if let j = node.joinType, node.nodeType.hasSuffix("Join") || node.nodeType == "Nested Loop" { s += " (\(j))" }
        if let r = node.relation { s += " on \(r)" }
        if let a = node.alias { s += " \(a)" }
        if let i = node.index { s += " using \(i)" }
        return s
    }

    private static func flatten(_ node: PlanNode, prefix: String, childPrefix: String, into rows: inout [(label: String, node: PlanNode)]) {
        rows.append((prefix + label(node), node))
        for (i, child) in node.children.enumerated() {
            let last = i == node.children.count - 1
            flatten(child, prefix: childPrefix + (last ? "└─ " : "├─ "), childPrefix: childPrefix + (last ? "   " : "│  "), into: &rows)
        }
    }

    /// A bar of full blocks, `value / maximum` of `width` cells; at least one cell
    /// for any non-zero value, so cheap nodes stay visible.
    static func bar(_ value: Double, of maximum: Double, width: Int) -> String {
        guard maximum > 0, value > 0 else { return "" }
        let cells = max(1, Int((value / maximum * Double(width)).rounded()))
        return String(repeating: "█", count: min(cells, width))
    }

    static func integer(_ d: Double) -> String { String(Int(d.rounded())) }

    /// `d` with `places` decimals (no Foundation: the plugin imports only the API).
    static func fixed(_ d: Double, _ places: Int) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = Int((abs(d) * scale).rounded())
        let whole = scaled / Int(scale)
        var frac = String(scaled % Int(scale))
        while frac.count < places { frac = "0" + frac }
        return (d < 0 && scaled != 0 ? "-" : "") + String(whole) + (places > 0 ? "." + frac : "")
    }

    private static func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
    private static func leftPad(_ s: String, _ n: Int) -> String { s.count >= n ? s : String(repeating: " ", count: n - s.count) + s }
    private static func trimTrailing(_ s: String) -> String {
        var t = Substring(s)
        while t.last == " " { t = t.dropLast() }
        return String(t)
    }
}

/// The pane `:explain` shows.
public final class PlanPane: Pane {
    public let title: String
    /// The plan shown.
    public let plan: QueryPlan

    /// A pane for `plan`.
    public init(title: String, plan: QueryPlan) {
        self.title = title
        self.plan = plan
    }

    public func render(width: Int) -> [String] { PlanTreeRenderer.render(plan, width: width) }
}
