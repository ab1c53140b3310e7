import Glibc

/// Makes sure file descriptors 0, 1 and 2 are open before anything else opens a file.
///
/// Started with one of them closed (`psqlui … >&-`), the next `open()` or `socket()`
/// would get that number: libpq's server connection would become "standard output"
/// and query results would be written into the connection (a deadlock or a protocol
/// error). Careful C programs open /dev/null in the gaps first; so do we.
public enum StandardDescriptors {
    public static func ensureOpen() {
        for fd: Int32 in 0...2 where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
            // open() returns the lowest free number, which is this one.
            let opened = open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY)
            if opened >= 0 && opened != fd {
                _ = dup2(opened, fd)
                close(opened)
            }
        }
    }
}
