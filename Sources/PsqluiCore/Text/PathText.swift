import Glibc

/// File-name arithmetic on plain strings, as Foundation's `NSString` path methods
/// did it (no resolving, no making relative names absolute), and the temporary
/// folder as `NSTemporaryDirectory()` named it. Replaces the `NSString` bridge so the
/// binary does not load libFoundation.
package enum PathText {
    /// The folder part: `"/a/b/c"` → `"/a/b"`, `"/a"` → `"/"`, `"a"` → `""`;
    /// trailing slashes are ignored (`"a/b/"` → `"a"`).
    package static func deletingLastComponent(_ path: String) -> String {
        var p = Substring(path)
        while p.count > 1, p.hasSuffix("/") { p = p.dropLast() }
        guard let slash = p.lastIndex(of: "/") else { return "" }
        if slash == p.startIndex { return "/" }
        var folder = p[..<slash]
        while folder.count > 1, folder.hasSuffix("/") { folder = folder.dropLast() }
        return String(folder)
    }

    /// The last component: `"/a/b/c"` → `"c"`, `"a/b/"` → `"b"`, `"/"` → `"/"`.
    package static func lastComponent(_ path: String) -> String {
        var p = Substring(path)
        while p.count > 1, p.hasSuffix("/") { p = p.dropLast() }
        guard p != "/", let slash = p.lastIndex(of: "/") else { return String(p) }
        return String(p[p.index(after: slash)...])
    }

    /// `component` appended with one slash between (`"a/"` + `"b"` → `"a/b"`).
    package static func appending(_ component: String, to path: String) -> String {
        if path.isEmpty { return component }
        if component.isEmpty { return path }
        return (path.hasSuffix("/") ? path : path + "/") + component
    }

    /// `$TMPDIR` (else `/tmp`), ending in a slash, as `PathText.temporaryDirectory`.
    package static var temporaryDirectory: String {
        let dir = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        return dir.hasSuffix("/") ? dir : dir + "/"
    }
}
