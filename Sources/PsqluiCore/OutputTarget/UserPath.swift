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
            home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? passwdHome(getpwuid(geteuid()))
        } else {
            home = passwdHome(getpwnam(String(user)))
        }
        guard let home else { return path }
        return home + path[slash...]
    }

    private static func passwdHome(_ entry: UnsafeMutablePointer<passwd>?) -> String? {
        guard let dir = entry?.pointee.pw_dir else { return nil }
        return String(cString: dir)
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
