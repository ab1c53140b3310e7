import ClipboardPlugin
import CommentsPlugin
import ExplainPlugin
import ParquetPlugin
import SSHPlugin
import TelemetryPlugin
import PsqluiPluginAPI

/// The plugins compiled into psqlui (plugins/builtin/…): they import only the plugin
/// API and are registered like outside plugins, minus the loading. The executable
/// hands them to the core (`LaunchOptions.builtinPlugins`); the core imports no plugin.
enum BuiltinPlugins {
    /// A fresh descriptor of every built-in plugin.
    static var all: [PluginDescriptor] { [ExplainPluginDescriptor(), CommentsPluginDescriptor(), ParquetPluginDescriptor(), ClipboardPluginDescriptor(), TelemetryPluginDescriptor(), SSHPluginDescriptor()] }
}
