import PsqluiPluginAPI

/// A named connection from `[connections.NAME]` in config.toml, used by
/// `psqlui -D NAME` and `:connect NAME`:
///
/// ```toml
/// [connections.reporting]
/// conninfo = "host=db.example.com dbname=sales"   # a conninfo string or URI, or the parts:
/// host = "db.example.com"
/// port = 5432
/// dbname = "sales"
/// user = "analyst"
/// read_only = true                                 # default_transaction_read_only
/// search_path = "reporting, public"
/// init = ["set statement_timeout = '30s'"]         # run after every connect
/// ssh = "me@bastion.example.com"                  # through an SSH tunnel (the ssh plugin)
/// prompt = "%[%033[1;31m%]prod%[%033[0m%] %/%R%# " # PROMPT1 while connected with it
/// color = "red"                                    # or: the whole prompt in a colour
/// ```
///
/// Passwords never belong here: a `password` key refuses the profile (libpq's
/// `~/.pgpass` and service files are the way to store them).
public struct ConnectionProfile: Sendable, Equatable {
    public var name: String
    /// A conninfo string or URI; when set, the parts below must not be.
    public var conninfo: String?
    public var host: String?
    public var port: String?
    public var dbname: String?
    public var user: String?
    public var readOnly = false
    public var searchPath: String?
    /// Statements run (silently, in order) after each connect with this profile.
    public var initStatements: [String] = []
    /// `PROMPT1` for connections made with this profile (psql's `%` escapes).
    public var prompt: String?
    /// `color`: the SGR code the whole prompt is drawn in (only where colour is on).
    public var promptColor: String?
    /// Keys handed unchanged to the plugins' connection hooks as the connection's
    /// settings (`ssh`, read by the ssh plugin).
    public var hookSettings: [String: ConfigValue] = [:]

    public init(name: String) { self.name = name }

    /// The profile keys that are connection settings for plugins, not the core's.
    public static let hookKeys: Set<String> = ["ssh"]
    /// The colours `color` takes, as SGR codes.
    static let colors: [String: String] = ["red": "31", "green": "32", "yellow": "33", "blue": "34", "magenta": "35", "cyan": "36",
                                           "bold": "1"]
    static let keys: Set<String> = Set(["conninfo", "host", "port", "dbname", "user", "read_only", "search_path", "init",
                                        "prompt", "color"]).union(hookKeys)

    /// Reads `[connections.*]`: the profiles, and one line per problem (a refused
    /// profile or an unknown key).
    public static func read(from toml: TOMLTable) -> (profiles: [String: ConnectionProfile], problems: [String]) {
        guard let value = toml["connections"] else { return ([:], []) }
        guard let tables = value.table else { return ([:], ["connections: expected tables ([connections.NAME])"]) }
        var profiles: [String: ConnectionProfile] = [:]
        var problems: [String] = []
        for name in tables.keys.sorted() {
            guard let table = tables[name]?.table else {
                problems.append("connections.\(name): expected a table ([connections.\(name)])")
                continue
            }
            var values: [String: ConfigValue] = [:]
            for key in table.keys { if let v = table[key], let c = PluginsConfig.configValue(v) { values[key] = c } }
            switch profile(name: name, values) {
            case .success(let p): profiles[name] = p
            case .failure(let e): problems.append(e.message)
            }
        }
        return (profiles, problems)
    }

    /// One profile from its table's values; a refusal names the profile and why.
    public static func profile(name: String, _ values: [String: ConfigValue]) -> Result<ConnectionProfile, ConnectionProfileError> {
        func refuse(_ why: String) -> Result<ConnectionProfile, ConnectionProfileError> {
            .failure(ConnectionProfileError(message: "connections.\(name): \(why); profile \"\(name)\" not loaded"))
        }
        if values.keys.contains(where: { $0.lowercased() == "password" }) {
            return refuse("a password does not belong in the config file (use ~/.pgpass, PGPASSFILE or a service file)")
        }
        if let unknown = values.keys.sorted().first(where: { !keys.contains($0) }) {
            return refuse("unknown key \"\(unknown)\" (known: \(keys.sorted().joined(separator: ", ")))")
        }
        var p = ConnectionProfile(name: name)
        for key in ["conninfo", "host", "dbname", "user", "search_path"] {
            guard let v = values[key] else { continue }
            guard let s = v.stringValue else { return refuse("\(key): expected a string") }
            switch key {
            case "conninfo": p.conninfo = s
            case "host": p.host = s
            case "dbname": p.dbname = s
            case "user": p.user = s
            default: p.searchPath = s
            }
        }
        if let v = values["port"] {
            if let i = v.integerValue, (1...65535).contains(i) { p.port = String(i) }
            else if let s = v.stringValue, let i = Int(s), (1...65535).contains(i) { p.port = s }
            else { return refuse("port: expected a port number") }
        }
        if let v = values["read_only"] {
            guard let b = v.boolValue else { return refuse("read_only: expected true or false") }
            p.readOnly = b
        }
        if let v = values["init"] {
            if let s = v.stringValue { p.initStatements = [s] }
            else if case .array(let items) = v, let strings = Optional(items.compactMap(\.stringValue)), strings.count == items.count {
                p.initStatements = strings
            } else { return refuse("init: expected a statement or an array of statements") }
        }
        for key in hookKeys { if let v = values[key] { p.hookSettings[key] = v } }
        if let v = values["prompt"] {
            guard let s = v.stringValue else { return refuse("prompt: expected a string") }
            p.prompt = s
        }
        if let v = values["color"] {
            guard let c = v.stringValue, let code = colors[c.lowercased()] else {
                return refuse("color: expected one of \(colors.keys.sorted().joined(separator: ", "))")
            }
            p.promptColor = code
        }
        if let c = p.conninfo {
            guard p.host == nil, p.port == nil, p.dbname == nil, p.user == nil else {
                return refuse("give conninfo or host/port/dbname/user, not both")
            }
            if SecretFilter.containsSecret(c) {
                return refuse("conninfo holds a password; it does not belong in the config file (use ~/.pgpass, PGPASSFILE or a service file)")
            }
        }
        return .success(p)
    }

    /// The prompt template while connected with this profile, nil for none: `prompt`
    /// (or the default), in `color` when `colorAllowed` (a terminal, no `NO_COLOR`);
    /// `%[ %]` keep libedit's width right.
    public func promptTemplate(colorAllowed: Bool) -> String? {
        guard prompt != nil || promptColor != nil else { return nil }
        let template = prompt ?? PromptFormatter.defaultPrompt1
        guard colorAllowed, let code = promptColor else { return template }
        return "%[%033[\(code)m%]" + template + "%[%033[0m%]"
    }

    /// The connection this profile names. `readOnly` (the profile's, or `--read-only`)
    /// and `search_path` travel as server options (`-c name=value`), so they hold for
    /// reconnects too.
    public func settings(readOnly forced: Bool = false) -> ConnectionSettings {
        var s = ConnectionSettings(host: host, port: port, user: user, dbname: conninfo ?? dbname)
        s.hookSettings = hookSettings
        var serverOptions: [(String, String)] = []
        if readOnly || forced { serverOptions.append(("default_transaction_read_only", "on")) }
        if let searchPath { serverOptions.append(("search_path", searchPath)) }
        if !serverOptions.isEmpty { s.options["options"] = Self.serverOptions(serverOptions) }
        return s
    }

    /// The profile's settings with what the command line gave (`-h`, `-p`, `-U`,
    /// `-d`, `-w`/`-W`) winning over them.
    public static func merged(_ profile: ConnectionSettings, under commandLine: ConnectionSettings) -> ConnectionSettings {
        var s = profile
        if let h = commandLine.host { s.host = h }
        if let p = commandLine.port { s.port = p }
        if let u = commandLine.user { s.user = u }
        if let d = commandLine.dbname { s.dbname = d }
        s.hookSettings.merge(commandLine.hookSettings) { _, line in line }
        s.forcePasswordPrompt = commandLine.forcePasswordPrompt
        s.neverPrompt = commandLine.neverPrompt
        for (k, v) in commandLine.options where s.options[k] == nil { s.options[k] = v }
        return s
    }

    /// Runs the `init` statements on `session` (silently, in order; not user
    /// statements). Returns a line for each that failed.
    public func runInit(on session: PGSession) -> [String] {
        var lines: [String] = []
        for sql in initStatements {
            do { _ = try session.query(sql) } catch {
                lines.append("psqlui: warning: connection profile \"\(name)\": init statement failed: \(error)")
            }
        }
        return lines
    }

    /// libpq's `options` value: `-c name=value` each, spaces and backslashes in a
    /// value escaped with a backslash (libpq's rule).
    public static func serverOptions(_ pairs: [(String, String)]) -> String {
        pairs.map { name, value in
            var escaped = ""
            for ch in value {
                if ch == " " || ch == "\\" { escaped.append("\\") }
                escaped.append(ch)
            }
            return "-c \(name)=\(escaped)"
        }.joined(separator: " ")
    }

    /// Adds `default_transaction_read_only=on` to `settings`' server options
    /// (`--read-only` without a profile).
    public static func readOnly(_ settings: ConnectionSettings) -> ConnectionSettings {
        var s = settings
        let ro = serverOptions([("default_transaction_read_only", "on")])
        s.options["options"] = s.options["options"].map { $0 + " " + ro } ?? ro
        return s
    }

    /// True when libpq options (a session's `connectionOptions()`) make the session
    /// read-only: what the prompt shows.
    public static func isReadOnly(options: [String: String]) -> Bool {
        options["options"]?.contains("default_transaction_read_only=on") ?? false
    }
}

/// Why a `[connections.NAME]` profile was refused.
public struct ConnectionProfileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
