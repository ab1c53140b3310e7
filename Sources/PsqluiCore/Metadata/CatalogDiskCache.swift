import FoundationEssentials
import Glibc

/// The catalog rows of the last load, on disk, so that the next start on an
/// unchanged catalog has completion at once instead of after seconds of catalog
/// queries (100,000 tables).
///
/// One file per server (system identifier), database (OID) and user, under
/// `$XDG_CACHE_HOME/psqlui/catalog` (default `~/.cache/psqlui/catalog`): the
/// directory is created 0700 and the file written 0600, atomically (temp file
/// and rename); it lives in the user's own home, so it is never shared between
/// users. It holds the rows of each `MetadataLoader.Part` and the fingerprint
/// they were read at; a start whose fingerprint differs ignores it and reloads.
public struct CatalogDiskCache: Sendable {
    public var directory: String

    public init(directory: String) { self.directory = directory }

    /// The cache directory of this user (`$XDG_CACHE_HOME`, else `$HOME/.cache`); nil without either.
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") { return xdg + "/psqlui/catalog" }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.cache/psqlui/catalog"
    }

    /// What a cache file holds.
    public struct Entry: Sendable {
        public var stamp: String
        /// True when the load left columns out (a large catalog: columns are fetched per relation).
        public var lazyColumns: Bool
        public var rows: [MetadataLoader.Part: [[String?]]]
        /// Parts read from the file but decoded on first use (`deferredParts`): their rows
        /// are not in `rows`. Written entries have none.
        public var deferred: [MetadataLoader.Part: @Sendable () -> [[String?]]]
        public init(stamp: String, lazyColumns: Bool, rows: [MetadataLoader.Part: [[String?]]],
                    deferred: [MetadataLoader.Part: @Sendable () -> [[String?]]] = [:]) {
            self.stamp = stamp; self.lazyColumns = lazyColumns; self.rows = rows; self.deferred = deferred
        }
    }

    static let magic = Array("psqlui catalog cache 1\n".utf8)

    /// Parts `read` leaves encoded until first use: the catalog objects (about two per
    /// table) are read only by a few completions, and built lazily (`CatalogObjectIndex`).
    static let deferredParts: Set<MetadataLoader.Part> = [.objects]

    /// The file for `key`: its characters kept to a safe set (the user name may hold anything).
    public func path(for key: String) -> String {
        var name = ""
        for u in key.unicodeScalars {
            if u.isASCII && u.properties.isAlphabetic || ("0"..."9").contains(u) || u == "-" || u == "_" { name.unicodeScalars.append(u) }
            else {
                let hex = String(u.value, radix: 16, uppercase: true)
                name += (hex.count < 2 ? "%0" : "%") + hex
            }
        }
        return directory + "/" + name + ".cache"
    }

    /// Writes `entry` for `key` (errors are ignored by callers: a cache is optional).
    public func write(_ entry: Entry, key: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        var out = Self.magic
        out.reserveCapacity(1 << 20)
        Self.put(key, &out)
        Self.put(entry.stamp, &out)
        out.append(entry.lazyColumns ? 1 : 0)
        Self.putNumber(entry.rows.count, &out)
        for (part, rows) in entry.rows.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            Self.put(part.rawValue, &out)
            Self.putNumber(rows.count, &out)
            let width = rows.first?.count ?? 0
            Self.putNumber(width, &out)
            for row in rows {
                for i in 0..<width {
                    if i < row.count, let cell = row[i] {
                        Self.putNumber(cell.utf8.count + 1, &out)
                        out.append(contentsOf: cell.utf8)
                    } else {
                        Self.putNumber(0, &out)
                    }
                }
            }
        }
        let final = path(for: key)
        let temp = final + ".tmp.\(getpid())"
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { throw CocoaError(.fileWriteNoPermission) }
        var ok = true
        out.withUnsafeBytes { buf in
            var off = 0
            while off < buf.count {
                let n = Glibc.write(fd, buf.baseAddress! + off, buf.count - off)
                if n <= 0 { ok = false; break }
                off += n
            }
        }
        fchmod(fd, 0o600)
        close(fd)
        guard ok, rename(temp, final) == 0 else { unlink(temp); throw CocoaError(.fileWriteUnknown) }
    }

    /// The entry for `key`, or nil (no file, another key, damaged, not ours).
    public func read(key: String) -> Entry? {
        let file = path(for: key)
        var st = stat()
        // Only a regular file of this user, not readable by others.
        guard stat(file, &st) == 0, (st.st_mode & 0o170000) == 0o100000, st.st_uid == getuid(), st.st_mode & 0o077 == 0,
              let data = FileManager.default.contents(atPath: file) else { return nil }
        return data.withUnsafeBytes { raw -> Entry? in
            var r = Reader(bytes: raw.bindMemory(to: UInt8.self))
            guard r.take(Self.magic.count).map({ Array($0) }) == Self.magic, r.string() == key,
                  let stamp = r.string(), let lazy = r.byte(), let parts = r.number() else { return nil }
            var rows: [MetadataLoader.Part: [[String?]]] = [:]
            var deferred: [MetadataLoader.Part: @Sendable () -> [[String?]]] = [:]
            for _ in 0..<parts {
                guard let name = r.string(), let count = r.number(), let width = r.number() else { return nil }
                let part = MetadataLoader.Part(rawValue: name)
                if let part, Self.deferredParts.contains(part) {
                    // Checked and copied now (a damaged file is still refused whole), decoded on first use.
                    let start = r.at
                    guard r.skipRows(count: count, width: width) else { return nil }
                    let encoded = Array(UnsafeBufferPointer(rebasing: r.bytes[start..<r.at]))
                    deferred[part] = {
                        encoded.withUnsafeBufferPointer { b in
                            var inner = Reader(bytes: b)
                            return inner.rows(count: count, width: width) ?? []
                        }
                    }
                    continue
                }
                guard let list = r.rows(count: count, width: width) else { return nil }
                if let part { rows[part] = list }
            }
            return Entry(stamp: stamp, lazyColumns: lazy == 1, rows: rows, deferred: deferred)
        }
    }

    /// Removes the file for `key` (if any).
    public func remove(key: String) { unlink(path(for: key)) }

    // MARK: Encoding

    static func putNumber(_ value: Int, _ out: inout [UInt8]) {
        var v = UInt64(value)
        while v >= 0x80 { out.append(UInt8(v & 0x7F) | 0x80); v >>= 7 }
        out.append(UInt8(v))
    }

    static func put(_ s: String, _ out: inout [UInt8]) {
        putNumber(s.utf8.count, &out)
        out.append(contentsOf: s.utf8)
    }

    struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var at = 0

        mutating func byte() -> UInt8? {
            guard at < bytes.count else { return nil }
            defer { at += 1 }
            return bytes[at]
        }

        mutating func number() -> Int? {
            var v: UInt64 = 0
            var shift: UInt64 = 0
            while let b = byte() {
                v |= UInt64(b & 0x7F) << shift
                if b & 0x80 == 0 { return v <= UInt64(Int.max) ? Int(v) : nil }
                shift += 7
                if shift > 63 { return nil }
            }
            return nil
        }

        mutating func take(_ n: Int) -> UnsafeBufferPointer<UInt8>? {
            guard n >= 0, at + n <= bytes.count else { return nil }
            defer { at += n }
            return UnsafeBufferPointer(rebasing: bytes[at..<at + n])
        }

        /// `count` rows of `width` cells (nil for a NULL cell).
        mutating func rows(count: Int, width: Int) -> [[String?]]? {
            var list: [[String?]] = []
            list.reserveCapacity(count)
            for _ in 0..<count {
                var row: [String?] = []
                row.reserveCapacity(width)
                for _ in 0..<width {
                    guard let n = number() else { return nil }
                    if n == 0 { row.append(nil); continue }
                    guard let bytes = take(n - 1) else { return nil }
                    row.append(String(decoding: bytes, as: UTF8.self))
                }
                list.append(row)
            }
            return list
        }

        /// Moves past `count` rows of `width` cells without decoding them; false when the file ends first.
        mutating func skipRows(count: Int, width: Int) -> Bool {
            for _ in 0..<(count * width) {
                guard let n = number() else { return false }
                if n > 0 && take(n - 1) == nil { return false }
            }
            return true
        }

        mutating func string() -> String? {
            guard let n = number(), let b = take(n) else { return nil }
            return String(decoding: b, as: UTF8.self)
        }
    }
}
