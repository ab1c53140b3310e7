import FoundationEssentials
import Glibc

/// The one `~` expansion for every file name the client takes (`\i`, `\o`, `\g`,
/// `:export`, `\copy`, `\e`, `-o`, the history path): `~` and `~/…` from `$HOME`
/// (the passwd entry only when `HOME` is unset or empty), `~user/…` from that
/// user's passwd entry. Anything else, and an unknown user, is returned unchanged.
public enum UserPath {
    public static func expand(_ path: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        guard path.hasPrefix("~") else { return path }
        let slash = path.firstIndex(of: "/") ?? path.endIndex
        let user = path[path.index(after: path.startIndex)..<slash]
        let home: String?
        if user.isEmpty {
            home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? passwdHome { getpwuid_r(geteuid(), &$0, $1, $2, &$3) }
        } else {
            home = passwdHome { getpwnam_r(String(user), &$0, $1, $2, &$3) }
        }
        guard let home else { return path }
        return home + path[slash...]
    }

    /// The home folder of the passwd entry `lookup` (`getpwnam_r`/`getpwuid_r`)
    /// finds. The re-entrant calls: `getpwnam`'s static entry is overwritten by any
    /// other thread's passwd lookup (Foundation's file attributes make them too).
    private static func passwdHome(_ lookup: (inout passwd, UnsafeMutablePointer<CChar>, Int, inout UnsafeMutablePointer<passwd>?) -> Int32) -> String? {
        var entry = passwd()
        var found: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 16 * 1024)
        return buffer.withUnsafeMutableBufferPointer { storage -> String? in
            guard lookup(&entry, storage.baseAddress!, storage.count, &found) == 0, found != nil, let dir = entry.pw_dir else { return nil }
            return String(cString: dir)
        }
    }
}

/// A file that could not be opened, read or written: psql's `PATH: REASON`. The one
/// place an open or write failure of a user's file becomes the user's message.
public struct FileError: Error, CustomStringConvertible, Equatable {
    public let description: String

    public init(path: String, errno code: Int32) {
        description = "\(path): \(String(cString: strerror(code)))"
    }

    /// A failed write (`OutputWriteError` reads as its `strerror`).
    public init(path: String, _ error: Error) {
        description = "\(path): \(error)"
    }
}
