import Glibc

/// Unbuffered, best-effort writes of whole messages straight to standard error or
/// standard output, for the few places that write before (or after) the session's
/// output streams exist: start-up errors, `--print-config`, plugin shutdown lines.
/// A failed write (a closed pipe) is dropped, never a trap (Foundation's
/// `FileHandle.write` traps on `EPIPE`).
package enum StandardStreams {
    package static func writeError(_ text: String) { writeAll(text, to: STDERR_FILENO) }

    package static func writeOutput(_ text: String) { writeAll(text, to: STDOUT_FILENO) }

    private static func writeAll(_ text: String, to fd: Int32) {
        var text = text
        text.withUTF8 { bytes in
            guard var p = bytes.baseAddress else { return }
            var remaining = bytes.count
            while remaining > 0 {
                let n = write(fd, p, remaining)
                if n < 0 {
                    if errno == EINTR { continue }
                    return
                }
                p += n
                remaining -= n
            }
        }
    }
}
