import PsqluiPluginAPI
import Synchronization

/// Runs an async operation with a deadline without waiting for it past the deadline
/// (a task group would wait for a child that ignores cancellation).
enum ShutdownDeadline {
    /// True when `operation` returned within `seconds`.
    static func run(seconds: Double, _ operation: @escaping @Sendable () async -> Void) async -> Bool {
        let once = Once()
        return await withCheckedContinuation { (c: CheckedContinuation<Bool, Never>) in
            once.set(c)
            Task { await operation(); once.resume(true) }
            Task { try? await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000)); once.resume(false) }
        }
    }

    /// Resumes the continuation once, with whichever answer comes first.
    private final class Once: Sendable {
        private let continuation = Mutex<CheckedContinuation<Bool, Never>?>(nil)
        func set(_ c: CheckedContinuation<Bool, Never>) { continuation.withLock { $0 = c } }
        func resume(_ value: Bool) { continuation.withLock { c in c?.resume(returning: value); c = nil } }
    }
}
