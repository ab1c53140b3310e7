import FoundationEssentials
import Glibc

/// A lock with a condition variable (`pthread_mutex_t` + `pthread_cond_t`): a thread
/// waits for work or a result while others change the state and signal. It replaces
/// Foundation's `NSCondition` with the same calls (`lock`, `wait`, `signal`,
/// `broadcast`), so the binary does not load libFoundation.
package final class Condition: @unchecked Sendable {
    private let mutexLock = Lock()
    private var mutex: UnsafeMutablePointer<pthread_mutex_t> { mutexLock.mutex }
    private let cond: UnsafeMutablePointer<pthread_cond_t>

    package init() {
        cond = .allocate(capacity: 1)
        cond.initialize(to: pthread_cond_t())
        pthread_cond_init(cond, nil)
    }

    deinit {
        pthread_cond_destroy(cond)
        cond.deallocate()
    }

    package func lock() { mutexLock.lock() }

    package func unlock() { mutexLock.unlock() }

    /// Runs `body` holding the lock.
    package func withLock<T>(_ body: () throws -> T) rethrows -> T { try mutexLock.withLock(body) }

    /// Waits (the lock held) until signalled; the lock is held again on return.
    package func wait() { pthread_cond_wait(cond, mutex) }

    /// Waits (the lock held) until signalled or `deadline` passes (wall clock, as
    /// `pthread_cond_timedwait` measures it); false when the deadline passed.
    @discardableResult
    package func wait(until deadline: Date) -> Bool {
        let t = deadline.timeIntervalSince1970
        guard t.isFinite else { wait(); return true }
        let seconds = t.rounded(.down)
        var ts = timespec(tv_sec: Int(seconds), tv_nsec: Int((t - seconds) * 1_000_000_000))
        return pthread_cond_timedwait(cond, mutex, &ts) != ETIMEDOUT
    }

    package func signal() { pthread_cond_signal(cond) }

    package func broadcast() { pthread_cond_broadcast(cond) }
}
