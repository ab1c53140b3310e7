import Testing
@testable import PsqluiCore

@Suite struct InputLineProblemTests {
    @Test(arguments: [
        (Array("select 1;".utf8), nil as InputLineProblem?, 0),
        (Array("delete from tx".utf8) + [0] + Array(" where a = 1;".utf8), .nulByte(offset: 14), 15),
        ([0] + Array("x".utf8), .nulByte(offset: 0), 1),
        (Array("select 'é'".utf8) + [0], .nulByte(offset: 11), 11),
        (Array("select 1;".utf8) + [0xFF], .invalidUTF8(offset: 9), 10),
        (Array("é".utf8) + [0xC3], .invalidUTF8(offset: 2), 2),
        // A NUL is reported before a bad byte later on the line.
        ([0xFF, 0x00], .nulByte(offset: 1), 2),
        ([], nil, 0),
    ])
    func findsTheFirstProblemAndItsColumn(_ line: [UInt8], _ expected: InputLineProblem?, _ column: Int) {
        let found = InputLineProblem.find(in: line)
        #expect(found == expected)
        if let found { #expect(found.column(in: line) == column) }
    }

    @Test func messagesNameLineAndColumn() {
        let line = Array("ab".utf8) + [0]
        #expect(InputLineProblem.nulByte(offset: 2).message(line: line, lineNumber: 7)
                == "NUL byte in input line 7 at column 3; the line was not run")
    }
}

@Suite struct SecretNameTests {
    @Test(arguments: [
        ("PASSWORD", true), ("pgpassword", true), ("API_TOKEN", true), ("client_secret", true),
        ("PGPASSWD", true), ("ECHO", false), ("ON_ERROR_STOP", false), ("signing_key", false),
    ])
    func variableNames(_ name: String, _ secret: Bool) {
        #expect(SecretFilter.isSecretName(name) == secret)
    }

    @Test(arguments: [("signing_key", true), ("api_key", true), ("password", true), ("endpoint", false), ("host", false)])
    func configKeys(_ name: String, _ secret: Bool) {
        #expect(SecretFilter.isSecretConfigKey(name) == secret)
    }

    @Test(arguments: [
        ("\\set PASSWORD x", true), (":set API_TOKEN y", true), ("\\setenv PGPASSWORD z", true),
        ("select 1 \\set my_secret 2", true), ("\\set harmless 1", false), ("\\set", false),
        ("select 'pass' as word", false), ("ALTER ROLE r PASSWORD 'x'", true),
    ])
    func historyEntries(_ text: String, _ secret: Bool) {
        #expect(SecretFilter.containsSecret(text) == secret)
    }
}
