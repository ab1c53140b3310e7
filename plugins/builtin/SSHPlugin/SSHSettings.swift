import PsqluiPluginAPI

/// The `[plugins.ssh]` table:
///
/// ```toml
/// [plugins.ssh]
/// command = "ssh"                       # the ssh program (default: ssh on PATH)
/// arguments = ["-F", "~/.ssh/work"]     # more ssh options, before the destination
/// ready_timeout = 15                    # seconds to wait for the forward (default 15, at most 55)
/// ```
struct SSHSettings: Sendable, Equatable {
    var command = "ssh"
    var arguments: [String] = []
    var readyTimeout = 15.0

    static let keys: Set<String> = ["command", "arguments", "ready_timeout", "enabled"]

    init() {}

    init(_ config: [String: ConfigValue]) throws {
        if let unknown = config.keys.sorted().first(where: { !Self.keys.contains($0) }) {
            throw SSHPluginError("[plugins.ssh]: unknown key \"\(unknown)\" (known: \(Self.keys.sorted().joined(separator: ", ")))")
        }
        if let v = config["command"] {
            guard let s = v.stringValue, !s.isEmpty else { throw SSHPluginError("[plugins.ssh] command: expected a program name") }
            command = s
        }
        if let v = config["arguments"] {
            guard case .array(let items) = v, items.allSatisfy({ $0.stringValue != nil }) else {
                throw SSHPluginError("[plugins.ssh] arguments: expected an array of strings")
            }
            arguments = items.compactMap(\.stringValue)
        }
        if let v = config["ready_timeout"] {
            // psqlui gives a connection hook 60 s.
            guard let d = v.doubleValue, d > 0, d <= 55 else { throw SSHPluginError("[plugins.ssh] ready_timeout: expected seconds (at most 55)") }
            readyTimeout = d
        }
    }
}
