#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Opens a script (`-f FILE`, `\i FILE`) for reading, refusing what cannot be read
/// as lines — a directory opens fine but every `read` fails with EISDIR, which would
/// otherwise look like an empty script that ran.
public enum ScriptFile {
    /// A script that could not be opened or read; `message` is psql's wording.
    public struct OpenError: Error, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    /// An open descriptor for `path` (the caller closes it).
    public static func open(_ path: String) throws -> Int32 {
        let fd = Glibc.open(path, O_RDONLY)
        guard fd >= 0 else { throw OpenError(message: "\(path): \(String(cString: strerror(errno)))") }
        var info = stat()
        if fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw OpenError(message: "could not read from input file: \(String(cString: strerror(EISDIR)))")
        }
        return fd
    }
}
