import CommentsPlugin
import ExplainPlugin
import ParquetPlugin
import ClipboardPlugin
import SSHPlugin
import TelemetryPlugin
import PsqluiCore
import PsqluiPluginAPI
import PsqluiTestKit
import Testing

struct PluginContractTests {
    @Test func builtInPluginsPassTheContractChecks() async {
        let builtins: [PluginDescriptor] = [ExplainPluginDescriptor(), CommentsPluginDescriptor(), ParquetPluginDescriptor(), ClipboardPluginDescriptor(), TelemetryPluginDescriptor(), SSHPluginDescriptor()]
        for d in builtins {
            let problems = await PluginContractChecks.check(d, coreVersion: PluginCompatibility.coreVersion)
            #expect(problems.isEmpty, "\(d.name): \(problems)")
        }
    }

    /// A plugin that breaks several rules at once, to see the checks name each.
    final class Sloppy: PluginDescriptor {
        var name: String { "Sloppy Plugin" }
        var version: SemanticVersion { SemanticVersion(0, 0, 0) }
        var minimumCoreVersion: SemanticVersion { SemanticVersion(0, 1, 0) }
        var declaredCommands: [String] { ["a", "ghost"] }
        func activate(_ ctx: PluginContext) async throws -> PluginProviders {
            PluginProviders(commands: [CommandSpec(name: "a", summary: "", usage: ":a") { _, _ in },
                                       CommandSpec(name: "b", summary: "b", usage: "") { _, _ in }])
        }
        func onShutdown() async { try? await Task.sleep(nanoseconds: 10_000_000_000) }
    }

    @Test func contractChecksNameEachProblem() async {
        let problems = await PluginContractChecks.check(Sloppy()).map(\.message)
        #expect(problems.contains { $0.contains("must be lower case") })
        #expect(problems.contains("version is 0.0.0: declare the plugin's version"))
        #expect(problems.contains("command \"ghost\" is declared but activation did not provide it"))
        #expect(problems.contains { $0.hasPrefix("command \"b\" is provided but not declared") })
        #expect(problems.contains("command \"a\" has no summary"))
        #expect(problems.contains("command \"b\" has no usage line"))
        #expect(problems.contains("onShutdown did not return within 2.0 s"))
    }

    @Test func commentsHookRecordsRelationAndColumnComments() async throws {
        let queries = FakeQueryService { _ in
            .text(["schema", "relation", "column", "comment"],
                  [["public", "orders", nil, "one row per order"], ["public", "orders", "total", "in cents"]])
        }
        let annotations = MetadataAnnotations()
        try await CommentsHook().enrich(annotations, using: queries)
        #expect(annotations.value(key: "comment", for: MetadataObjectName(schema: "public", relation: "orders")) == "one row per order")
        #expect(annotations.value(key: "comment", for: MetadataObjectName(schema: "public", relation: "orders", column: "total")) == "in cents")
    }
}
