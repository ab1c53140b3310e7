import Dispatch
import FoundationEssentials
import Glibc

/// Progress of one export on a terminal's stderr: while the query runs and no row
/// has arrived (after a second), the elapsed time; then rows, bytes and rows/s a few
/// times a second; at the end one summary line (`1,000,000 rows → orders.csv in 0.4 s`).
///
/// Only made when stderr is a terminal and psqlui is not quiet, so redirected stderr
/// gets zero bytes. The status line is redrawn in place (`\r`, erase to end of line).
public final class ExportProgress: @unchecked Sendable {
    private let target: String
    private let fileDescriptor: Int32
    private let started = DispatchTime.now().uptimeNanoseconds
    private let lock = Lock()
    private var lastDraw: UInt64 = 0
    private var lineShown = false
    private var rowsArrived = false
    private var done = false
    private var waitTimer: DispatchSourceTimer?
    /// How often the status line is redrawn.
    static let interval: UInt64 = 250_000_000

    /// A reporter writing to `fileDescriptor` (stderr) about an export to `target`.
    public init(target: String, fileDescriptor: Int32 = 2) {
        self.target = target
        self.fileDescriptor = fileDescriptor
        let timer = DispatchSource.makeTimerSource(queue: .global(qos: .utility))
        timer.schedule(deadline: .now() + 1, repeating: .milliseconds(250))
        timer.setEventHandler { [weak self] in self?.showWaiting() }
        timer.resume()
        waitTimer = timer
    }

    deinit { waitTimer?.cancel() }

    /// True when progress should be shown: stderr is a terminal and not `-q`.
    public static func wanted(quiet: Bool) -> Bool { !quiet && isatty(2) == 1 }

    /// Called on the query thread after each batch with the totals so far.
    public func update(rows: Int, bytes: Int) {
        let now = DispatchTime.now().uptimeNanoseconds
        lock.lock()
        defer { lock.unlock() }
        if !rowsArrived {
            rowsArrived = true
            waitTimer?.cancel()
            waitTimer = nil
        }
        guard !done, now - lastDraw >= Self.interval, now - started >= Self.interval else { return }
        lastDraw = now
        let seconds = Double(now - started) / 1e9
        let rate = seconds > 0 ? Int(Double(rows) / seconds) : 0
        draw("\(Self.grouped(rows)) rows, \(Self.byteCount(bytes)), \(Self.grouped(rate)) rows/s")
    }

    /// Clears the status line and prints the summary (or only clears it, for a
    /// failed or interrupted export).
    public func finish(rows: Int?) {
        lock.lock()
        defer { lock.unlock() }
        guard !done else { return }
        done = true
        waitTimer?.cancel()
        waitTimer = nil
        var text = lineShown ? "\r\u{1B}[K" : ""
        if let rows {
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            text += "\(Self.grouped(rows)) \(rows == 1 ? "row" : "rows") → \(target) in \(NumberText.fixed(seconds, places: 1)) s\n"
        }
        emit(text)
    }

    private func showWaiting() {
        lock.lock()
        defer { lock.unlock() }
        guard !done, !rowsArrived else { return }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        draw("running… \(NumberText.fixed(seconds, places: 0)) s")
    }

    private func draw(_ status: String) {
        lineShown = true
        emit("\r\u{1B}[K" + status)
    }

    private func emit(_ text: String) {
        guard !text.isEmpty else { return }
        var t = text
        t.withUTF8 { buf in
            var p = buf.baseAddress!, left = buf.count
            while left > 0 {
                let n = write(fileDescriptor, p, left)
                if n < 0 { if errno == EINTR { continue }; return }
                p += n; left -= n
            }
        }
    }

    /// `1000000` → `1,000,000`.
    static func grouped(_ n: Int) -> String {
        let digits = String(n)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0, c != "-" { out.append(",") }
            out.append(c)
        }
        return out
    }

    /// `1536` → `1.5 kB` (decimal units, one decimal).
    static func byteCount(_ n: Int) -> String {
        let units = ["B", "kB", "MB", "GB", "TB"]
        var value = Double(n)
        var unit = 0
        while value >= 1000, unit < units.count - 1 { value /= 1000; unit += 1 }
        return unit == 0 ? "\(n) B" : NumberText.fixed(value, places: 1) + " " + units[unit]
    }
}
