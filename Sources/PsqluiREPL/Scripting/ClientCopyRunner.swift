import FoundationEssentials
import Glibc
import PsqluiCore

/// Runs a `\copy`: sends the server-side `COPY … FROM STDIN`/`TO STDOUT` and moves
/// the data between the session's copy hooks and a file, a program or our streams.
/// The COPY is run as a user statement (psql's do_copy calls SendQuery): AUTOCOMMIT
/// off opens the transaction, ON_ERROR_ROLLBACK guards it.
struct ClientCopyRunner {
    /// The input the `\copy` was read from: its statement run, and its line reader
    /// (`\copy … from stdin` reads the lines after it).
    let processor: InputProcessor
    var evaluator: Evaluator { processor.evaluator }

    func run(_ request: ClientCopyRequest) -> StepResult {
        let sql = Array(request.serverSQL.utf8)
        // The `COPY n` tag goes to the query output, not into the data.
        let printer = ResultPrinter(out: evaluator.queryOutput.buffer, settings: evaluator.printSettings)
        do {
            if request.isFrom {
                return try copyIn(sql, from: request.endpoint, printer: printer)
            }
            return try copyOut(sql, to: request.endpoint, printer: printer)
        } catch {
            evaluator.reportError("\(error)")
            return .failed
        }
    }

    private func copyIn(_ sql: [UInt8], from endpoint: ClientCopyRequest.Endpoint, printer: ResultPrinter) throws -> StepResult {
        switch endpoint {
        case .scriptStream:
            return runCopy(sql, copyIn: processor.copyInSource, consumer: printer)
        case .processStream:
            let input = ScriptInput(fileDescriptor: 0)
            return runCopy(sql, copyIn: { input.nextLine() }, consumer: printer)
        case .file(let path):
            let fd = open(UserPath.expand(path), O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { throw FileError(path: path, errno: errno) }
            defer { close(fd) }
            let input = ScriptInput(fileDescriptor: fd)
            return runCopy(sql, copyIn: { input.nextLine() }, consumer: printer)
        case .program(let command):
            let child = try ShellCommand.start(command, .fromChild)
            let input = ScriptInput(fileDescriptor: child.fileDescriptor)
            let result = runCopy(sql, copyIn: { input.nextLine() }, consumer: printer)
            let status = child.finish()
            if status != 0 && result == .ok {
                evaluator.reportError("program \"\(command)\" failed: exit status \(status)")
                return .failed
            }
            return result
        }
    }

    /// The server-side COPY through the one statement run; not the previous statement.
    private func runCopy(_ sql: [UInt8], copyIn: (() -> [UInt8]?)?, consumer: QueryResultConsumer) -> StepResult {
        processor.runUserStatement(sql, prefix: evaluator.messagePrefix, consumer: consumer, copyIn: copyIn, remember: false)
    }

    private func copyOut(_ sql: [UInt8], to endpoint: ClientCopyRequest.Endpoint, printer: ResultPrinter) throws -> StepResult {
        let opened: OpenedOutput?
        let writer: FileDescriptorWriter
        switch endpoint {
        case .scriptStream: opened = nil; writer = evaluator.queryOutput
        case .processStream: opened = nil; writer = evaluator.stdout
        case .file(let path): opened = try OutputTarget.file(path: path, append: false).open(queryOutput: evaluator.queryOutput); writer = opened!.writer
        case .program(let command): opened = try OutputTarget.pipe(command: command).open(queryOutput: evaluator.queryOutput); writer = opened!.writer
        }
        let saved = evaluator.queryOutput
        evaluator.queryOutput = writer
        // psql prints no `COPY n` after data copied to its own output; after data
        // copied to a file or program it does.
        let collector = RowCollector()
        let result = runCopy(sql, copyIn: nil, consumer: collector)
        evaluator.queryOutput = saved
        do { try opened?.finish() } catch {
            evaluator.reportError("\(error)")
            return .failed
        }
        if opened != nil, result == .ok { collector.tags.forEach { try? printer.commandCompleted(tag: $0) } }
        try? evaluator.queryOutput.flush()
        return result
    }
}
