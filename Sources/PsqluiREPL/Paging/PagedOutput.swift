import FoundationEssentials
import Glibc
import PsqluiCore
import PsqluiPluginAPI

/// The one paged-view path for query results and panes at a terminal: output is
/// held until it is known to fit (then printed as is) or not (taller or wider than
/// the terminal: then it goes to the pager, and the rest streams after it). The
/// decision is made on the first screenful — for results, within the first chunk.
final class PagedOutput {
    private enum State {
        case undecided
        case direct
        case pager(ShellCommand.Piped)
        case builtin
        case closed
    }

    private let terminal: TerminalSize
    private let command: String?
    private var state = State.undecided
    private var pending: [UInt8] = []
    private var lineCount = 0
    private var lineStart = 0
    private var widest = 0
    /// The reader (the pager) went away: the user quit it.
    private(set) var pagerQuit = false

    /// A buffer that writers (the result printer, pane rendering) append to.
    private(set) var buffer: OutputBuffer!

    init(terminal: TerminalSize, command: String?) {
        self.terminal = terminal
        self.command = command
        buffer = OutputBuffer(capacity: 64 * 1024) { [unowned self] bytes in try self.write(bytes) }
    }

    /// Sends whatever is held and waits for the pager to exit.
    func finish() {
        try? buffer.flush()
        switch state {
        case .undecided:
            writeDirect(pending[...])
        case .pager(let piped):
            _ = piped.finish()
        case .builtin:
            BuiltinPager(terminal: terminal).show(String(decoding: pending, as: UTF8.self))
        case .direct, .closed:
            break
        }
        pending = []
        state = .closed
    }

    private func write(_ bytes: UnsafeRawBufferPointer) throws {
        switch state {
        case .direct:
            writeDirect(ArraySlice(bytes.bindMemory(to: UInt8.self)))
        case .pager(let piped):
            try writeAll(piped.fileDescriptor, ArraySlice(bytes.bindMemory(to: UInt8.self)))
        case .builtin:
            pending.append(contentsOf: bytes.bindMemory(to: UInt8.self))
        case .closed:
            throw OutputWriteError.brokenPipe
        case .undecided:
            let start = pending.count
            pending.append(contentsOf: bytes.bindMemory(to: UInt8.self))
            if measure(from: start) { try startPaging() }
        }
    }

    /// Counts lines and widths in the newly held bytes; true when paging is needed.
    private func measure(from start: Int) -> Bool {
        for i in start..<pending.count where pending[i] == UInt8(ascii: "\n") {
            let width = DisplayWidth.of(String(decoding: pending[lineStart..<i], as: UTF8.self))
            widest = max(widest, width)
            lineCount += 1
            lineStart = i + 1
            if lineCount >= terminal.rows - 1 || widest > terminal.columns { return true }
        }
        return false
    }

    private func startPaging() throws {
        guard let command else {
            state = .builtin
            return
        }
        do {
            let piped = try ShellCommand.start(command, .toChild)
            state = .pager(piped)
            try writeAll(piped.fileDescriptor, pending[...])
            pending = []
        } catch OutputWriteError.brokenPipe {
            pagerQuit = true
            throw OutputWriteError.brokenPipe
        } catch {
            // No pager could be started: print as is.
            state = .direct
            writeDirect(pending[...])
            pending = []
        }
    }

    private func writeDirect(_ bytes: ArraySlice<UInt8>) {
        try? writeAll(1, bytes)
    }

    private func writeAll(_ fd: Int32, _ bytes: ArraySlice<UInt8>) throws {
        try bytes.withUnsafeBytes { raw in
            var p = raw.baseAddress
            var left = raw.count
            while left > 0, let base = p {
                let n = Glibc.write(fd, base, left)
                if n < 0 {
                    if errno == EINTR { continue }
                    if errno == EPIPE { pagerQuit = true; throw OutputWriteError.brokenPipe }
                    throw OutputWriteError.failed(errno: errno)
                }
                p = base + n
                left -= n
            }
        }
    }
}
