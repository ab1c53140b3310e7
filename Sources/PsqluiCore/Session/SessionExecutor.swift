import FoundationEssentials

/// The one way async code uses a libpq session: `perform` hands the work to the
/// thread that owns the session while it waits in `BlockingAsync.run(serving:)`, and
/// resumes with the result. The REPL's session and the metadata loader's each have
/// one; `SessionQueryService` (plugins' `QueryService`) is built on it.
public final class SessionExecutor: @unchecked Sendable {
    public let session: PGSession
    let jobs = SessionJobs()

    public init(session: PGSession) { self.session = session }

    /// The session is used only while its thread waits for async work (a plugin
    /// command, metadata hooks); at other times the thread is busy with it itself.
    public struct NotAvailable: Error, CustomStringConvertible {
        public var description: String { "the session is only available while the command or hook runs" }
    }

    /// Runs `work` with the session on the owning thread; throws `NotAvailable` when
    /// that thread is not waiting for async work.
    public func perform<T>(_ work: @escaping (PGSession) -> T) async throws -> T {
        let session = self.session
        let work = UncheckedWork(work)
        return try await withCheckedThrowingContinuation { (c: CheckedContinuation<T, Error>) in
            let accepted = jobs.add(SessionJobs.Job(run: { c.resume(returning: work.value(session)) },
                                                    refuse: { c.resume(throwing: NotAvailable()) }))
            if !accepted { c.resume(throwing: NotAvailable()) }
        }
    }

    private struct UncheckedWork<V>: @unchecked Sendable {
        let value: V
        init(_ value: V) { self.value = value }
    }
}

/// The queue of session work waiting for its owning thread (see `SessionExecutor`).
final class SessionJobs: @unchecked Sendable {
    struct Job {
        let run: () -> Void
        let refuse: () -> Void
    }

    let condition = Condition()
    private var queue: [Job] = []
    private var waits = 0

    var isEmpty: Bool { queue.isEmpty }

    /// Queues `job` for the waiting owner; false when no owner waits.
    func add(_ job: Job) -> Bool {
        condition.withLock {
            guard waits > 0 else { return false }
            queue.append(job)
            condition.broadcast()
            return true
        }
    }

    /// The next job (the condition is locked).
    func next() -> Job? { queue.isEmpty ? nil : queue.removeFirst() }

    func beginWait() { condition.withLock { waits += 1 } }

    /// The owner stops waiting; when no wait is left, queued work is refused.
    func endWait() {
        let refused: [Job] = condition.withLock {
            waits -= 1
            guard waits == 0 else { return [] }
            defer { queue.removeAll() }
            return queue
        }
        for job in refused { job.refuse() }
    }
}
