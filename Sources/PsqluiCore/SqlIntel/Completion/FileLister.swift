import FoundationEssentials

/// Lists a directory for file-name completion.
public enum FileLister {
    /// Entries of `directory` (relative to the current directory) with a directory flag; [] on any error.
    @Sendable public static func list(_ directory: String) -> [(name: String, isDirectory: Bool)] {
        let path = UserPath.expand(directory)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return [] }
        return names.sorted().map { name in
            var isDirectory = false
            _ = FileManager.default.fileExists(atPath: PathText.appending(name, to: path), isDirectory: &isDirectory)
            return (name, isDirectory)
        }
    }
}
