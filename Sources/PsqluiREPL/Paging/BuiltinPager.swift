import FoundationEssentials
import Glibc

/// A small pager for machines without one: space or f for the next page, b for the
/// previous one, Enter for one line, /TEXT to search, q to quit. Reads keys from the
/// terminal in raw mode.
struct BuiltinPager {
    let terminal: TerminalSize

    func show(_ text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let page = max(1, terminal.rows - 1)
        guard lines.count > page else {
            print(text, terminator: "")
            return
        }
        let tty = open("/dev/tty", O_RDWR)
        guard tty >= 0 else {
            print(text, terminator: "")
            return
        }
        defer { close(tty) }
        var saved = termios()
        tcgetattr(tty, &saved)
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
        tcsetattr(tty, TCSANOW, &raw)
        defer { tcsetattr(tty, TCSANOW, &saved) }
        var top = 0
        func draw() {
            let end = min(lines.count, top + page)
            var out = "\u{1b}[H\u{1b}[2J"
            for line in lines[top..<end] { out += String(line.prefix(terminal.columns)) + "\n" }
            out += end >= lines.count ? "(END) q quits" : ": space next, b back, /search, q quit"
            _ = out.withCString { Glibc.write(tty, $0, strlen($0)) }
        }
        draw()
        var byte: UInt8 = 0
        while read(tty, &byte, 1) == 1 {
            switch byte {
            case UInt8(ascii: "q"), UInt8(ascii: "Q"):
                _ = "\n".withCString { Glibc.write(tty, $0, 1) }
                return
            case UInt8(ascii: " "), UInt8(ascii: "f"):
                top = min(max(0, lines.count - page), top + page)
            case UInt8(ascii: "b"):
                top = max(0, top - page)
            case UInt8(ascii: "\n"), UInt8(ascii: "j"):
                top = min(max(0, lines.count - page), top + 1)
            case UInt8(ascii: "/"):
                tcsetattr(tty, TCSANOW, &saved)
                _ = "\n/".withCString { Glibc.write(tty, $0, 2) }
                var query = [UInt8]()
                while read(tty, &byte, 1) == 1, byte != UInt8(ascii: "\n") { query.append(byte) }
                tcsetattr(tty, TCSANOW, &raw)
                let needle = String(decoding: query, as: UTF8.self)
                if !needle.isEmpty, let hit = lines.indices.first(where: { $0 > top && lines[$0].contains(needle) }) {
                    top = min(hit, max(0, lines.count - page))
                }
            default:
                continue
            }
            draw()
        }
    }
}
