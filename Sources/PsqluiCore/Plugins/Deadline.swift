import Foundation

/// Runs async work with a deadline and returns at the deadline even when the work
/// ignores cancellation (a task group would wait for it): plugin shutdown must not
/// keep psqlui from exiting.
enum Deadline {
    /// True when `operation` returned within `seconds`.
    static func run(seconds: Double, _ operation: @escaping @Sendable () async -> Void) async -> Bool {
        final class Once: @unchecked Sendable {
            let lock = NSLock()
            var continuation: CheckedContinuation<Bool, Never>?
            func resume(_ value: Bool) {
                lock.withLock {
                    continuation?.resume(returning: value)
                    continuation = nil
                }
            }
        }
        let once = Once()
        return await withCheckedContinuation { (c: CheckedContinuation<Bool, Never>) in
            once.lock.withLock { once.continuation = c }
            Task { await operation(); once.resume(true) }
            Task { try? await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000)); once.resume(false) }
        }
    }
}
