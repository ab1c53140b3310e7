import FoundationEssentials
import Glibc
import PsqluiCore

/// Reads a password without echo, as psql's `simple_prompt` does: from the
/// controlling terminal (`/dev/tty`) when there is one, else from standard input
/// with the prompt on standard error.
public enum PasswordPrompt {
    /// What the user answered.
    public enum Answer: Equatable {
        /// The line typed (without its newline; may be empty).
        case text(String)
        /// Ctrl-C while the prompt waited.
        case cancelled
        /// Input ended (Ctrl-D on an empty line, end of standard input).
        case ended
    }

    /// The password typed, or nil when it was empty, input ended or Ctrl-C was pressed
    /// (`cancelled` tells which).
    public static func read(prompt: String) -> String? {
        if case .text(let s) = ask(prompt), !s.isEmpty { return s }
        return nil
    }

    /// Shows `prompt`, reads one line with echo off, and writes the newline the user's
    /// Enter did not echo. A SIGINT (the REPL's handler has no SA_RESTART) ends the
    /// read as `.cancelled`.
    public static func ask(_ prompt: String) -> Answer {
        let tty = open("/dev/tty", O_RDWR | O_CLOEXEC)
        let input = tty >= 0 ? tty : 0
        let output = tty >= 0 ? tty : 2
        defer { if tty >= 0 { close(tty) } }
        var saved = termios()
        let isTerminal = tcgetattr(input, &saved) == 0
        if isTerminal {
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO)
            _ = tcsetattr(input, TCSAFLUSH, &quiet)
        }
        defer { if isTerminal { _ = tcsetattr(input, TCSANOW, &saved) } }
        write(output, prompt)
        var line: [UInt8] = []
        var byte: UInt8 = 0
        var answer = Answer.ended
        while true {
            let n = Glibc.read(input, &byte, 1)
            if n == 1 {
                if byte == 0x0a { answer = .text(String(decoding: line, as: UTF8.self)); break }
                line.append(byte)
                continue
            }
            if n < 0 && errno == EINTR {
                // Ctrl-C: the REPL's handler noted it as a press at the prompt.
                QueryCanceller.shared.interrupted = false
                _ = QueryCanceller.shared.takePress()
                answer = .cancelled
                break
            }
            // End of input: what was typed counts, as in psql.
            if !line.isEmpty { answer = .text(String(decoding: line, as: UTF8.self)) }
            break
        }
        if isTerminal { write(output, "\n") }
        return answer
    }

    private static func write(_ fd: Int32, _ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return }
            offset += n
        }
    }
}
