import Foundation

/// Runs blocking test work (child processes, waits, sleeps) on a thread of its own
/// and returns its value: the cooperative pool has only 2 threads here, and a test
/// that blocks one can hold back every other test's async work.
func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { c in
        Thread.detachNewThread { c.resume(with: Result { try work() }) }
    }
}
