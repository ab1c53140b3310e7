@testable import ExplainPlugin
import PsqluiPluginAPI
import PsqluiTestKit
import Testing

struct PlanTreeRendererTests {
    @Test func analyzedJoinRendersAsATreeWithEstimatesActualsAndBars() throws {
        let plan = try QueryPlan.parse(json: CapturedPlans.analyzedJoin)
        let lines = PlanTreeRenderer.render(plan, width: 120)
        // The tree shape and labels, as PostgreSQL's text EXPLAIN shows the same plan.
        let labels = lines.prefix(7).map { String($0.prefix { $0 != " " || false }) }
        #expect(labels.count == 7)
        #expect(lines[0].hasPrefix("Limit "))
        #expect(lines[1].hasPrefix("└─ Sort "))
        #expect(lines[3].hasPrefix("      └─ Hash Join (Inner) "))
        #expect(lines[4].hasPrefix("         ├─ Seq Scan on orders o "))
        #expect(lines[6].hasPrefix("            └─ Seq Scan on customers c "))
        // Estimated vs actual rows from the plan: orders has 2000 rows in the demo schema.
        #expect(lines[4].contains("est 2000  act 2000"))
        #expect(lines[1].contains("est  500  act 5"))
        // The most expensive node (Sort, total cost 81.10) gets the full cost bar; the
        // cheapest scan a shorter one.
        let full = lines[1].components(separatedBy: "cost ")[1].prefix { $0 == "█" }.count
        let scan = lines[6].components(separatedBy: "cost ")[1].prefix { $0 == "█" }.count
        #expect(full >= 4 && scan >= 1 && scan < full)
        #expect(lines.contains { $0.hasPrefix("Execution Time: ") && $0.hasSuffix(" ms") })
        #expect(lines.allSatisfy { $0.count <= 120 })
    }

    @Test func planWithoutAnalyzeHasNoActualsOrTimeBars() throws {
        let plan = try QueryPlan.parse(json: CapturedPlans.indexScan)
        let lines = PlanTreeRenderer.render(plan, width: 80)
        #expect(plan.root.index == "orders_pkey")
        #expect(lines[0].hasPrefix("Index Scan on orders using orders_pkey "))
        #expect(!lines[0].contains("act") && !lines[0].contains("time"))
        #expect(plan.executionTime == nil)
    }

    @Test func numbersAreFormattedWithoutFoundation() {
        #expect(PlanTreeRenderer.fixed(81.1, 2) == "81.10")
        #expect(PlanTreeRenderer.fixed(0.0416, 3) == "0.042")
        #expect(PlanTreeRenderer.bar(0.001, of: 100, width: 10) == "█")
        #expect(PlanTreeRenderer.bar(0, of: 100, width: 10) == "")
    }

    @Test(arguments: [
        ("select 1", "", nil, false, "select 1"),
        ("analyze select 1;", "", nil, true, "select 1"),
        ("", "select 2;", nil, false, "select 2"),
        ("ANALYZE", "", "select 3", true, "select 3"),
    ] as [(String, String, String?, Bool, String)])
    func explainReadsItsArguments(args: String, buffer: String, previous: String?, analyze: Bool, statement: String) throws {
        let r = try ExplainRequest(arguments: args, queryBuffer: buffer, previousStatement: previous)
        #expect(r.analyze == analyze && r.statement == statement)
        #expect(r.sql == "EXPLAIN (FORMAT JSON\(analyze ? ", ANALYZE" : "")) \(statement)")
    }

    @Test func explainCommandShowsAPaneFromTheSessionsPlan() async throws {
        let session = FakeQueryService { sql in
            #expect(sql == "EXPLAIN (FORMAT JSON, ANALYZE) select 1")
            return .text(["QUERY PLAN"], [[CapturedPlans.analyzedJoin]])
        }
        let ctx = RecordingCommandContext(session: session)
        try await ExplainCommand.spec.handler(CommandInvocation(name: "explain", arguments: "analyze select 1", words: ["analyze", "select", "1"]), ctx)
        #expect(ctx.panes.first?.title == "EXPLAIN ANALYZE")
        #expect(ctx.panes.first?.lines.first?.hasPrefix("Limit") == true)
    }

    @Test func explainAnalyzeOfADeleteIsRefusedInBatch() async throws {
        let ctx = RecordingCommandContext(session: FakeQueryService(tables: [:]), isInteractive: false)
        await #expect(throws: ExplainError.self) {
            try await ExplainCommand.spec.handler(CommandInvocation(name: "explain", arguments: "analyze delete from orders", words: ["analyze", "delete", "from", "orders"]), ctx)
        }
        #expect(ctx.prompts.count == 1)
    }
}
