import PsqluiCore
import PsqluiPluginAPI

/// Everything the command line decided, handed from the executable to `App`.
public struct LaunchOptions {
    /// One `-c` or `-f`, in the order given.
    public enum Action: Equatable {
        case command(String)
        case file(String)
    }

    public var connection = ConnectionSettings()
    public var actions: [Action] = []
    public var variables: [(String, String)] = []
    public var singleTransaction = false
    public var quiet = false
    /// `-X`: no config files, no outside plugins.
    public var skipConfig = false
    /// The plugins compiled into the executable (it hands them in; the core and the
    /// REPL import no plugin).
    public var builtinPlugins: [PluginDescriptor] = []
    /// Config settings (dotted names, `display.border`) the command line decided;
    /// they win over the config files.
    public var commandLineSettings: Set<String> = []
    public var printSettings = PrintSettings()
    public var echoQueries = false
    public var echoAll = false
    /// `-o FILE`: query results go there.
    public var outputFile: String?
    /// `-L FILE`: the query log (appended to).
    public var logFile: String?
    /// `--temp`: start a throwaway local cluster and connect to it.
    public var temporaryCluster = false
    /// `-D NAME`: connect with the config's `[connections.NAME]` profile (options
    /// given on the command line win over its parts).
    public var profile: String?
    /// `--read-only`: `default_transaction_read_only` for the session.
    public var readOnly = false
    /// `--format NAME`, `--csv`, `-H`, `-P format=NAME`: results in an export format.
    public var resultFormat: String?

    public init() {}
}
