import FoundationEssentials
import Glibc
import PsqluiCore

/// `\prompt [TEXT] NAME`: asks for a value and sets variable NAME to the line read, as
/// psql does: in a `-f` script the text goes to stdout and the line comes from stdin;
/// otherwise both go through the terminal (`/dev/tty`), else stderr and stdin.
struct PromptCommand: REPLCommand {
    let about = CommandDescription(name: "\\prompt", summary: "prompt the user to set variable NAME",
                                   usage: "\\prompt [TEXT] NAME", group: "Variables")
    let grammar = ArgumentGrammar.psql
    let argumentLimit: Int? = 2

    func run(_ call: CommandCall, in env: CommandEnvironment) -> StepResult {
        let evaluator = env.evaluator
        guard let last = call.words.last else {
            evaluator.reportError("\\prompt: missing required argument")
            return .failed
        }
        let text = call.words.count > 1 ? call.words[0] : nil
        let name = call.words.count > 1 ? call.words[1] : last
        let value: String?
        switch env.processor.origin {
        case .file, .stdinFile:
            if let text { _ = env.say(text, newline: false) }
            value = Self.readLine(from: STDIN_FILENO)
        case .interactive, .commandString, .pipedStdin:
            value = Self.askTerminal(text ?? "", fallback: evaluator)
        }
        guard let value else {
            evaluator.reportError("\\prompt: could not read value for variable")
            return .failed
        }
        guard VariableName.isValid(name) else {
            evaluator.reportError("invalid variable name: \"\(name)\"")
            return .failed
        }
        evaluator.variables[name] = BuiltinVariables.substitute(name, value) ?? value
        return .ok
    }

    /// The terminal when there is one, else stderr for the text and stdin for the line.
    static func askTerminal(_ text: String, fallback evaluator: Evaluator) -> String? {
        try? evaluator.stdout.flush()
        let tty = open("/dev/tty", O_RDWR | O_CLOEXEC)
        if tty >= 0 {
            defer { close(tty) }
            _ = text.withCString { write(tty, $0, strlen($0)) }
            return readLine(from: tty)
        }
        try? evaluator.stderr.write(text)
        try? evaluator.stderr.flush()
        return readLine(from: STDIN_FILENO)
    }

    /// One line from `fd`, read a byte at a time (nothing past the newline is taken),
    /// without its newline; nil at end of input with nothing read.
    static func readLine(from fd: Int32) -> String? {
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            let n = read(fd, &byte, 1)
            if n < 0, errno == EINTR { continue }
            if n <= 0 { return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self) }
            if byte == 0x0a { break }
            bytes.append(byte)
        }
        if bytes.last == 0x0d { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }
}
