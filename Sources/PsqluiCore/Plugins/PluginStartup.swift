import FoundationEssentials
import PsqluiPluginAPI

/// Puts the plugin system together at start: built-in plugins (handed in by the
/// executable, which links them; the core imports no plugin),
/// then the outside plugins discovery finds (unless `-X`). Their declared names go into
/// the command table the registry routes to.
/// Returns the lines to show the user (refused plugins, an untrusted project).
public enum PluginStartup {
    /// Registers everything into `registry`.
    @discardableResult
    public static func run(registry: PluginRegistry, builtins: [PluginDescriptor],
                           discovery: PluginDiscovery, loader: PluginLoader = PluginLoader()) -> [String] {
        var notices = registry.register(builtins.map { ($0, PluginSource.builtin) })
        let (candidates, discoveryNotices) = discovery.discover()
        notices += discoveryNotices
        var loaded: [(descriptor: PluginDescriptor, source: PluginSource)] = []
        for candidate in candidates {
            do {
                let plugin = try loader.load(candidate.path)
                loaded.append((plugin.descriptor, candidate.source))
            } catch {
                registry.recordLoadFailure(path: candidate.path, source: candidate.source, error: error)
                notices.append("psqlui: plugin not loaded: \(error)")
            }
        }
        notices += registry.register(loaded)
        return notices
    }
}
