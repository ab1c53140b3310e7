import Glibc

/// Reads a plugin library's ELF header before `dlopen` maps it: a truncated or
/// corrupt `.so` makes the dynamic loader touch pages past the end of the file and
/// the process dies of SIGBUS (issue 9 item 15). Checked: the magic, 64-bit
/// little-endian class, a shared-object type, and that the file is long enough to
/// hold the program headers, the section headers and every loadable segment's
/// file bytes.
enum ELFHeaderCheck {
    /// Why the file cannot be a loadable library, or nil when the headers fit.
    static func problem(path: String) -> String? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return "cannot be read" }
        defer { close(fd) }
        let end = lseek(fd, 0, SEEK_END)
        guard end >= 0 else { return "cannot be read" }
        let size = Int(end)
        /// Up to `count` bytes at `offset` (fewer at the end of the file).
        func bytes(at offset: Int, count: Int) -> [UInt8] {
            var buffer = [UInt8](repeating: 0, count: count)
            var got = 0
            while got < count {
                let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + got, count - got, off_t(offset + got)) }
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                got += n
            }
            return Array(buffer.prefix(got))
        }
        let header = bytes(at: 0, count: 64)
        guard header.count >= 4, header[0] == 0x7F, header[1] == 0x45, header[2] == 0x4C, header[3] == 0x46 else {
            return "not an ELF file"
        }
        guard header.count == 64 else { return "truncated (\(size) bytes, shorter than an ELF header)" }
        guard header[4] == 2, header[5] == 1 else { return "not a 64-bit little-endian ELF file" }
        func u16(_ o: Int) -> Int { Int(header[o]) | Int(header[o + 1]) << 8 }
        func u64(_ bytes: [UInt8], _ o: Int) -> Int {
            (0..<8).reduce(0) { $0 | Int(bytes[o + $1]) << (8 * $1) }
        }
        guard u16(16) == 3 else { return "not a shared library (ELF type \(u16(16)))" }
        let phoff = u64(header, 32), shoff = u64(header, 40)
        let phentsize = u16(54), phnum = u16(56), shentsize = u16(58), shnum = u16(60)
        let programEnd = phoff + phentsize * phnum, sectionEnd = shoff + shentsize * shnum
        guard phoff >= 0, shoff >= 0, programEnd <= size, sectionEnd <= size else {
            return "truncated (\(size) bytes; its headers need \(max(programEnd, sectionEnd)))"
        }
        // Loadable segments: PT_LOAD's file bytes must be in the file.
        let table = bytes(at: phoff, count: phentsize * phnum)
        guard table.count == phentsize * phnum, phentsize >= 56 else { return "truncated program headers" }
        for i in 0..<phnum {
            let base = i * phentsize
            let low = Int(table[base]) | Int(table[base + 1]) << 8
            let type = low | Int(table[base + 2]) << 16 | Int(table[base + 3]) << 24
            guard type == 1 else { continue }
            let end = u64(table, base + 8) + u64(table, base + 32)
            if end > size { return "truncated (\(size) bytes; a loadable segment ends at \(end))" }
        }
        return nil
    }
}
