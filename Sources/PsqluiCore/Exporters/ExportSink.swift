import Foundation

/// An opened export destination: the writer the exporter's bytes drain into, and
/// for a pipeline the shell running the command.
///
/// The pipeline's shell is started with `posix_spawn` (not Foundation's `Process`,
/// whose exit-notification descriptor a long-lived child would inherit), with stdin
/// on the read end of a pipe, psqlui's stdout and stderr, and SIGPIPE back at its
/// default, so `| head -1` ends the reader the usual way.
public final class ExportSink {
    public let destination: ExportDestination
    /// Where the exporter writes.
    public let writer: FileDescriptorWriter
    private let ownsDescriptor: Bool
    private var child: pid_t?

    /// Opens `destination`; `queryOutput` is used for `.queryOutput`.
    public init(_ destination: ExportDestination, queryOutput: FileDescriptorWriter) throws {
        self.destination = destination
        switch destination {
        case .queryOutput:
            writer = queryOutput
            ownsDescriptor = false
        case .file(let path, let append):
            let fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | (append ? O_APPEND : O_TRUNC), 0o644)
            guard fd >= 0 else { throw ExportSinkError(message: "could not open \"\(path)\": \(String(cString: strerror(errno)))") }
            writer = FileDescriptorWriter(fileDescriptor: fd)
            ownsDescriptor = true
        case .pipeline(let command):
            if let missing = Self.missingProgram(in: command) {
                throw ExportSinkError(message: "command not found: \(missing)")
            }
            var fds: [Int32] = [0, 0]
            guard pipe(&fds) == 0 else {
                throw ExportSinkError(message: "could not create a pipe: \(String(cString: strerror(errno)))")
            }
            for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
            do {
                child = try Self.spawnShell(command, stdin: fds[0])
            } catch {
                close(fds[0]); close(fds[1])
                throw error
            }
            close(fds[0])
            writer = FileDescriptorWriter(fileDescriptor: fds[1])
            ownsDescriptor = true
        }
    }

    deinit { _ = try? finish() }

    /// Flushes, closes the descriptor (the pipeline sees end of input) and waits for
    /// the pipeline's shell. Returns its exit status (nil for files and stdout).
    @discardableResult
    public func finish() throws -> Int32? {
        var flushError: Error?
        do { try writer.flush() } catch { flushError = error }
        if ownsDescriptor, writer.fileDescriptor >= 0 {
            close(writer.fileDescriptor)
        }
        var status: Int32?
        if let pid = child {
            child = nil
            status = ChildProcess.waitForExit(pid)
        }
        if let flushError { throw flushError }
        return status
    }

    private static func spawnShell(_ command: String, stdin: Int32) throws -> pid_t {
        do {
            return try ChildProcess.spawn(["/bin/sh", "-c", command], actions: [.duplicate(from: stdin, onto: 0)])
        } catch {
            throw ExportSinkError(message: "could not run /bin/sh: \(error)")
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
}

/// An export destination that could not be opened.
public struct ExportSinkError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
