#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Makes sure descriptors 0–2 are open before anything else opens a file or socket.
///
/// Started with stdout closed (`psqlui >&-`), the next `open`/`socket` would get
/// descriptor 1 — libpq's connection — and results would be written into the server
/// connection. Careful C programs fill the gaps with /dev/null; so do we.
public enum StandardDescriptors {
    /// Opens /dev/null on each of 0, 1, 2 that is closed; returns the ones it filled.
    @discardableResult
    public static func ensureOpen() -> [Int32] {
        var filled: [Int32] = []
        for fd: Int32 in 0...2 where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
            let null = open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY)
            guard null >= 0 else { continue }
            if null != fd { dup2(null, fd); close(null) }
            filled.append(fd)
        }
        return filled
    }
}
