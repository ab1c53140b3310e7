import ClipboardPlugin
import CommentsPlugin
import ExplainPlugin
import ParquetPlugin
import TelemetryPlugin
import PsqluiPluginAPI

/// The plugins compiled into psqlui (plugins/builtin/…): they import only the plugin
/// API and are registered like outside plugins, minus the loading.
public enum BuiltinPlugins {
    /// A fresh descriptor of every built-in plugin.
    public static var all: [PluginDescriptor] { [ExplainPluginDescriptor(), CommentsPluginDescriptor(), ParquetPluginDescriptor(), ClipboardPluginDescriptor(), TelemetryPluginDescriptor()] }
}
