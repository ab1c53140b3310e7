import PsqluiCore

/// `:echo TEXT` prints the rest of the line as typed; `\echo` prints its psql words
/// joined by one space (`\echo 'a  b' c` is `a  b c`), as psql does.
struct EchoCommand: REPLCommand {
    let about = CommandDescription(name: "echo", aliases: ["\\echo"], summary: "print text", usage: ":echo TEXT", group: "Scripts")
    let grammar = ArgumentGrammar.psql

    func run(_ call: CommandCall, in env: CommandEnvironment) -> StepResult {
        let text = call.form == .backslash ? call.words.joined(separator: " ") : call.text
        return env.say(text)
    }
}
