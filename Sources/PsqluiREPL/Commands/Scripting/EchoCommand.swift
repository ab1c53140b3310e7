import PsqluiCore

/// psql's echo family, one type for the three targets: `:echo TEXT` / `\echo` print to
/// stdout, `\qecho` to the query output (`\o`), `\warn` to stderr. The backslash forms
/// print their psql words joined by one space (`\echo 'a  b' c` is `a  b c`), and a
/// first word `-n` leaves out the newline; `:echo` prints the rest of the line as typed.
struct EchoCommand: REPLCommand {
    enum Target { case stdout, queryOutput, stderr }

    let about: CommandDescription
    let target: Target
    let grammar = ArgumentGrammar.psql

    /// `:echo`/`\echo`, `\qecho` and `\warn`.
    static let all: [EchoCommand] = [
        EchoCommand(about: CommandDescription(name: "echo", aliases: ["\\echo"], summary: "print text (-n: no newline)",
                                              usage: ":echo TEXT", group: "Scripts"), target: .stdout),
        EchoCommand(about: CommandDescription(name: "\\qecho", summary: "print text to the query output (\\o)",
                                              usage: "\\qecho [-n] TEXT", group: "Scripts"), target: .queryOutput),
        EchoCommand(about: CommandDescription(name: "\\warn", summary: "print text to standard error",
                                              usage: "\\warn [-n] TEXT", group: "Scripts"), target: .stderr),
    ]

    func run(_ call: CommandCall, in env: CommandEnvironment) -> StepResult {
        var words = call.words
        var newline = true
        // Only an unquoted -n is the option (`\echo '-n' x` prints "-n x", as psql).
        let raw = call.arguments.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        if call.form == .backslash, words.first == "-n", raw.starts(with: Array("-n".utf8)) {
            words.removeFirst()
            newline = false
        }
        let text = (call.form == .backslash ? words.joined(separator: " ") : call.text) + (newline ? "\n" : "")
        let evaluator = env.evaluator
        let writer: FileDescriptorWriter
        switch target {
        case .stdout: writer = evaluator.stdout
        case .queryOutput: writer = evaluator.queryOutput
        case .stderr:
            try? evaluator.stdout.flush()
            writer = evaluator.stderr
        }
        do {
            try writer.write(text)
            try writer.flush()
            return .ok
        } catch OutputWriteError.brokenPipe {
            return .brokenPipe
        } catch {
            return .failed
        }
    }
}
