import CLibEdit
import FoundationEssentials
import Glibc

/// The size of the terminal on a descriptor, when it is one.
public struct TerminalSize: Equatable {
    public var rows: Int
    public var columns: Int

    /// The size of the terminal on `fd`, or nil when `fd` is not a terminal.
    public static func of(_ fd: Int32) -> TerminalSize? {
        guard isatty(fd) == 1 else { return nil }
        var size = winsize()
        guard ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0, size.ws_col > 0 else {
            return TerminalSize(rows: 24, columns: 80)
        }
        return TerminalSize(rows: Int(size.ws_row), columns: Int(size.ws_col))
    }
}
