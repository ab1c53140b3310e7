import Testing
@testable import PsqluiCore

/// `:export` argument parsing and the progress line's number formats.
@Suite struct ExportDestinationTests {
    @Test(arguments: [
        ("csv", "csv", ExportDestination.queryOutput),
        ("csv > out.csv", "csv ", .file(path: "out.csv", append: false)),
        ("csv >> out.csv", "csv ", .file(path: "out.csv", append: true)),
        ("csv >out.csv", "csv ", .file(path: "out.csv", append: false)),
        ("csv > 'my file.csv'", "csv ", .file(path: "my file.csv", append: false)),
        ("ndjson | jq -c . | head -1", "ndjson ", .pipeline(command: "jq -c . | head -1")),
        ("csv delimiter='|' > x", "csv delimiter='|' ", .file(path: "x", append: false)),
        ("csv delimiter=\">\" | cat", "csv delimiter=\">\" ", .pipeline(command: "cat")),
    ])
    func splitsFormatFromDestination(_ input: String, _ head: String, _ destination: ExportDestination) throws {
        let (h, d) = try ExportDestination.split(input)
        #expect(h == head)
        #expect(d == destination)
    }

    @Test(arguments: ["csv >", "csv |", "csv > a b", "csv >>   "])
    func rejectsIncompleteDestinations(_ input: String) {
        #expect(throws: ExportDestination.DestinationError.self) { try ExportDestination.split(input) }
    }

    @Test func groupsThousandsAndScalesBytes() {
        #expect(ExportProgress.grouped(0) == "0")
        #expect(ExportProgress.grouped(999) == "999")
        #expect(ExportProgress.grouped(1000) == "1,000")
        #expect(ExportProgress.grouped(1_000_000) == "1,000,000")
        #expect(ExportProgress.byteCount(512) == "512 B")
        #expect(ExportProgress.byteCount(1536) == "1.5 kB")
        #expect(ExportProgress.byteCount(250_000_000) == "250.0 MB")
    }

    @Test func missingPipelineProgramsAreNamed() {
        #expect(ExportSink.missingProgram(in: "no-such-program-xyz --flag") == "no-such-program-xyz")
        #expect(ExportSink.missingProgram(in: "head -1") == nil)
        #expect(ExportSink.missingProgram(in: "cat > /tmp/x") == nil)
        #expect(ExportSink.missingProgram(in: "FOO=1 head") == nil)  // not a plain name: the shell decides
        #expect(ExportSink.missingProgram(in: "/bin/cat") == nil)
        #expect(ExportSink.missingProgram(in: "/nonexistent/cat") == "/nonexistent/cat")
    }
}
