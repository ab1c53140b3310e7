import Glibc
import PsqluiPluginAPI

/// What to connect to, in libpq's own terms: keyword/value pairs handed to
/// `PQconnectdbParams` with `expand_dbname`, so a conninfo string or a
/// `postgres://` URI in `dbname` is expanded by libpq itself, and everything libpq
/// understands (PG* variables, ~/.pgpass, service files, sslmode) just works.
public struct ConnectionSettings: Equatable, Sendable {
    public var host: String?
    public var port: String?
    public var user: String?
    /// A database name, a conninfo string or a URI.
    public var dbname: String?
    public var password: String?
    /// Ask for a password before connecting (`-W`).
    public var forcePasswordPrompt = false
    /// Never ask for a password (`-w`).
    public var neverPrompt = false
    /// Further libpq options (`sslmode`, `hostaddr`, …), given before the fields above
    /// (`\c` carries the previous connection's options over, as psql does).
    public var options: [String: String] = [:]
    /// Plugin settings for this connection (`ssh` from `--ssh-tunnel` or a profile),
    /// handed to the plugins' connection hooks; never sent to libpq.
    public var hookSettings: [String: ConfigValue] = [:]

    public init(host: String? = nil, port: String? = nil, user: String? = nil, dbname: String? = nil) {
        self.host = host
        self.port = port
        self.user = user
        self.dbname = dbname
    }

    /// The keyword/value pairs for libpq, in the order psql uses (later ones do not
    /// override values a conninfo in `dbname` sets, since dbname is expanded in place).
    public var keywordValues: [(String, String)] {
        var pairs: [(String, String)] = options.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        if let host { pairs.append(("host", host)) }
        if let port { pairs.append(("port", port)) }
        if let user { pairs.append(("user", user)) }
        if let password { pairs.append(("password", password)) }
        if let dbname { pairs.append(("dbname", dbname)) }
        pairs.append(("fallback_application_name", "psqlui"))
        // psql's rule: the locale's encoding ("auto") only at a terminal; otherwise
        // the server's default (the database's), unless PGCLIENTENCODING says.
        // ("auto" before setlocale is SQL_ASCII, which also threw error carets off.)
        if isatty(0) == 1, isatty(1) == 1, getenv("PGCLIENTENCODING") == nil {
            pairs.append(("client_encoding", "auto"))
        }
        return pairs
    }

    /// True when `dbname` is a conninfo string or URI rather than a plain name
    /// (libpq's rule: contains `=` or starts with a URI prefix).
    public static func isConnectionString(_ s: String) -> Bool {
        s.contains("=") || s.hasPrefix("postgresql://") || s.hasPrefix("postgres://")
    }
}
