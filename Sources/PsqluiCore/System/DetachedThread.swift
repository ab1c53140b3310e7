import Glibc

/// Starts a detached thread of its own (a pthread) for work that blocks — a signal
/// watcher reading a pipe, the metadata loader's libpq calls — and must not take one
/// of the cooperative pool's threads. It replaces Foundation's `Thread`, so the binary
/// does not load libFoundation.
package enum DetachedThread {
    fileprivate final class Body {
        let run: () -> Void
        let name: String
        init(name: String, _ run: @escaping () -> Void) { self.name = name; self.run = run }
    }

    /// Runs `body` on a new detached thread named `name` (the kernel keeps 15 bytes).
    /// False if the thread could not be created.
    @discardableResult
    package static func start(name: String, _ body: @escaping () -> Void) -> Bool {
        let box = Unmanaged.passRetained(Body(name: name, body)).toOpaque()
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
        var thread = pthread_t()
        let status = pthread_create(&thread, &attributes, { raw in
            let body = Unmanaged<Body>.fromOpaque(raw!).takeRetainedValue()
            nameCurrentThread(body.name)
            body.run()
            return nil
        }, box)
        if status != 0 {
            Unmanaged<Body>.fromOpaque(box).release()
            return false
        }
        return true
    }
}

/// Names the calling thread (what `ps -L`, gdb and perf show) through
/// /proc/thread-self/comm: Glibc's module does not export `pthread_setname_np`.
private func nameCurrentThread(_ name: String) {
    let fd = open("/proc/thread-self/comm", O_WRONLY | O_CLOEXEC)
    guard fd >= 0 else { return }
    let bytes = Array(name.utf8.prefix(15))
    _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    close(fd)
}
