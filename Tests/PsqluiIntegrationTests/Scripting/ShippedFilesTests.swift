import Foundation
import Testing

/// `completions/` and `man/psqlui.1` are generated from the real CLI and command
/// registry and committed; these fail when they are stale (`make generated`).
@Suite struct ShippedFilesTests {
    static func committed(_ path: String) throws -> String {
        try String(contentsOfFile: TestServer.packageRoot + "/" + path, encoding: .utf8)
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScriptIsCurrent(_ shell: String) throws {
        let generated = try TestServer.psqlui(["--generate-completion-script", shell], database: nil)
        #expect(generated.status == 0)
        #expect(generated.out == (try Self.committed("completions/psqlui.\(shell)")), "run `make generated`")
    }

    @Test func manPageIsCurrentAndReadable() throws {
        let generated = try TestServer.psqlui(["--generate-man-page"], database: nil)
        #expect(generated.status == 0)
        #expect(generated.out == (try Self.committed("man/psqlui.1")), "run `make generated`")
        let rendered = try ProcessRunner.run("/usr/bin/man", ["-l", TestServer.packageRoot + "/man/psqlui.1"],
                                             environment: ["PATH": "/usr/bin:/bin", "MANPAGER": "cat", "MANWIDTH": "100", "LANG": "C.UTF-8"])
        #expect(rendered.status == 0)
        #expect(rendered.out.contains("--file FILE"))
        #expect(rendered.out.contains(":watch [SECS]"))
        #expect(rendered.out.contains("EXIT STATUS"))
    }

    /// Sourcing the bash script and completing `psqlui --fo` offers `--format`.
    @Test func bashCompletesLongOptions() throws {
        let script = TestServer.packageRoot + "/completions/psqlui.bash"
        let (typed, expected) = ("--fo", "--format")
        let probe = """
        source \(script)
        COMP_WORDS=(psqlui \(typed)); COMP_CWORD=1; COMP_LINE="psqlui \(typed)"; COMP_POINT=${#COMP_LINE}
        _psqlui psqlui "\(typed)" psqlui
        printf '%s\\n' "${COMPREPLY[@]}"
        """
        let out = try ProcessRunner.run("/bin/bash", ["-c", probe], environment: ["PATH": "/usr/bin:/bin"])
        #expect(out.out.split(separator: "\n").map(String.init).contains(expected), "\(out)")
    }
}
