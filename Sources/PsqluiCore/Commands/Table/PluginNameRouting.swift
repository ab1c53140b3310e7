/// How the plugin registry puts a plugin's declared command and format names into the
/// command table when it registers the plugin (at start or with `:plugins load`).
public protocol PluginNameRouting: AnyObject, Sendable {
    /// Routes command `name` to `plugin`; returns who already has the name (`psqlui`,
    /// `plugin "x"`) when it is taken, and then routes nothing.
    func claimCommand(_ name: String, plugin: String) -> String?
    /// Routes export format `name` to `plugin`, as `claimCommand`.
    func claimFormat(_ name: String, plugin: String) -> String?
    /// The plugin providing export format `name`, nil for a built-in or unknown format.
    func plugin(providingFormat name: String) -> String?
}
