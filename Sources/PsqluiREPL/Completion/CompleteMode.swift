import FoundationEssentials
import Glibc
import PsqluiCore

/// `psqlui --complete TEXT [--cursor N]`: prints the candidates for TEXT as
/// `KIND<TAB>CANDIDATE<TAB>START` lines, best first.
///
/// Connects with the usual options to load the catalog, waiting for it at most
/// `metadataWait` seconds. If it is not there by then (no server, a wrong
/// password — it never prompts —, a server too busy to answer) it still
/// completes keywords, commands and files, says so on stderr, and exits 0.
public enum CompleteMode {
    /// How long an answer waits for the catalog.
    public static let metadataWait = 5.0

    public static func run(_ options: LaunchOptions, text: String, cursor: Int?) -> Int32 {
        let stdout = FileDescriptorWriter(fileDescriptor: 1)
        let commands = App.startPlugins(skipConfig: options.skipConfig, builtins: options.builtinPlugins, report: { _ in })
        // `:connect NAME` completes the config's connection profiles, as at the prompt.
        ConnectCommand.profileNames = ConfigApplication.load(options).connections.keys.sorted()
        defer { App.stopPlugins(commands) }
        let cache = MetadataCache(registry: commands.plugins)
        cache.columnWaitLimit = metadataWait
        defer { cache.stop() }
        var settings = options.connection
        settings.neverPrompt = true
        settings.forcePasswordPrompt = false
        cache.connect(settings: settings)
        let finished = cache.waitForLoads(1, timeout: metadataWait)
        if cache.snapshot === MetadataSnapshot.empty {
            let why = finished ? (cache.lastProblem ?? "the catalog could not be read") : "the catalog did not load within \(Int(metadataWait)) s"
            let stderr = FileDescriptorWriter(fileDescriptor: 2)
            try? stderr.write("psqlui: completing without the database's catalog (\(why)): only keywords, commands and files\n")
            try? stderr.flush()
        }
        // psql's start-up variables (`COMP_KEYWORD_CASE`, `VERBOSITY` …), then `-v`, as at the prompt.
        let variables = VariableStore()
        for (name, value) in BuiltinVariables.defaults { variables[name] = value }
        for (name, value) in options.variables { variables[name] = BuiltinVariables.substitute(name, value) ?? value }
        // Names from the history file rank up, as at the prompt.
        let usage = CompletionUsage()
        let history = HistoryStore()
        history.load()
        for entry in history.entries() { usage.record(entry) }
        var sources = CompletionSources(snapshot: { cache.snapshot }, commands: commands, variables: variables, usage: usage)
        // Kinds the snapshot does not keep are asked of a connection of our own, opened on first need.
        let lookupSession = PGSession(settings: settings)
        lookupSession.usesQueryCanceller = false
        defer { lookupSession.close() }
        var triedToConnect = false
        let lookup = SessionCatalogLookup(timeout: metadataWait) {
            if !triedToConnect { triedToConnect = true; try? lookupSession.connect() }
            return lookupSession.connection
        }
        sources.lookup = { lookup.names($0) }
        let engine = sources.engine()
        let candidates = engine.complete(text: text, cursor: cursor ?? text.count)
        try? stdout.write(CompletionOutput.format(candidates))
        try? stdout.flush()
        return ExitCode.success
    }
}
