import PsqluiPluginAPI

/// Orders plugins so every plugin comes after those it depends on, and reports the
/// ones that cannot be ordered: a missing dependency, a dependency too old, a cycle
/// (and anything depending on those).
public enum PluginDependencyOrder {
    /// A plugin as the ordering sees it.
    public struct Node: Sendable, Hashable {
        /// The plugin's name.
        public var name: String
        /// Its version.
        public var version: SemanticVersion
        /// What it depends on.
        public var dependencies: [PluginDependency]

        /// Creates a node.
        public init(name: String, version: SemanticVersion, dependencies: [PluginDependency]) {
            self.name = name
            self.version = version
            self.dependencies = dependencies
        }
    }

    /// The plugins in dependency order (input order kept where free), and for each
    /// refused plugin the reason.
    public static func resolve(_ nodes: [Node]) -> (order: [String], refused: [String: String]) {
        let byName = Dictionary(nodes.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var refused: [String: String] = [:]
        var order: [String] = []
        var state: [String: Int] = [:]  // 1 = on the current path, 2 = done
        var path: [String] = []

        // Depth-first; returns false when `name` cannot be activated.
        func visit(_ name: String) -> Bool {
            if refused[name] != nil { return false }
            if state[name] == 2 { return true }
            if state[name] == 1 {
                let cycle = path[path.firstIndex(of: name)!...] + [name]
                for member in cycle where refused[member] == nil {
                    refused[member] = "dependency cycle: " + cycle.joined(separator: " → ")
                }
                return false
            }
            guard let node = byName[name] else { return false }
            state[name] = 1
            path.append(name)
            defer { path.removeLast() }
            for dep in node.dependencies {
                guard let target = byName[dep.name] else {
                    refused[name] = "needs plugin \"\(dep.name)\", which is not installed"
                    state[name] = 2
                    return false
                }
                if let min = dep.minimumVersion, SemverPrecedence.isLower(target.version, than: min) {
                    refused[name] = "needs plugin \"\(dep.name)\" \(min) or newer (installed: \(target.version))"
                    state[name] = 2
                    return false
                }
                if !visit(dep.name) {
                    if refused[name] == nil {
                        refused[name] = "needs plugin \"\(dep.name)\", which could not be loaded (\(refused[dep.name] ?? "refused"))"
                    }
                    state[name] = 2
                    return false
                }
            }
            state[name] = 2
            if refused[name] != nil { return false }
            order.append(name)
            return true
        }
        for node in nodes { _ = visit(node.name) }
        return (order, refused)
    }
}
