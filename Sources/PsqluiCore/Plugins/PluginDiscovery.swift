import FoundationEssentials

/// Finds plugin libraries: `$PSQLUI_PLUGIN_PATH` (colon-separated directories), the
/// user's data directory (`$XDG_DATA_HOME/psqlui/plugins`, default
/// `~/.local/share/psqlui/plugins`), and a *trusted* project's `.psqlui/plugins`.
///
/// A project is the nearest directory, from the current one upwards, that holds a
/// `.psqlui` directory. Cloning a repository must never run its code, so an
/// untrusted project's plugins are not loaded; one notice says how to trust it.
public struct PluginDiscovery: Sendable {
    /// One library to try.
    public struct Candidate: Sendable, Hashable {
        /// The library's path.
        public var path: String
        /// Where it was found.
        public var source: PluginSource
    }

    /// The environment (`PSQLUI_PLUGIN_PATH`, `XDG_DATA_HOME`, `HOME`).
    public var environment: [String: String]
    /// The directory psqlui started in.
    public var currentDirectory: String
    /// Directories the user trusts (from the user config).
    public var trustedProjects: [String]
    /// `-X`: load no outside plugin at all.
    public var noOutsidePlugins: Bool
    /// Whether `discover` tells about an untrusted project's plugins (false when the
    /// config's notice already did, so the user reads it once).
    public var announcesUntrustedProject = true

    /// A discovery over the given environment.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment,
                currentDirectory: String = FileManager.default.currentDirectoryPath,
                trustedProjects: [String] = [], noOutsidePlugins: Bool = false) {
        self.environment = environment
        self.currentDirectory = currentDirectory
        self.trustedProjects = trustedProjects
        self.noOutsidePlugins = noOutsidePlugins
    }

    /// The user's plugin directory.
    public var userPluginDirectory: String? {
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty { return xdg + "/psqlui/plugins" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.local/share/psqlui/plugins" }
        return nil
    }

    /// The nearest project directory (holding `.psqlui/`) from `currentDirectory` up.
    public var projectDirectory: String? {
        var url = URL(fileURLWithPath: currentDirectory).standardizedFileURL
        while true {
            var isDir = false
            if FileManager.default.fileExists(atPath: url.path + "/.psqlui", isDirectory: &isDir), isDir {
                return url.path
            }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { return nil }
            url = parent
        }
    }

    /// Every library to try, in order (plugin path, user, project), and notices to show
    /// the user (an untrusted project).
    public func discover() -> (candidates: [Candidate], notices: [String]) {
        guard !noOutsidePlugins else { return ([], []) }
        var candidates: [Candidate] = []
        var notices: [String] = []
        for dir in (environment["PSQLUI_PLUGIN_PATH"] ?? "").split(separator: ":").map(String.init) where !dir.isEmpty {
            candidates += Self.libraries(in: dir).map { Candidate(path: $0, source: .pluginPath($0)) }
        }
        if let user = userPluginDirectory {
            candidates += Self.libraries(in: user).map { Candidate(path: $0, source: .userData($0)) }
        }
        if let project = projectDirectory {
            let dir = project + "/.psqlui/plugins"
            let libs = Self.libraries(in: dir)
            if !libs.isEmpty {
                if isTrusted(project) {
                    candidates += libs.map { Candidate(path: $0, source: .project($0)) }
                } else if announcesUntrustedProject {
                    notices.append("psqlui: not loading plugins from untrusted project \(project); to trust it: psqlui --trust-project \(project)")
                }
            }
        }
        // The same library reached twice (a symlink, a directory listed twice) loads once.
        var seen = Set<String>()
        candidates = candidates.filter { seen.insert(Self.resolved($0.path)).inserted }
        return (candidates, notices)
    }

    /// True when `project` (after resolving symlinks) is a trusted directory.
    public func isTrusted(_ project: String) -> Bool {
        let p = Self.resolved(project)
        return trustedProjects.contains { Self.resolved($0) == p }
    }

    /// The `*.so` files in `dir`, sorted by name (missing directory: none).
    public static func libraries(in dir: String) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return [] }
        return names.filter { $0.hasSuffix(".so") }.sorted().map { dir + "/" + $0 }
    }

    static func resolved(_ path: String) -> String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
    }
}
