/// The version of the binary contract between psqlui and plugins.
/// A plugin exports it as `psqlui_plugin_abi_version`; the loader refuses a mismatch.
public let psqluiPluginABIVersion: Int32 = 1
