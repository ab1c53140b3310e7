import PsqluiPluginAPI
import Synchronization

/// Runs an async operation with a deadline without waiting for it past the deadline
/// (a task group would wait for a child that ignores cancellation).
enum ShutdownDeadline {
    /// True when `operation` returned within `seconds`.
    static func run(seconds: Double, _ operation: @escaping @Sendable () async -> Void) async -> Bool {
        let once = Mutex<CheckedContinuation<Bool, Never>?>(nil)
        @Sendable func resume(_ value: Bool) {
            once.withLock { c in c?.resume(returning: value); c = nil }
        }
        return await withCheckedContinuation { (c: CheckedContinuation<Bool, Never>) in
            once.withLock { $0 = c }
            Task { await operation(); resume(true) }
            Task { try? await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000)); resume(false) }
        }
    }
}
