import Testing
@testable import PsqluiCore

/// `:export` argument parsing and the progress line's number formats.
@Suite struct OutputTargetTests {
    @Test(arguments: [
        ("csv", "csv", OutputTarget.queryOutput),
        ("csv > out.csv", "csv ", .file(path: "out.csv", append: false)),
        ("csv >> out.csv", "csv ", .file(path: "out.csv", append: true)),
        ("csv >out.csv", "csv ", .file(path: "out.csv", append: false)),
        ("csv > 'my file.csv'", "csv ", .file(path: "my file.csv", append: false)),
        ("ndjson | jq -c . | head -1", "ndjson ", .pipe(command: "jq -c . | head -1")),
        ("csv delimiter='|' > x", "csv delimiter='|' ", .file(path: "x", append: false)),
        ("csv delimiter=\">\" | cat", "csv delimiter=\">\" ", .pipe(command: "cat")),
    ])
    func splitsFormatFromDestination(_ input: String, _ head: String, _ destination: OutputTarget) throws {
        let (h, d) = try OutputTarget.exportArguments(input)
        #expect(h == head)
        #expect(d == destination)
    }

    @Test(arguments: ["csv >", "csv |", "csv > a b", "csv >>   "])
    func rejectsIncompleteDestinations(_ input: String) {
        #expect(throws: OutputTarget.SyntaxError.self) { try OutputTarget.exportArguments(input) }
    }

    @Test(arguments: [
        ("~", "/h/me"), ("~/a.csv", "/h/me/a.csv"), ("~root/x", "/root/x"), ("a/~/b", "a/~/b"),
        ("/abs/~x", "/abs/~x"), ("~no-such-user-psqlui/x", "~no-such-user-psqlui/x"),
    ])
    func tildeComesFromHome(_ path: String, _ expanded: String) {
        #expect(UserPath.expand(path, environment: ["HOME": "/h/me"]) == expanded)
    }

    @Test func metaCommandArgumentIsAFileOrTheRestOfTheLineAfterAPipe() {
        #expect(OutputTarget.metaCommandArgument(Array(" 'my file' ".utf8), variables: nil) == .file(path: "my file", append: false))
        #expect(OutputTarget.metaCommandArgument(Array("| sort -r | head".utf8), variables: nil) == .pipe(command: "sort -r | head"))
        #expect(OutputTarget.metaCommandArgument([], variables: nil) == nil)
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
        #expect(OutputTarget.missingProgram(in: "no-such-program-xyz --flag") == "no-such-program-xyz")
        #expect(OutputTarget.missingProgram(in: "head -1") == nil)
        #expect(OutputTarget.missingProgram(in: "cat > /tmp/x") == nil)
        #expect(OutputTarget.missingProgram(in: "FOO=1 head") == nil)  // not a plain name: the shell decides
        #expect(OutputTarget.missingProgram(in: "/bin/cat") == nil)
        #expect(OutputTarget.missingProgram(in: "/nonexistent/cat") == "/nonexistent/cat")
    }
}
