import Glibc

/// Whole small files (config, named queries) read and written with the C library only:
/// a read that tells a missing file from an unreadable one, and an atomic replace
/// (temporary file in the same folder, then rename) with the mode given.
enum FileContents {
    /// A failed read or write: which path, and the `errno`.
    struct Failure: Error, Equatable {
        let path: String
        let code: Int32
    }

    /// The file's bytes; nil when there is no such file. A directory fails with `EISDIR`.
    static func read(_ path: String) throws(Failure) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw Failure(path: path, code: errno)
        }
        defer { close(fd) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure(path: path, code: errno)
            }
            if n == 0 { return out }
            out.append(contentsOf: chunk[0..<n])
        }
    }

    /// Replaces `path` with `bytes` atomically: written to `path.tmp.PID` with `mode`,
    /// then renamed over `path` (the temporary file is removed on failure).
    static func writeAtomically(_ path: String, _ bytes: [UInt8], mode: mode_t) throws(Failure) {
        let temp = path + ".tmp.\(getpid())"
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard fd >= 0 else { throw Failure(path: temp, code: errno) }
        var written = 0
        var failure: Int32 = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress!, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { failure = errno; break }
            written += n
        }
        if failure == 0 && fchmod(fd, mode) != 0 { failure = errno }
        if close(fd) != 0 && failure == 0 { failure = errno }
        if failure == 0 && rename(temp, path) != 0 { failure = errno }
        if failure != 0 {
            unlink(temp)
            throw Failure(path: path, code: failure)
        }
    }

    /// `mkdir -p`: creates `directory` and its missing parents (mode 0777 less the
    /// umask, as `mkdir` does).
    static func createDirectories(_ directory: String) throws(Failure) {
        var prefix = directory.hasPrefix("/") ? "" : "."
        for part in directory.split(separator: "/") {
            prefix += "/" + part
            if mkdir(prefix, 0o777) != 0 && errno != EEXIST { throw Failure(path: prefix, code: errno) }
        }
        var st = stat()
        guard stat(directory, &st) == 0 else { throw Failure(path: directory, code: errno) }
        guard st.st_mode & S_IFMT == S_IFDIR else { throw Failure(path: directory, code: ENOTDIR) }
    }

    /// The folder part of `path` (`/a/b/c.toml` → `/a/b`; `c.toml` → `.`).
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// The permission bits of `path` (to keep them when replacing it), nil when missing.
    static func mode(of path: String) -> mode_t? {
        var st = stat()
        return stat(path, &st) == 0 ? st.st_mode & 0o7777 : nil
    }

    /// True when `path` names a directory (after symlinks).
    static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && st.st_mode & S_IFMT == S_IFDIR
    }
}
