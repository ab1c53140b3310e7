/// Where the tunnel's `ssh` logs in: `[USER@]HOST[:PORT]` (`[v6addr]:PORT` for an
/// IPv6 address), as `--ssh-tunnel` and a profile's `ssh` key give it. HOST may be a
/// `Host` alias of `~/.ssh/config`.
struct SSHDestination: Sendable, Hashable, CustomStringConvertible {
    var user: String?
    var host: String
    var port: Int?

    /// Parses the setting; nil with a reason when it is not a destination.
    static func parse(_ text: String) -> Result<SSHDestination, SSHPluginError> {
        let bad = SSHPluginError("ssh: \"\(text)\" is not [USER@]HOST[:PORT]")
        var rest = Substring(text.trimmingCharacters(in: " \t"))
        var user: String?
        if let at = rest.lastIndex(of: "@") {
            user = String(rest[..<at])
            rest = rest[rest.index(after: at)...]
            if user!.isEmpty { return .failure(bad) }
        }
        var host: Substring
        var port: Int?
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else { return .failure(bad) }
            host = rest[rest.index(after: rest.startIndex)..<close]
            let tail = rest[rest.index(after: close)...]
            if !tail.isEmpty {
                guard tail.hasPrefix(":"), let p = Int(tail.dropFirst()) else { return .failure(bad) }
                port = p
            }
        } else if let colon = rest.lastIndex(of: ":"), rest.firstIndex(of: ":") == colon {
            host = rest[..<colon]
            guard let p = Int(rest[rest.index(after: colon)...]) else { return .failure(bad) }
            port = p
        } else {
            host = rest
        }
        // A host or user starting with "-" would be read by ssh as an option.
        guard !host.isEmpty, !host.hasPrefix("-"), !(user?.hasPrefix("-") ?? false),
              !host.contains(where: { $0 == " " || $0 == "/" }), port.map({ (1...65535).contains($0) }) ?? true else {
            return .failure(bad)
        }
        return .success(SSHDestination(user: user, host: String(host), port: port))
    }

    /// The `ssh` arguments naming it: `-p PORT` (when given), `--`, `[USER@]HOST`.
    var arguments: [String] {
        (port.map { ["-p", String($0)] } ?? []) + ["--", user.map { "\($0)@\(host)" } ?? host]
    }

    var description: String {
        let h = host.contains(":") ? "[\(host)]" : host
        return (user.map { "\($0)@" } ?? "") + h + (port.map { ":\($0)" } ?? "")
    }
}

private extension String {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let c = s.first, set.contains(c) { s = s.dropFirst() }
        while let c = s.last, set.contains(c) { s = s.dropLast() }
        return String(s)
    }
}
