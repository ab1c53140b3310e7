@preconcurrency import CLibPQ
import PsqluiPluginAPI

/// What libpq would connect with for some `ConnectionSettings`, resolved before the
/// connect so that connection hooks can see (and reroute) it: libpq's defaults and
/// `PG*` environment variables (`PQconndefaults`, which also reads `PGSERVICE`), then
/// the settings' keyword/value pairs in libpq's order, a conninfo string or URI in
/// `dbname` expanded in place (`PQconninfoParse`). A `service` named inside the
/// settings is still resolved by libpq at connect time; hooks see its name only.
public struct ConnectionResolution: Sendable, Equatable {
    /// Every keyword with a value, the password included.
    public var values: [String: String]

    /// Resolves `settings`.
    public init(_ settings: ConnectionSettings) {
        var values: [String: String] = [:]
        if let defaults = PQconndefaults() {
            Self.collect(defaults, into: &values)
            PQconninfoFree(defaults)
        }
        for (key, value) in settings.keywordValues {
            if key == "dbname", ConnectionSettings.isConnectionString(value) {
                var error: UnsafeMutablePointer<CChar>?
                if let parsed = PQconninfoParse(value, &error) {
                    Self.collect(parsed, into: &values)
                    PQconninfoFree(parsed)
                } else {
                    // libpq will report the syntax error at connect; keep the string.
                    if let error { PQfreemem(error) }
                    values[key] = value
                }
            } else {
                values[key] = value
            }
        }
        self.values = values
    }

    private static func collect(_ options: UnsafeMutablePointer<PQconninfoOption>, into values: inout [String: String]) {
        var p = options
        while let keyword = p.pointee.keyword {
            if let v = p.pointee.val { values[String(cString: keyword)] = String(cString: v) }
            p += 1
        }
    }

    /// The keywords `ConnectionParameters` names as fields (the rest go to its options).
    static let fields: Set<String> = ["host", "port", "user", "dbname", "password"]

    /// What a connection hook sees: everything but the password.
    public func parameters(settings: [String: ConfigValue]) -> ConnectionParameters {
        var options = values
        for key in Self.fields { options[key] = nil }
        return ConnectionParameters(host: values["host"].flatMap { $0.isEmpty ? nil : $0 },
                                    port: values["port"].flatMap { $0.isEmpty ? nil : $0 },
                                    user: values["user"], dbname: values["dbname"], options: options, settings: settings)
    }

    /// The settings to hand libpq for `route`: the resolved values with the host and
    /// port replaced (and `hostaddr` dropped with them); a password the user typed wins
    /// over one from a URI.
    public func routed(to route: ConnectionRoute, from original: ConnectionSettings) -> ConnectionSettings {
        var s = ConnectionSettings(host: route.host, port: route.port, user: values["user"], dbname: values["dbname"])
        var options = values
        for key in Self.fields.union(["hostaddr", "fallback_application_name", "client_encoding"]) { options[key] = nil }
        s.options = options
        s.password = original.password ?? values["password"]
        s.forcePasswordPrompt = original.forcePasswordPrompt
        s.neverPrompt = original.neverPrompt
        return s
    }
}
