import Foundation

/// Runs async work from a thread that is not on the cooperative pool (the REPL's
/// thread, which owns the blocking libpq session) and waits for it there.
///
/// The work runs in a detached task; the calling thread blocks on a semaphore. Never
/// call this from inside a task: that could starve the pool the work needs.
public enum BlockingAsync {
    /// Runs `body` and returns its value or rethrows its error.
    public static func run<T>(_ body: @escaping () async throws -> T) throws -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        let work = UncheckedSendable(body)
        Task.detached {
            do { box.result = .success(try await work.value()) } catch { box.result = .failure(error) }
            done.signal()
        }
        done.wait()
        return try box.result!.get()
    }

    private final class ResultBox<T>: @unchecked Sendable {
        var result: Result<T, Error>?
    }

    /// Carries a non-Sendable closure into the detached task; the caller is blocked
    /// until the task is done, so nothing touches it concurrently.
    private struct UncheckedSendable<V>: @unchecked Sendable {
        let value: V
        init(_ value: V) { self.value = value }
    }
}
