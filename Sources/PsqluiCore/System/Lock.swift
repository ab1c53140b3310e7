import Glibc

/// A mutual-exclusion lock (a `pthread_mutex_t`) for state shared between threads
/// that do not run on the cooperative pool: the REPL's thread, the metadata loader,
/// signal watchers. It replaces Foundation's `NSLock`, so the binary does not load
/// libFoundation (start-up cost, docs/PERFORMANCE.md); state that fits in one value
/// can use `Synchronization.Mutex` instead.
package final class Lock: @unchecked Sendable {
    /// Internal so that `Condition` can wait on it (one mutex implementation).
    let mutex: UnsafeMutablePointer<pthread_mutex_t>

    package init() {
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    package func lock() { pthread_mutex_lock(mutex) }

    package func unlock() { pthread_mutex_unlock(mutex) }

    /// Runs `body` holding the lock.
    package func withLock<T>(_ body: () throws -> T) rethrows -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }
}
