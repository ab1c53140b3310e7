import ArgumentParser
import FoundationEssentials
import Glibc
import PsqluiCore
import PsqluiPluginAPI
import PsqluiREPL

/// psqlui's command line: psql's options with psql's meanings (so scripts can
/// switch over), plus psqlui's own (`--temp`, `--format`, `--complete`).
struct PsqluiCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "psqlui",
        abstract: "A PostgreSQL client for the terminal: SQL at a prompt, exporters, scripts.",
        discussion: """
        Connects as psql does (libpq: PG* variables, ~/.pgpass, service files, URIs).
        With no -c or -f, reads statements at a prompt, or from standard input when it
        is not a terminal. Exit status: 0 success, 1 fatal error or failing -c,
        2 connection failed or lost, 3 script error under ON_ERROR_STOP.
        """,
        // psql's -h is the host; help is -? and --help.
        helpNames: [.long, .customShort("?")]
    )

    // MARK: Connection

    @Option(name: [.customShort("h", allowingJoined: true), .long], help: "Database server host or socket directory.")
    var host: String?

    @Option(name: [.customShort("p", allowingJoined: true), .long], help: "Database server port.")
    var port: String?

    @Option(name: [.customShort("U", allowingJoined: true), .customLong("username")], help: "Database user name.")
    var username: String?

    @Option(name: [.customShort("d", allowingJoined: true), .customLong("dbname")], help: "Database name, conninfo string or URI.")
    var dbname: String?

    @Flag(name: [.customShort("W"), .customLong("password")], help: "Ask for a password before connecting.")
    var forcePassword = false

    @Flag(name: [.customShort("w"), .customLong("no-password")], help: "Never ask for a password.")
    var neverPassword = false

    @Option(name: [.customShort("D", allowingJoined: true), .customLong("profile")], help: "Connect with the [connections.NAME] profile of config.toml.")
    var profile: String?

    @Option(name: .customLong("ssh-tunnel"), help: ArgumentHelp("Connect through an SSH tunnel to HOST (the ssh plugin; the system ssh and ~/.ssh/config).", valueName: "[USER@]HOST[:PORT]"))
    var sshTunnel: String?

    @Flag(name: .customLong("read-only"), help: "Make the session read-only (default_transaction_read_only); the prompt says so.")
    var readOnly = false

    @Flag(name: .customLong("temp"), help: "Start a throwaway local PostgreSQL with a demo schema, connect to it, remove it on exit.")
    var temp = false

    // MARK: Input and behaviour

    @Option(name: [.customShort("c", allowingJoined: true), .customLong("command")], help: "Run one command string (repeatable; runs in order with -f).")
    var commands: [String] = []

    @Option(name: [.customShort("f", allowingJoined: true), .customLong("file")], help: "Run commands from a file (- for stdin; repeatable).")
    var files: [String] = []

    @Option(name: [.customShort("v", allowingJoined: true), .customLong("set"), .customLong("variable")], help: "Set a variable: NAME=VALUE.")
    var variables: [String] = []

    @Flag(name: [.customShort("1"), .customLong("single-transaction")], help: "Run all -c/-f actions in one transaction.")
    var singleTransaction = false

    @Flag(name: [.customShort("q"), .customLong("quiet")], help: "No informational messages or command tags.")
    var quiet = false

    @Flag(name: [.customShort("X"), .customLong("no-psqlrc")], help: "Skip config files and outside plugins.")
    var noConfig = false

    @Flag(name: [.customShort("n"), .customLong("no-readline")], help: "Do not use the line editor.")
    var noReadline = false

    @Flag(name: [.customShort("s"), .customLong("single-step")], help: "Ask before sending each statement (SINGLESTEP).")
    var singleStep = false

    @Flag(name: [.customShort("S"), .customLong("single-line")], help: "End of line ends a statement, as a semicolon does (SINGLELINE).")
    var singleLine = false

    @Flag(name: [.customShort("e"), .customLong("echo-queries")], help: "Echo each statement sent to the server.")
    var echoQueries = false

    @Flag(name: [.customShort("a"), .customLong("echo-all")], help: "Echo all input from a script.")
    var echoAll = false

    // MARK: Output

    @Flag(name: [.customShort("E"), .customLong("echo-hidden")], help: "Show the queries that backslash commands run (ECHO_HIDDEN).")
    var echoHidden = false

    @Flag(name: [.customShort("b"), .customLong("echo-errors")], help: "Echo statements that failed (ECHO=errors).")
    var echoErrors = false

    @Flag(name: [.customShort("l"), .customLong("list")], help: "List the databases, then exit.")
    var listDatabases = false

    @Flag(name: [.customShort("z"), .customLong("field-separator-zero")], help: "Field separator for unaligned output: a zero byte.")
    var fieldSeparatorZero = false

    @Flag(name: [.customShort("0"), .customLong("record-separator-zero")], help: "Record separator for unaligned output: a zero byte.")
    var recordSeparatorZero = false

    @Option(name: [.customShort("T", allowingJoined: true), .customLong("table-attr")], help: "HTML table attributes (as \\pset tableattr).")
    var tableAttributes: String?

    @Flag(name: [.customShort("A"), .customLong("no-align")], help: "Unaligned output.")
    var noAlign = false

    @Flag(name: [.customShort("t"), .customLong("tuples-only")], help: "Print rows only.")
    var tuplesOnly = false

    @Option(name: [.customShort("F", allowingJoined: true), .customLong("field-separator")], help: "Field separator for unaligned output.")
    var fieldSeparator: String?

    @Option(name: [.customShort("R", allowingJoined: true), .customLong("record-separator")], help: "Record separator for unaligned output.")
    var recordSeparator: String?

    @Flag(name: [.customShort("x"), .customLong("expanded")], help: "Expanded (vertical) records.")
    var expanded = false

    @Option(name: [.customShort("P", allowingJoined: true), .customLong("pset")], help: "Set a print option: NAME=VALUE (null, border, format, fieldsep, tuples_only, expanded, footer).")
    var psets: [String] = []

    @Option(name: [.customShort("L", allowingJoined: true), .customLong("log-file")], help: "Also write each statement and its results to a log file.")
    var logFile: String?

    @Option(name: [.customShort("o", allowingJoined: true), .customLong("output")], help: "Send query results to a file.")
    var output: String?

    @Option(name: .customLong("format"), help: "Show results in an export format: csv, tsv, json, ndjson, html, markdown, sql, a plugin's, or aligned/unaligned.")
    var format: String?

    @Flag(name: .customLong("csv"), help: "CSV output (same as --format csv).")
    var csv = false

    @Flag(name: [.customShort("H"), .customLong("html")], help: "HTML table output (same as --format html).")
    var html = false

    @Flag(name: [.customShort("V"), .customLong("version")], help: "Print the version and exit.")
    var version = false

    @Flag(name: .customLong("print-config"), help: "Print each effective setting and where it came from, then exit.")
    var printConfig = false

    @Flag(name: .customLong("trust-project"), help: "Trust the project in DIR (default: the current directory) to use its .psqlui/ config and plugins, then exit.")
    var trustProject = false

    // MARK: Completion

    @Option(name: .customLong("complete"), parsing: .unconditional,
            help: "Print the completions for TEXT, one per line as KIND<TAB>CANDIDATE<TAB>START, best first, and exit.")
    var complete: String?

    // Unconditional: `--cursor -1` is a (wrong) value, not a missing one.
    @Option(name: .customLong("cursor"), parsing: .unconditional, help: "With --complete: the cursor's character offset in TEXT (default: its end).")
    var cursor: Int?

    @Option(name: .customLong("bench-completion"), help: .hidden)
    var benchCompletion: Int?

    @Flag(name: .customLong("generate-man-page"), help: .hidden)
    var generateManPage = false

    // MARK: Positional

    @Argument(help: "DBNAME [USERNAME], as psql takes them.")
    var positional: [String] = []

    mutating func run() throws {
        if generateManPage {
            print(try ManPageCommand.render(), terminator: "")
            return
        }
        if version {
            print("psqlui \(PsqluiCoreInfo.version)")
            return
        }
        if trustProject { return try trust(directory: positional.first ?? FileManager.default.currentDirectoryPath) }
        var options = LaunchOptions()
        options.connection.host = host
        options.connection.port = port
        options.connection.user = username
        options.connection.dbname = dbname
        if options.connection.dbname == nil, let first = positional.first { options.connection.dbname = first }
        if options.connection.user == nil, positional.count > 1 { options.connection.user = positional[1] }
        options.connection.forcePasswordPrompt = forcePassword
        options.connection.neverPrompt = neverPassword
        options.temporaryCluster = temp
        options.profile = profile
        options.readOnly = readOnly
        if let sshTunnel { options.connection.hookSettings["ssh"] = .string(sshTunnel) }  // read by the ssh plugin's connection hook
        options.actions = ActionOrder.ordered(commands: commands, files: files, argv: Array(CommandLine.arguments.dropFirst()))
        for assignment in variables {
            guard let pair = VariableStore.parseAssignment(assignment) else {
                throw ValidationError("-v needs NAME=VALUE, got \"\(assignment)\"")
            }
            options.variables.append(pair)
        }
        // psql's -E and -b are the variables they set.
        if echoHidden { options.variables.append(("ECHO_HIDDEN", "on")) }
        if echoErrors { options.variables.append(("ECHO", "errors")) }
        // So are -s and -S.
        if singleStep { options.variables.append(("SINGLESTEP", "on")) }
        if singleLine { options.variables.append(("SINGLELINE", "on")) }
        // psql -l lists the databases and exits; -c and -f are not run.
        if listDatabases { options.actions = [.command("\\l")] }
        options.singleTransaction = singleTransaction
        options.quiet = quiet
        options.skipConfig = noConfig
        options.echoQueries = echoQueries
        options.echoAll = echoAll
        options.outputFile = output
        options.logFile = logFile
        var print = PrintSettings()
        if noAlign { print.format = .unaligned }
        if tuplesOnly { print.tuplesOnly = true }
        if expanded { print.expanded = .on }
        if let fieldSeparator { print.fieldSeparator = Array(fieldSeparator.utf8) }
        if let recordSeparator { print.recordSeparator = Array(recordSeparator.utf8) }
        if html { print.format = .html }
        if fieldSeparatorZero { try PsetOption.apply(name: "fieldsep_zero", value: nil, to: &print) }
        if recordSeparatorZero { try PsetOption.apply(name: "recordsep_zero", value: nil, to: &print) }
        if let tableAttributes { try PsetOption.apply(name: "tableattr", value: tableAttributes, to: &print) }
        if csv { options.resultFormat = "csv" }
        if let format { options.resultFormat = format }
        for pset in psets {
            let (name, value): (String, String?) = VariableStore.parseAssignment(pset).map { ($0.0, Optional($0.1)) } ?? (pset, nil)
            if name == "format", let value, (try? PrintSettings.matchFormat(value)) == nil {
                options.resultFormat = value  // an export format, checked once plugins are known
                continue
            }
            try PsetOption.apply(name: name, value: value, to: &print)
        }
        options.printSettings = print
        options.builtinPlugins = BuiltinPlugins.all
        options.commandLineSettings = commandLineSettings()
        if printConfig { Glibc.exit(ConfigApplication.printConfig(options)) }
        if let complete {
            if let cursor, !(0...complete.count).contains(cursor) {
                throw ValidationError("--cursor \(cursor) is not a position in TEXT (0 to \(complete.count))")
            }
            Glibc.exit(CompleteMode.run(options, text: complete, cursor: cursor))
        }
        if let benchCompletion { Glibc.exit(CompletionBenchmark.run(options, requests: benchCompletion)) }
        let status = App.run(options)
        Glibc.exit(status)
    }

    /// The config settings (dotted names) this command line decided.
    private func commandLineSettings() -> Set<String> {
        var names = Set<String>()
        if noAlign { names.insert(ConfigKey.displayFormat.name) }
        if expanded { names.insert(ConfigKey.displayExpanded.name) }
        for pset in psets {
            let name = VariableStore.parseAssignment(pset)?.0 ?? pset
            switch name {
            case "null", "border", "format", "footer", "expanded": names.insert("display." + name)
            case "x": names.insert(ConfigKey.displayExpanded.name)
            default: break
            }
        }
        return names
    }

    /// `--trust-project [DIR]`: records trust in the user config.
    private func trust(directory: String) throws {
        guard let path = ConfigStore.userConfigPath(environment: ProcessInfo.processInfo.environment) else {
            throw ValidationError("cannot find the user config: neither XDG_CONFIG_HOME nor HOME is set")
        }
        do {
            let dir = try ProjectTrust.trust(directory: directory, configPath: path)
            Swift.print("psqlui: trusting project \(dir) (recorded in \(path))")
        } catch {
            StandardStreams.writeError("psqlui: error: \(error)\n")
            Glibc.exit(ExitCode.failure)
        }
    }
}
