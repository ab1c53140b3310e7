import PsqluiPluginAPI
import PsqluiTestKit
import Testing
@testable import YamlExporter

struct YamlExporterTests {
    @Test func passesThePluginContract() async {
        #expect(await PluginContractChecks.check(YamlPlugin()).isEmpty)
    }

    @Test func rowsBecomeMappingsWithSafelyQuotedValues() async throws {
        let text = try await ExporterHarness.exportText(
            YamlExporter.spec,
            columns: [ColumnInfo(name: "id", typeOID: TypeOID.int4), ColumnInfo(name: "note", typeOID: TypeOID.text)],
            rows: [["1", "no"], ["2", nil], ["3", "say \"hi\"\\\n- x: y"]])
        #expect(text == """
            - "id": "1"
              "note": "no"
            - "id": "2"
              "note": null
            - "id": "3"
              "note": "say \\"hi\\"\\\\\\n- x: y"

            """)
    }

    @Test func anEmptyResultIsAnEmptySequence() async throws {
        let text = try await ExporterHarness.exportText(YamlExporter.spec, columns: [ColumnInfo(name: "a", typeOID: 25)], rows: [])
        #expect(text == "[]\n")
    }
}
