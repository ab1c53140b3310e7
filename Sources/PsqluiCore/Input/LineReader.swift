// TEMPORARY stand-in with the agreed API; replaced by the real reader (branch `splitter`).
import Glibc
public struct LineReader {
    let fd: Int32
    var buf: [UInt8] = []
    var pos = 0
    var eof = false
    public var lineNumber = 0
    public init(fileDescriptor: Int32) { fd = fileDescriptor }
    public mutating func nextLine() -> [UInt8]? {
        while true {
            if let i = buf[pos...].firstIndex(of: 10) { let l = Array(buf[pos..<i]); pos = i + 1; lineNumber += 1; return l }
            if eof { if pos < buf.count { let l = Array(buf[pos...]); pos = buf.count; lineNumber += 1; return l }; return nil }
            buf.removeFirst(pos); pos = 0
            var chunk = [UInt8](repeating: 0, count: 65536)
            let n = read(fd, &chunk, 65536)
            if n <= 0 { eof = true } else { buf += chunk[0..<n] }
        }
    }
}
