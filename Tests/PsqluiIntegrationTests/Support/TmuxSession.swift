import Foundation
import PsqluiCore

/// A program running in a real pseudo-terminal under a private tmux server, for
/// testing the REPL as a person uses it: type, press keys, read the screen.
final class TmuxSession {
    let socketName: String
    let name = "t"

    /// Starts `command` (a shell command line) in a `width`×`height` terminal.
    init(command: String, environment: [String: String], width: Int = 120, height: Int = 40) throws {
        socketName = "psqlui-test-\(getpid())-\(UUID().uuidString.prefix(8))"
        var args = ["-L", socketName, "-f", "/dev/null", "new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)"]
        for (k, v) in environment { args += ["-e", "\(k)=\(v)"] }
        args.append(command)
        // posix_spawn, not Foundation's Process: the tmux server this starts would
        // inherit Process's exit-notification descriptor and Process would wait forever.
        let out = try ChildProcess.run(["/usr/bin/tmux"] + args, environment: environment)
        guard out.status == 0 else { throw TestFailure("tmux new-session failed: \(out.output)") }
        _ = try tmux(["set-option", "-t", name, "remain-on-exit", "on"], environment: environment)
    }

    deinit { kill() }

    func kill() {
        _ = try? tmux(["kill-server"], environment: ProcessInfo.processInfo.environment)
    }

    /// Runs a tmux command against this session's server (`set-option -s …`,
    /// `show-buffer`) and returns its status and output.
    @discardableResult
    func command(_ args: String...) throws -> (status: Int32, out: String) {
        try tmux(args, environment: ProcessInfo.processInfo.environment)
    }

    /// Runs a tmux client command against this session's server.
    @discardableResult
    private func tmux(_ args: [String], environment: [String: String]) throws -> (status: Int32, out: String) {
        let (status, output) = try ChildProcess.run(["/usr/bin/tmux", "-L", socketName] + (args.first == "-L" ? Array(args.dropFirst(2)) : args),
                                                    environment: environment)
        return (status, output)
    }

    /// Types `text` literally (no key names are interpreted).
    func type(_ text: String) throws {
        // tmux reads an argument ending in ";" as a command separator: escape it.
        let escaped = text.hasSuffix(";") ? String(text.dropLast()) + "\\;" : text
        try tmux(["send-keys", "-t", name, "-l", escaped], environment: ProcessInfo.processInfo.environment)
    }

    /// Presses named keys: "Enter", "Tab", "C-c", "C-d", "q", ...
    func press(_ keys: String...) throws {
        try tmux(["send-keys", "-t", name] + keys, environment: ProcessInfo.processInfo.environment)
    }

    /// The visible screen, lines joined with "\n".
    func screen() throws -> String {
        try tmux(["capture-pane", "-p", "-t", name, "-S", "-200"], environment: ProcessInfo.processInfo.environment).out
    }

    /// Waits until the screen satisfies `predicate`, or fails after `timeout` seconds
    /// with the screen in the message.
    @discardableResult
    func waitFor(_ description: String, timeout: TimeInterval = 20, _ predicate: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if predicate(last) { return last }
            usleep(50_000)
        }
        throw TestFailure("timed out waiting for \(description); screen:\n\(last)")
    }

    /// Waits until the screen contains `text`.
    @discardableResult
    func waitFor(text: String, timeout: TimeInterval = 20) throws -> String {
        try waitFor("\"\(text)\"", timeout: timeout) { $0.contains(text) }
    }

    /// psql's default prompt lines (`%/%R%x%# `, and `!?> ` without a connection), with
    /// whatever was typed after them.
    static let promptLine = try! NSRegularExpression(pattern: #"^[A-Za-z0-9_]*[=!][*?]?[#>]( .*)?$"#)

    /// Waits until at least `n` prompt lines show: a line typed at a prompt has been
    /// handled when the next prompt appears.
    func waitForPrompts(_ n: Int, timeout: TimeInterval = 30) throws {
        try waitFor("prompt \(n)", timeout: timeout) { screen in
            screen.split(separator: "\n").filter { line in
                let s = String(line)
                return Self.promptLine.firstMatch(in: s, range: NSRange(location: 0, length: (s as NSString).length)) != nil
            }.count >= n
        }
    }

    /// True when the program in the pane has exited.
    func paneDead() throws -> Bool {
        try tmux(["display-message", "-p", "-t", name, "#{pane_dead}"], environment: ProcessInfo.processInfo.environment)
            .out.trimmingCharacters(in: .whitespacesAndNewlines) == "1"
    }
}
