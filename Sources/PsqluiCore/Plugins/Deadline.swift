import Dispatch
import FoundationEssentials

/// Runs async work with a deadline and returns at the deadline even when the work
/// ignores cancellation (a task group would wait for it): a plugin that hangs must not
/// keep psqlui from going on or exiting. The work is cancelled at the deadline.
public enum Deadline {
    /// The value of `operation`, or nil when it did not finish within `seconds`.
    public static func run<T: Sendable>(seconds: Double, _ operation: @escaping @Sendable () async throws -> T) async throws -> T? {
        let once = DeadlineOnce<T>()
        let work = Task { try await operation() }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (c: CheckedContinuation<T?, Error>) in
                once.lock.withLock { once.continuation = c }
                Task {
                    do { once.resume(.success(try await work.value)) } catch { once.resume(.failure(error)) }
                }
                // The clock runs on a private serial queue. Such a queue targets
                // libdispatch's overcommit root queue, which starts a thread when every
                // other one is busy. Neither the cooperative pool nor the width-limited
                // global queue, kept busy by the plugin or by blocking work, can hold
                // the deadline back.
                deadlineClock.asyncAfter(deadline: .now() + seconds) {
                    once.resume(.success(nil))
                    work.cancel()
                }
            }
        } onCancel: {
            work.cancel()
        }
    }

    /// True when `operation` returned within `seconds`.
    public static func run(seconds: Double, _ operation: @escaping @Sendable () async -> Void) async -> Bool {
        (try? await run(seconds: seconds) { () async throws -> Bool in await operation(); return true }) == true
    }
}

/// The queue that fires every deadline (see `Deadline.run`).
private let deadlineClock = DispatchQueue(label: "psqlui.deadline")

/// Resumes a continuation once: with the work's result or at the deadline, whichever
/// comes first.
private final class DeadlineOnce<T>: @unchecked Sendable {
    let lock = Lock()
    var continuation: CheckedContinuation<T?, Error>?
    func resume(_ result: Result<T?, Error>) {
        lock.withLock {
            continuation?.resume(with: result)
            continuation = nil
        }
    }
}
