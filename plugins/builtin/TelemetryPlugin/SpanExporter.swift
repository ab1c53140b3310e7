import Dispatch
import FoundationEssentials
import Glibc
import Synchronization

/// Batches spans off the REPL thread: `enqueue` (on the publisher's thread) only
/// appends to a bounded queue under a lock — when the queue is full the span is
/// dropped and counted, so a slow or dead endpoint never blocks a statement. A worker
/// on a thread of its own (never the cooperative pool, never a width-limited dispatch
/// queue: it blocks in `send` for up to `timeoutMillis`) sends a batch when
/// `batchSize` spans wait or every `flushInterval`, and at shutdown. Nothing here
/// blocks a task: `shutdown` waits by sleeping the task, not the thread.
final class SpanExporter: Sendable {
    struct Settings: Equatable {
        var destination: TelemetryDestination
        var serviceName = "psqlui"
        var batchSize = 64
        var queueLimit = 2048
        var flushIntervalMillis = 1000
        var timeoutMillis: Int32 = 2000
    }

    /// What happened so far, for `:telemetry` and the exit warning.
    struct Counts: Equatable {
        var queued = 0
        var sent = 0
        /// Dropped because the queue was full.
        var dropped = 0
        /// In batches the destination did not accept.
        var undelivered = 0
        var lastError: String?
    }

    private struct State {
        var queue: [StatementSpan] = []
        var counts = Counts()
        var stopping = false
        var stopped = false
    }

    let settings: Settings
    private let state = Mutex(State())
    private let wake = DispatchSemaphore(value: 0)

    init(settings: Settings) {
        self.settings = settings
        Self.startWorker(self)
    }

    /// Runs `exporter.run()` on a detached pthread of its own (Foundation's `Thread`
    /// would load libFoundation into the host).
    private static func startWorker(_ exporter: SpanExporter) {
        let box = Unmanaged.passRetained(exporter).toOpaque()
        var thread = pthread_t()
        let status = pthread_create(&thread, nil, { raw in
            let exporter = Unmanaged<SpanExporter>.fromOpaque(raw!).takeRetainedValue()
            let fd = open("/proc/thread-self/comm", O_WRONLY | O_CLOEXEC)
            if fd >= 0 { _ = write(fd, "psqlui.telemetr", 15); close(fd) }
            exporter.run()
            return nil
        }, box)
        if status == 0 { pthread_detach(thread) } else { Unmanaged<SpanExporter>.fromOpaque(box).release() }
    }

    /// Queues a span; never blocks beyond a short lock.
    func enqueue(_ span: StatementSpan) {
        let full: Bool = state.withLock { s in
            guard !s.stopping, s.queue.count < settings.queueLimit else { s.counts.dropped += 1; return false }
            s.queue.append(span)
            return s.queue.count >= settings.batchSize
        }
        if full { wake.signal() }
    }

    var counts: Counts { state.withLock { s in var c = s.counts; c.queued = s.queue.count; return c } }

    /// Sends what is queued and stops the worker; waits at most `waitMillis`, by
    /// sleeping the calling task (a semaphore wait here would hold one of the
    /// cooperative pool's two threads for the whole wait). Returns true when the
    /// worker finished in time.
    @discardableResult
    func shutdown(waitMillis: Int) async -> Bool {
        state.withLock { $0.stopping = true }
        wake.signal()
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(waitMillis) * 1_000_000
        while !state.withLock({ $0.stopped }) {
            guard DispatchTime.now().uptimeNanoseconds < deadline else { return false }
            try? await Task.sleep(nanoseconds: 5_000_000)
        }
        return true
    }

    private func run() {
        while true {
            _ = wake.wait(timeout: .now() + .milliseconds(settings.flushIntervalMillis))
            let stopping = state.withLock { $0.stopping }
            while let batch = takeBatch() { send(batch) }
            if stopping { break }
        }
        state.withLock { $0.stopped = true }
    }

    private func takeBatch() -> [StatementSpan]? {
        state.withLock { s in
            guard !s.queue.isEmpty else { return nil }
            let n = min(settings.batchSize, s.queue.count)
            defer { s.queue.removeFirst(n) }
            return Array(s.queue.prefix(n))
        }
    }

    private func send(_ batch: [StatementSpan]) {
        let body = OTLPJSON.request(batch, serviceName: settings.serviceName)
        do {
            try settings.destination.send(body, timeoutMillis: settings.timeoutMillis)
            state.withLock { $0.counts.sent += batch.count }
        } catch {
            state.withLock { s in
                s.counts.undelivered += batch.count
                s.counts.lastError = "\(error)"
            }
        }
    }
}
