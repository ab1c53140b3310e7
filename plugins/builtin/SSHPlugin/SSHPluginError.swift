/// A wrong `[plugins.ssh]` table or `ssh` setting (the user's to fix).
struct SSHPluginError: Error, Sendable, CustomStringConvertible {
    var message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}
