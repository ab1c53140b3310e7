import Foundation
import PsqluiCore

/// Where `\g TARGET` and `\o TARGET` send query results: a file, or the stdin of a
/// shell command when the target starts with `|` (psql's syntax).
enum OutputRedirection {
    /// An open target: the writer and, for a pipe, the child to wait for.
    struct Opened {
        let writer: FileDescriptorWriter
        let child: ShellCommand.Piped?

        /// Flushes, closes and (for a pipe) waits for the command to finish.
        func close() {
            try? writer.flush()
            if let child { child.finish() } else { _ = Foundation.close(writer.fileDescriptor) }
        }
    }

    /// The `\o |CMD` child currently receiving results (one evaluator per process).
    nonisolated(unsafe) static var persistent: Opened?

    /// Parses a `\g`/`\o` argument line: nil when empty, else a file path or `|command`.
    static func target(from rawArguments: [UInt8], variables: VariableStore) -> String? {
        let rest = MetaCommandArguments.restOfLine(rawArguments).trimmingCharacters(in: .whitespaces)
        if rest.hasPrefix("|") { return rest }
        return MetaCommandArguments.split(rawArguments, variables: { variables[$0] }).first
    }

    /// Opens `target` (a path, or `|command`).
    static func open(_ target: String) throws -> Opened {
        if target.hasPrefix("|") {
            let command = String(target.dropFirst()).trimmingCharacters(in: .whitespaces)
            let child = try ShellCommand.start(command, .toChild)
            return Opened(writer: FileDescriptorWriter(fileDescriptor: child.fileDescriptor), child: child)
        }
        let path = (target as NSString).expandingTildeInPath
        let fd = Foundation.open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw FileOpenError(path: target, errno: errno)
        }
        return Opened(writer: FileDescriptorWriter(fileDescriptor: fd), child: nil)
    }
}

/// A file that could not be opened for `\g`, `\o` or `\copy`: psql's `PATH: REASON`.
struct FileOpenError: Error, CustomStringConvertible {
    let description: String

    init(path: String, errno code: Int32) {
        description = "\(path): \(String(cString: strerror(code)))"
    }
}
