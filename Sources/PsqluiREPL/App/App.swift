import FoundationEssentials
import Glibc
import PsqluiCore
import PsqluiPluginAPI

/// Wires a run of psqlui together: the temporary cluster, the connection, then the
/// `-c`/`-f` actions, a piped script, or the interactive prompt.
public enum App {
    /// Runs psqlui and returns its exit status; a run whose output pipe closed ends by
    /// SIGPIPE (status 141 in the shell) after the cluster and plugins are stopped.
    public static func run(_ options: LaunchOptions) -> Int32 {
        let status = runToStatus(options)
        if status == ExitCode.brokenPipe { diedOfBrokenPipe() }
        return status
    }

    private static func runToStatus(_ options: LaunchOptions) -> Int32 {
        MallocTuning.apply()
        // The locale decides the client encoding (libpq's "auto" reads LC_CTYPE) and
        // what libedit accepts, as in psql.
        setlocale(LC_ALL, "")
        StandardDescriptors.ensureOpen()
        QueryCanceller.shared.installSignalHandler()
        signal(SIGPIPE, SIG_IGN)  // writes report EPIPE; we end like psql would (status 141)
        let stdout = FileDescriptorWriter(fileDescriptor: 1)
        let stderr = FileDescriptorWriter(fileDescriptor: 2)
        func fail(_ message: String, _ code: Int32) -> Int32 {
            try? stderr.write("psqlui: error: " + message + (message.hasSuffix("\n") ? "" : "\n"))
            try? stderr.flush()
            return code
        }

        var options = options
        let commandLineHookSettings = options.connection.hookSettings
        let config = ConfigApplication.load(options)
        for message in config.messages { try? stderr.write(message + "\n") }
        try? stderr.flush()
        var cluster: TemporaryCluster?
        if options.temporaryCluster {
            do {
                let c = try TemporaryCluster.start(log: { try? stderr.write($0 + "\n"); try? stderr.flush() })
                cluster = c
                options.connection = c.connectionSettings
            } catch {
                return fail("\(error)", ExitCode.failure)
            }
        }
        defer { cluster?.stop() }
        var profile: ConnectionProfile?
        if let name = options.profile {
            guard let p = config.connections[name] else {
                let known = config.connections.keys.sorted()
                return fail("no connection profile \"\(name)\" in the config" + (known.isEmpty ? " (add a [connections.\(name)] table to \(config.userFilePath ?? "config.toml"))" : " (profiles: \(known.joined(separator: ", ")))"), ExitCode.connectionFailed)
            }
            profile = p
            options.connection = ConnectionProfile.merged(p.settings(), under: options.connection)
        }
        if options.readOnly { options.connection = ConnectionProfile.readOnly(options.connection) }

        let interactive = options.actions.isEmpty && isatty(0) == 1
        let session = PGSession(settings: options.connection)
        if isatty(0) == 1 || options.connection.forcePasswordPrompt {
            session.passwordPrompt = { user in
                let name = user ?? options.connection.user ?? ProcessInfo.processInfo.environment["PGUSER"] ?? ProcessInfo.processInfo.userName
                switch PasswordPrompt.ask("Password for user \(name): ") {
                case .text(let password): return password.isEmpty ? nil : password
                case .ended: return nil
                case .cancelled:
                    // Ctrl-C at the password prompt ends psqlui as it ends psql.
                    signal(SIGINT, SIG_DFL)
                    raise(SIGINT)
                    return nil
                }
            }
        }
        // Plugins start before the connect: their connection hooks (an SSH tunnel)
        // decide where it goes, and event subscribers hear it.
        let commands = startPlugins(skipConfig: options.skipConfig, builtins: options.builtinPlugins, config: config, report: { notice in
            try? stderr.write(notice + (notice.hasSuffix("\n") ? "" : "\n"))
            try? stderr.flush()
        })
        // At exit the session closes first (the hooks release their connection), then
        // the plugins stop; after SIGTERM or SIGHUP the plugins stop too.
        defer { session.close(); stopPlugins(commands) }
        TerminationSignals.onTermination { stopPlugins(commands) }
        session.router = PluginConnectionRouter(registry: commands.plugins)
        commands.plugins.observe(session)
        do {
            try session.connect()
        } catch {
            return fail("\(error)", ExitCode.connectionFailed)
        }
        if let profile { for line in profile.runInit(on: session) { try? stderr.write(line + "\n") } }

        let variables = VariableStore()
        let printSettings = options.printSettings
        let evaluator = Evaluator(session: session, commands: commands, printSettings: printSettings, variables: variables,
                                  stdout: stdout, stderr: stderr, interactive: interactive)
        // psql's order: built-in defaults, then -q/-e/-a, then each -v.
        evaluator.setBuiltinVariables()
        if options.quiet { variables["QUIET"] = "on" }
        if options.echoQueries { variables["ECHO"] = "queries" }
        if options.echoAll { variables["ECHO"] = "all" }
        for (name, value) in options.variables { variables[name] = BuiltinVariables.substitute(name, value) ?? value }
        // psql's ~/.psqlrc (not with -X), then psqlui's own config on top of it.
        if !options.skipConfig {
            let startup = Psqlrc.run(evaluator)
            if startup.endsInput { return startup.exitStatus(script: true) }
        }
        ConfigApplication.apply(config, to: evaluator)
        evaluator.connectionProfiles = config.connections
        ConnectCommand.profileNames = config.connections.keys.sorted()
        evaluator.commandLineHookSettings = commandLineHookSettings
        evaluator.promptProfile = profile
        evaluator.showsExportProgress = ExportProgress.wanted(quiet: options.quiet)
        if let name = options.resultFormat {
            do { try evaluator.applyLaunchFormat(name) } catch { return fail("\(error)", ExitCode.failure) }
        }
        if let path = options.logFile {
            let fd = open(UserPath.expand(path), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o666)
            guard fd >= 0 else { return fail("could not open log file \"\(path)\": \(String(cString: strerror(errno)))", ExitCode.failure) }
            evaluator.queryLog = FileDescriptorWriter(fileDescriptor: fd)
        }
        if let path = options.outputFile {
            do { try OutputCommand.redirect(evaluator, to: .file(path: path, append: false)) } catch {
                return fail("\(error)", ExitCode.failure)
            }
        }
        defer {
            try? evaluator.queryOutput.flush()
            // A `\o |CMD` still open: its command sees end of input and is waited for, as psql does.
            try? OutputCommand.current?.finish()
            try? stdout.flush()
        }

        if interactive {
            return InteractiveSession(evaluator: evaluator, quiet: options.quiet, history: ConfigApplication.history(config)).run()
        }
        if options.actions.isEmpty {
            return ScriptRunner(evaluator: evaluator).run(source: ScriptInput(fileDescriptor: 0), origin: .pipedStdin).exitStatus(script: true)
        }
        return BatchRunner(evaluator: evaluator, options: options).run()
    }

    /// Builds the command table (host commands, core commands, built-in formats), then
    /// registers built-in plugins and outside plugins (none with `-X`) into it, and
    /// reports refused plugins and an untrusted project (unless the config already
    /// told about that project). `[plugins]` flags and tables come from `config`.
    ///
    /// It blocks on the event subscribers' activation: call it from a thread, never
    /// from inside a task (tests: `commandTable`).
    public static func startPlugins(skipConfig: Bool, builtins: [PluginDescriptor], config: ConfigStore = ConfigStore(),
                                    report: (String) -> Void) -> REPLCommandTable {
        let table = commandTable(skipConfig: skipConfig, builtins: builtins, config: config, report: report)
        let registry = table.plugins
        // No task when no plugin needs starting (the telemetry plugin without a
        // destination does not): a `-c` run then never wakes the cooperative pool.
        guard registry.hasEventSubscribersToActivate else { return table }
        for line in (try? BlockingAsync.run({ await registry.activateEventSubscribers() })) ?? [] { report(line) }
        return table
    }

    /// The command table with every plugin registered and none activated. It runs no
    /// async work, so a test may build it on the cooperative pool.
    public static func commandTable(skipConfig: Bool, builtins: [PluginDescriptor], config: ConfigStore = ConfigStore(),
                                    report: (String) -> Void) -> REPLCommandTable {
        let registry = PluginRegistry(services: PluginHostServices(config: config.plugins))
        let loader = PluginLoader()
        let table = HostCommands.table(plugins: registry, loader: loader)
        var discovery = PluginDiscovery(trustedProjects: config.plugins.trustedProjects, noOutsidePlugins: skipConfig)
        discovery.announcesUntrustedProject = !config.reportedUntrustedProject
        for notice in PluginStartup.run(registry: registry, builtins: builtins, discovery: discovery, loader: loader) { report(notice) }
        return table
    }

    /// Runs every activated plugin's `onShutdown` (2 s deadline) before exit.
    static func stopPlugins(_ commands: REPLCommandTable) {
        let registry = commands.plugins
        guard registry.needsShutdown else { return }  // no plugin code ran: nothing to stop
        _ = try? BlockingAsync.run(timeout: PluginRegistry.shutdownDeadline + 1) {
            for line in await registry.shutdown() { StandardStreams.writeError(line + "\n") }
        }
    }

    /// Ends the process the way psql does when its reader goes away: quietly, by
    /// SIGPIPE, so the shell sees status 141.
    static func diedOfBrokenPipe() {
        signal(SIGPIPE, SIG_DFL)
        raise(SIGPIPE)
    }
}
