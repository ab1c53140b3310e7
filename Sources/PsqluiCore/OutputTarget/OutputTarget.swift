import FoundationEssentials
import Glibc
import PsqluiPluginAPI

/// Where query results go: the query output (stdout, or what `\o`/`-o` chose), a
/// file (`> FILE`, `\o FILE`, `\g FILE`, `-o FILE`), the end of a file (`>> FILE`), or
/// the stdin of a shell pipeline (`| CMD`, `\g |CMD`, `\o |CMD`). `open` is the one
/// place any of them is opened; names go through `UserPath.expand` there.
public enum OutputTarget: Equatable, Sendable {
    case queryOutput
    case file(path: String, append: Bool)
    case pipe(command: String)

    /// How the target is named in messages and the progress summary.
    public var displayName: String {
        switch self {
        case .queryOutput: return "stdout"
        case .file(let path, _): return path
        case .pipe(let command): return "| " + command
        }
    }

    /// A `\g`/`\o` argument (psql's syntax): nil when empty, `|command` (the rest of
    /// the line, verbatim) or one file name (interpolated, quotes removed).
    public static func metaCommandArgument(_ raw: [UInt8], variables: VariableLookup?) -> OutputTarget? {
        let rest = MetaCommandArguments.restOfLine(raw).trimmingBlanks()
        if rest.hasPrefix("|") { return .pipe(command: String(rest.dropFirst()).trimmingBlanks()) }
        return MetaCommandArguments.split(raw, variables: variables).first.map { .file(path: $0, append: false) }
    }

    /// Splits `:export` arguments into the part before the target (format and
    /// options) and the target. The first `>`, `>>` or `|` outside quotes starts the
    /// target; everything after `|` is the shell command, verbatim.
    public static func exportArguments(_ arguments: String) throws -> (head: String, target: OutputTarget) {
        let chars = Array(arguments)
        var quote: Character?
        for (i, c) in chars.enumerated() {
            if let q = quote {
                if c == q { quote = nil }
                continue
            }
            if c == "'" || c == "\"" { quote = c; continue }
            guard c == "|" || c == ">" else { continue }
            let head = String(chars[..<i])
            var rest = String(chars[(i + 1)...])
            if c == "|" {
                let command = rest.trimmingBlanks()
                guard !command.isEmpty else { throw SyntaxError(message: "| needs a shell command") }
                return (head, .pipe(command: command))
            }
            let append = rest.hasPrefix(">")
            if append { rest.removeFirst() }
            let op = append ? ">>" : ">"
            let words = MetaCommandArguments.split(Array(rest.utf8), grammar: .words, variables: nil)
            guard words.count == 1 else {
                throw SyntaxError(message: words.isEmpty ? "\(op) needs a file name" : "one file name expected after \(op), got \(words.count) words")
            }
            return (head, .file(path: words[0], append: append))
        }
        return (arguments, .queryOutput)
    }

    /// Opens the target. `staged`: a `> FILE` is written to `FILE.partial` and renamed
    /// to `FILE` by `finish(succeeded: true)` (only for a regular file or a new name;
    /// a device or FIFO is written in place). `checkProgram`: refuse a pipeline whose
    /// first program is not found, before any query runs.
    public func open(queryOutput: FileDescriptorWriter, staged: Bool = false, checkProgram: Bool = false) throws -> OpenedOutput {
        switch self {
        case .queryOutput:
            return OpenedOutput(target: self, writer: queryOutput, owned: false)
        case .file(let name, let append):
            let path = UserPath.expand(name)
            var existing = stat()
            let exists = lstat(path, &existing) == 0
            // Staged only over a regular file or a new name: a device or FIFO (`/dev/null`)
            // is written in place, and a symlink stays one.
            let stage = staged && !append && (exists ? existing.st_mode & S_IFMT == S_IFREG : errno == ENOENT)
            let writePath = stage ? path + ".partial" : path
            let fd = Glibc.open(writePath, O_WRONLY | O_CREAT | O_CLOEXEC | (append ? O_APPEND : O_TRUNC), 0o644)
            guard fd >= 0 else { throw FileError(path: name, errno: errno) }
            // The renamed file keeps the mode of the one it replaces.
            if stage, exists { _ = fchmod(fd, existing.st_mode & 0o7777) }
            return OpenedOutput(target: self, writer: FileDescriptorWriter(fileDescriptor: fd), owned: true,
                                staging: writePath == path ? nil : (writePath, path))
        case .pipe(let command):
            if checkProgram, let missing = Self.missingProgram(in: command) {
                throw SyntaxError(message: "command not found: \(missing)")
            }
            let child = try ShellCommand.start(command, .toChild)
            return OpenedOutput(target: self, writer: FileDescriptorWriter(fileDescriptor: child.fileDescriptor), owned: true, child: child)
        }
    }

    /// The pipeline's first program when it is a plain name that is neither a shell
    /// builtin nor on `PATH` (so the user gets one clear message instead of the
    /// shell's, after the query ran); nil when it looks runnable or is not a plain name.
    static func missingProgram(in command: String) -> String? {
        let first = command.prefix { !$0.isWhitespace && !"|;&<>()$`'\"=".contains($0) }
        let rest = command.dropFirst(first.count).first
        guard !first.isEmpty, rest == nil || rest!.isWhitespace || rest == "|" || rest == ";" else { return nil }
        let name = String(first)
        if name.contains("/") { return access(name, X_OK) == 0 ? nil : name }
        let builtins: Set<String> = ["cat", "echo", "exec", "eval", "read", "true", "false", ":", ".", "cd", "set", "test", "[",
                                     "printf", "while", "for", "if", "until", "case", "{", "!", "command", "exit", "export", "ulimit", "umask", "wait"]
        if builtins.contains(name) { return nil }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") where access("\(dir)/\(name)", X_OK) == 0 { return nil }
        return name
    }

    /// A target that cannot be used, with the reason.
    public struct SyntaxError: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }
}

/// An opened output target: the writer results drain into, and for a pipe the shell
/// running the command (its SIGPIPE at the default, so `| head -1` ends it the usual way).
public final class OpenedOutput {
    public let target: OutputTarget
    public let writer: FileDescriptorWriter
    /// True for a pipe: a reader that stopped early is a normal end.
    public var isPipe: Bool { child != nil }
    private let owned: Bool
    private var child: ShellCommand.Piped?
    private var staging: (written: String, final: String)?
    private var finished = false

    init(target: OutputTarget, writer: FileDescriptorWriter, owned: Bool, staging: (String, String)? = nil, child: ShellCommand.Piped? = nil) {
        self.target = target
        self.writer = writer
        self.owned = owned
        self.staging = staging
        self.child = child
    }

    deinit { try? finish(succeeded: false) }

    /// Set by `finish` when a staged file did not succeed: where its partial output is.
    public private(set) var partialPath: String?

    /// Flushes, closes (a pipe's command sees end of input, and is waited for) and, for
    /// a staged file, renames `FILE.partial` to `FILE` when `succeeded`, else keeps it
    /// (`partialPath`) unless it is empty. Throws a write or rename failure as a `FileError`; a closed
    /// query output as `OutputWriteError.brokenPipe` (a pipe's reader that stopped
    /// early is a normal end).
    public func finish(succeeded: Bool = true) throws {
        guard !finished else { return }
        finished = true
        var failure: Error?
        do { try writer.flush() } catch OutputWriteError.brokenPipe {
            if child == nil { failure = OutputWriteError.brokenPipe }
        } catch { failure = FileError(path: target.displayName, error) }
        if let child {
            child.finish()
        } else if owned {
            close(writer.fileDescriptor)
        }
        if let (written, final) = staging {
            if succeeded && failure == nil {
                if rename(written, final) != 0 { failure = FileError(path: final, errno: errno) }
            } else if writer.bytesWritten == 0 {
                unlink(written)  // nothing came (the query failed at once): no file at all
            } else {
                partialPath = written
            }
        }
        if let failure { throw failure }
    }
}
