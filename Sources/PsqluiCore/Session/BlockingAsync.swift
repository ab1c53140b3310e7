import FoundationEssentials

/// psqlui's one blocking bridge: a thread that is not on the cooperative pool (the
/// REPL's thread, the metadata loader's) runs async work and waits for it there.
///
/// The work runs in a detached task. While the thread waits it runs, on itself, the
/// session work that the async code hands to `executor` (`SessionExecutor.perform`):
/// a plugin command's queries run on the thread that owns the session, in order,
/// never on the pool or on a thread of their own. Never call this from inside a task:
/// that could starve the pool the work needs (tests: build on a Thread and await it).
public enum BlockingAsync {
    /// Runs `body` and returns its value or rethrows its error.
    public static func run<T>(serving executor: SessionExecutor? = nil, _ body: @escaping () async throws -> T) throws -> T {
        try wait(deadline: nil, executor: executor, body)!
    }

    /// As `run`, but gives up after `timeout` seconds and returns nil (the work goes on
    /// in its task; a hung plugin must not keep psqlui from going on or exiting).
    public static func run<T>(timeout: Double, serving executor: SessionExecutor? = nil,
                              _ body: @escaping () async throws -> T) throws -> T? {
        try wait(deadline: Date().addingTimeInterval(timeout), executor: executor, body)
    }

    private static func wait<T>(deadline: Date?, executor: SessionExecutor?, _ body: @escaping () async throws -> T) throws -> T? {
        let jobs = executor?.jobs ?? SessionJobs()
        let box = ResultBox<T>()
        let work = UncheckedSendable(body)
        jobs.beginWait()
        defer { jobs.endWait() }
        Task.detached {
            let result: Result<T, Error>
            do { result = .success(try await work.value()) } catch { result = .failure(error) }
            jobs.condition.withLock { box.result = result; jobs.condition.broadcast() }
        }
        jobs.condition.lock()
        while true {
            if let result = box.result { jobs.condition.unlock(); return try result.get() }
            if let job = jobs.next() {
                jobs.condition.unlock()
                job.run()
                jobs.condition.lock()
                continue
            }
            if let deadline {
                if !jobs.condition.wait(until: deadline), box.result == nil, jobs.isEmpty {
                    jobs.condition.unlock()
                    return nil
                }
            } else {
                jobs.condition.wait()
            }
        }
    }

    private final class ResultBox<T>: @unchecked Sendable {
        var result: Result<T, Error>?
    }

    /// Carries a non-Sendable closure into the detached task; the caller is blocked
    /// until the task is done (or the deadline), so nothing touches it concurrently.
    private struct UncheckedSendable<V>: @unchecked Sendable {
        let value: V
        init(_ value: V) { self.value = value }
    }
}
