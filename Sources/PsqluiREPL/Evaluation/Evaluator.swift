import Dispatch
import FoundationEssentials
import Glibc
import PsqluiCore
import PsqluiPluginAPI

/// Runs statements and meta-commands against the session and shows what they
/// produce. One evaluator serves the interactive prompt and every batch mode, so a
/// statement behaves the same typed or scripted.
public final class Evaluator {
    public let session: PGSession
    /// How async code (a plugin command's queries) uses `session`: on this thread,
    /// while it waits for the command (`BlockingAsync.run(serving:)`).
    public let sessionExecutor: SessionExecutor
    public var printSettings: PrintSettings
    /// psql's `-L FILE`: every statement sent, and the results printed to the screen,
    /// are written here too.
    public var queryLog: FileDescriptorWriter?
    /// Set by `\restrict KEY`: until `\unrestrict KEY` no other backslash command runs.
    var restrictKey: String?
    public let variables: VariableStore
    public let stdout: FileDescriptorWriter
    /// `PQclientEncoding` when `ENCODING` was last set from it (-1: not yet).
    private var clientEncodingSeen: Int32 = -1
    /// Whether `stdout` is a terminal, asked once (a script asked for every statement).
    private lazy var stdoutIsTerminal = isatty(stdout.fileDescriptor) == 1
    public let stderr: FileDescriptorWriter
    /// Where query results go (`\o`, `-o`); stdout by default.
    public var queryOutput: FileDescriptorWriter
    /// The last statement the user ran (not metadata or plugin queries).
    public internal(set) var previousStatement: [UInt8]?
    /// True at an interactive terminal.
    public let interactive: Bool
    /// Echo each statement before running it (`-e`).
    public var echoQueries = false
    /// Show how long each statement took (`\timing`).
    public var timing = false
    /// The one command table: every command and export format, host and plugin.
    public let commands: REPLCommandTable
    /// Set when there is no connection, as psql's `pset.db == NULL`: `\c` failed
    /// outside the prompt, or the reset after a lost connection failed. Statements then
    /// fail with "You are currently not connected to a database." until `\c`
    /// succeeds, and the prompt shows `!`.
    public internal(set) var notConnected = false
    /// The config's `[connections.NAME]` profiles (`:connect NAME`).
    public var connectionProfiles: [String: ConnectionProfile] = [:]
    /// The command line's plugin connection settings (`--ssh-tunnel`): they hold for
    /// every connection of the session unless a profile names its own.
    public var commandLineHookSettings: [String: ConfigValue] = [:]
    /// The connection profile whose `prompt`/`color` is the prompt (over `PROMPT1`).
    /// Set by `-D NAME` and `:connect NAME`, dropped for another server.
    public var promptProfile: ConnectionProfile?
    /// The completion catalog at the interactive prompt (`:refresh`), nil in batch runs.
    public var metadataCache: MetadataCache?
    /// `:format csv`, `--csv`, …: results are written by this exporter (nil: printer).
    public var resultFormat: ResultFormat? {
        didSet { hasResultFormat = resultFormat != nil }
    }
    /// Whether `resultFormat` is set, read for every statement without copying it out.
    private(set) var hasResultFormat = false
    /// Show export progress on stderr (it is a terminal and not `-q`).
    public var showsExportProgress = false
    /// Called with each command tag a statement completed with (`CREATE TABLE`,
    /// `COMMIT`), after the statement ends; the metadata cache refreshes on DDL.
    public var onStatementCompleted: ((_ tag: String) -> Void)?

    /// The prefix for messages about the statement being run (file and line).
    public internal(set) var messagePrefix: String {
        get {
            if let pending = pendingMessagePrefix {
                messagePrefixText = pending.origin.prefix(line: pending.line)
                pendingMessagePrefix = nil
            }
            return messagePrefixText
        }
        set {
            messagePrefixText = newValue
            pendingMessagePrefix = nil
        }
    }
    private var messagePrefixText = ""
    private var pendingMessagePrefix: (origin: InputOrigin, line: Int)?

    /// Sets `messagePrefix` to `origin.prefix(line:)`, made only when a message needs
    /// it: most of a script's statements report nothing.
    func setMessagePrefix(_ origin: InputOrigin, line: Int) {
        pendingMessagePrefix = (origin, line)
    }

    public init(session: PGSession, commands: REPLCommandTable, printSettings: PrintSettings, variables: VariableStore,
                stdout: FileDescriptorWriter, stderr: FileDescriptorWriter, interactive: Bool) {
        self.session = session
        self.sessionExecutor = SessionExecutor(session: session)
        self.commands = commands
        self.printSettings = printSettings
        self.variables = variables
        self.stdout = stdout
        self.stderr = stderr
        self.queryOutput = stdout
        self.interactive = interactive
        session.onNotice = { [unowned self] message in
            try? self.stdout.flush()
            self.report(message)
        }
    }

    // MARK: Messages

    /// Writes a message to stderr with the current file/line prefix, as psql does.
    public func report(_ message: String, prefix: String? = nil) {
        try? queryOutput.flush()
        try? stdout.flush()
        var text = terminalText((prefix ?? messagePrefix) + message, on: stderr)
        if !text.hasSuffix("\n") { text += "\n" }
        if printSettings.colorAllowed, isatty(stderr.fileDescriptor) == 1,
           TerminalColor.enabled(isTerminal: true, environment: ProcessInfo.processInfo.environment) {
            text = TerminalColor.paintMessage(text)
        }
        try? stderr.write(text)
        try? stderr.flush()
    }

    /// Reports an error of psqlui's own (not the server's): `psqlui:FILE:LINE: error: …`
    /// inside a `-f` script; the bare message at the prompt, in `-c` and in piped stdin,
    /// as psql's main loop logs it.
    public func reportError(_ message: String) {
        report((messagePrefix.isEmpty ? "" : "error: ") + message)
    }

    /// Reports a warning of psqlui's own: `psqlui:FILE:LINE: warning: …` inside a `-f`
    /// script, the bare message elsewhere (psql's `pg_log_warning`).
    public func reportWarning(_ message: String) {
        report((messagePrefix.isEmpty ? "" : "warning: ") + message)
    }

    /// psql's `QUIET` (`-q` sets it): no command tags and no confirmations.
    public var quiet: Bool { variables.bool(.quiet) }

    // MARK: Built-in variables

    /// Sets psql's defaults and client version variables (once, before `-v`).
    public func setBuiltinVariables() {
        for (name, value) in BuiltinVariables.defaults + BuiltinVariables.clientVersion(psqluiVersion: PsqluiCoreInfo.version) {
            variables[name] = value
        }
        syncConnectionVariables()
    }

    /// `DBNAME`, `USER`, `HOST`, `PORT`, `ENCODING`, `SERVER_VERSION_NAME`,
    /// `SERVER_VERSION_NUM` from the connection, as psql sets them after each connect.
    public func syncConnectionVariables() {
        guard session.isConnected else { return }
        variables["DBNAME"] = session.databaseName
        variables["USER"] = session.userName
        variables["HOST"] = session.host
        variables["PORT"] = session.port
        syncEncodingVariable()
        variables["SERVER_VERSION_NAME"] = session.parameter("server_version")
        variables["SERVER_VERSION_NUM"] = "\(session.serverVersion)"
    }

    /// `ENCODING` from libpq's client encoding, and the encoding number it was read at
    /// (after a connect, `\encoding`, and a statement that changed it).
    func syncEncodingVariable() {
        clientEncodingSeen = session.clientEncodingID
        if let encoding = session.parameter("client_encoding") { variables["ENCODING"] = encoding }
    }

    /// psql's `SetResultVariables`: `ERROR`, `SQLSTATE`, `ROW_COUNT` and, after an
    /// error, `LAST_ERROR_MESSAGE` and `LAST_ERROR_SQLSTATE`.
    func setResultVariables(_ outcome: ExecutionOutcome) {
        switch outcome {
        case .success:
            variables[.error] = "false"
            variables[.sqlState] = "00000"
            variables[.rowCount] = session.lastRowCount.isEmpty ? "0" : session.lastRowCount
        case .serverError(_, let state):
            variables[.error] = "true"
            variables[.sqlState] = state ?? ""
            variables[.rowCount] = "0"
            variables["LAST_ERROR_MESSAGE"] = session.lastErrorPrimary ?? ""
            variables["LAST_ERROR_SQLSTATE"] = state ?? ""
        case .outputError, .connectionLost:
            variables[.error] = "true"
        }
    }

    /// Prints the notifications that arrived (`LISTEN`), in psql's words, to the query
    /// output.
    func printNotifications() {
        for n in session.takeNotifications() {
            let payload = n.payload.isEmpty ? "" : " with payload \"\(n.payload)\""
            try? queryOutput.write("Asynchronous notification \"\(n.channel)\"\(payload) received from server process with PID \(n.backendPID).\n")
        }
        try? queryOutput.flush()
    }

    // MARK: Statements

    /// Runs one statement (or a multi-statement string from `-c`); its messages get
    /// `prefix` (nil: the `messagePrefix` already set).
    public func runStatement(_ sql: [UInt8], prefix: String?, copyIn: (() -> [UInt8]?)? = nil,
                             consumer: QueryResultConsumer? = nil, remember: Bool = true) -> StepResult {
        if let prefix { messagePrefix = prefix }
        if notConnected {
            report("You are currently not connected to a database.")
            return .failed
        }
        if !session.isConnected {
            // Found lost after the previous statement (libpq noticed the closed socket
            // only when it read again): psql sends anyway, libpq refuses, and the
            // statement is not run — in a transaction that died with the connection,
            // running it on a new connection would commit it on its own.
            report("no connection to the server")
            return connectionWasLost()
        }
        if remember { previousStatement = sql }
        session.setMessageStyle(verbosity: variables[.verbosity], context: variables[.showContext])
        // Under SINGLESTEP the statement was shown already (psql echoes one or the other).
        if echoQueries || variables[.echo] == "queries", !variables.bool(.singleStep) {
            try? stdout.write(sql)
            try? stdout.write("\n")
        }
        // At a terminal, results go through the paged-view path (DESIGN); export
        // formats (`:format csv`) stream to the query output.
        let formatted = consumer == nil ? formattedResultConsumer() : nil
        let paged = consumer == nil && formatted == nil ? pagedOutput() : nil
        defer { paged?.finish() }
        var printer = consumer ?? formatted ?? ResultPrinter(out: paged?.buffer ?? queryOutput.buffer,
                                                             settings: printSettings(for: sql, paged: paged != nil))
        if let log = queryLog {
            try? log.write("********* QUERY **********\n")
            try? log.write(sql)
            try? log.write("\n**************************\n\n")
            if consumer == nil {
                // psql logs command tags even under QUIET, and every result aligned and
                // unexpanded whatever the format (print.c's print_aligned_text to flog).
                var settings = printSettings
                settings.format = .aligned
                settings.expanded = .off
                settings.fetchCount = FetchCountPolicy.pieceSize(fetchCount: variables[.fetchCount], sql: sql)
                settings.showAllResults = variables.bool(.showAllResults)
                settings.color = false
                printer = QueryLogTee(wrapping: printer, log: ResultPrinter(out: log.buffer, settings: settings))
            }
        }
        defer { try? queryLog?.flush() }
        let plugins = commands.plugins
        let pluginRun = plugins.observesStatements ? plugins.statementStarted(sql, on: session) : nil  // plugin events
        let recorder = onStatementCompleted != nil || pluginRun != nil ? CommandTagRecorder(wrapping: printer) : nil
        defer { recorder?.tags.forEach { onStatementCompleted?($0) } }
        let started = timing ? DispatchTime.now() : nil
        var outcome = sql.withUnsafeBufferPointer { buf in
            session.execute(buf, consumer: recorder ?? printer, copyIn: copyIn, copyOut: { [queryOutput] bytes in
                try queryOutput.write(bytes)
            })
        }
        // psql runs a FETCH_COUNT SELECT through a cursor whose DECLARE puts the
        // statement on its second line, so its error positions say `LINE 2` (not for
        // \gexec and \crosstabview, whose RowCollector psql runs without a cursor).
        if case .serverError(let message, let state) = outcome, let position = session.lastErrorPosition,
           !(consumer is RowCollector), FetchCountPolicy.pieceSize(fetchCount: variables[.fetchCount], sql: sql) > 0 {
            outcome = .serverError(message: ErrorPositionText.shifted(message, query: sql, position: position, lineOffset: 1),
                                   sqlState: state)
        }
        pluginRun?.finished(outcome, tags: recorder?.tags ?? [])
        setResultVariables(outcome)
        // `SET client_encoding` (or a function that sets it): psql keeps ENCODING
        // current after every statement, comparing libpq's encoding number with the
        // one it last saw (no string made unless it changed).
        if session.clientEncodingID != clientEncodingSeen { syncEncodingVariable() }
        defer { if case .connectionLost = outcome {} else { printNotifications() } }
        let elapsed = started.map { Double(DispatchTime.now().uptimeNanoseconds - $0.uptimeNanoseconds) / 1e6 } ?? 0
        if let export = printer as? ExportConsumer {
            export.progress?.finish(rows: outcome == .success ? export.rowCount : nil)
        }
        switch outcome {
        case .success:
            // A failed write (a full disk) fails the statement, as in psql (exit 1,
            // ON_ERROR_STOP stops); a closed pipe ends the run.
            let flushed = flushOutput()
            guard flushed == .ok else { return flushed }
            showTiming(elapsed)
            return .ok
        case .serverError(let message, _):
            _ = flushOutput()
            report(message)
            showTiming(elapsed)
            return .failed
        case .outputError(let message, let brokenPipe):
            if brokenPipe && paged?.pagerQuit == true { return .ok }  // the user quit the pager
            if brokenPipe { return .brokenPipe }
            reportOutputFailure(message)
            return .failed
        case .connectionLost(let messages):
            _ = flushOutput()
            for m in messages { report(m) }
            return connectionWasLost()
        }
    }

    private func flushOutput() -> StepResult {
        do {
            try queryOutput.flush()
            if queryOutput !== stdout { try stdout.flush() }
            return .ok
        } catch OutputWriteError.brokenPipe {
            return .brokenPipe
        } catch {
            reportOutputFailure("\(error)")
            return .failed
        }
    }

    /// psql's words for output that could not be written.
    private func reportOutputFailure(_ reason: String) {
        report((messagePrefix.isEmpty ? "" : "error: ") + "could not print result table: " + reason)
    }

    private func showTiming(_ milliseconds: Double) {
        guard timing else { return }
        try? queryOutput.write("Time: \(NumberText.fixed(milliseconds, places: 3)) ms\n")
        try? queryOutput.flush()
    }

    /// How output is paged at a terminal (`:pager`).
    public var pager = PagerChoice.automatic

    /// A paged view for output to the terminal, or nil when output is not paged
    /// (not interactive, redirected with `\o`, stdout not a terminal, `:pager off`).
    func pagedOutput() -> PagedOutput? {
        guard interactive, pager != .off, printSettings.pager != .off, !PagerChoice.disabledByEnvironment(),
              queryOutput === stdout, let size = TerminalSize.of(1) else { return nil }
        try? stdout.flush()
        return PagedOutput(terminal: size, command: pager.resolvedCommand())
    }

    /// The print settings for one statement: psql's FETCH_COUNT pieces for a SELECT,
    /// the terminal's width for `wrapped` and `expanded auto`, colour only at a terminal.
    func printSettings(for sql: [UInt8], paged: Bool) -> PrintSettings {
        var settings = printSettings
        settings.fetchCount = FetchCountPolicy.pieceSize(fetchCount: variables[.fetchCount], sql: sql)
        settings.showAllResults = variables.bool(.showAllResults)
        let toTerminal = queryOutput === stdout && stdoutIsTerminal
        if settings.terminalWidth == 0 && (toTerminal || paged) {
            if let env = ProcessInfo.processInfo.environment["COLUMNS"], let n = Int(env), n > 0 { settings.terminalWidth = n }
            else { settings.terminalWidth = TerminalSize.of(1)?.columns ?? 0 }
        }
        if quiet { settings.showCommandTags = false }
        let encoding = session.clientEncodingID
        if encoding >= 0 { settings.clientEncoding = encoding }
        if printsExpandedCSV { settings.format = .csv }
        // `environment` copies the whole environment: only read it for a terminal
        // (once per statement it was half a 10,000-statement script's client time).
        settings.color = printSettings.colorAllowed && toTerminal
            && TerminalColor.enabled(isTerminal: true, environment: ProcessInfo.processInfo.environment)
        return settings
    }

    /// `text` as it may reach `writer`: at a terminal, control characters from the
    /// server (a notice, an error, a pane's names) are escaped as aligned output
    /// escapes a cell, so they cannot drive the terminal; into a pipe or a file the
    /// bytes stay psql's.
    public func terminalText(_ text: String, on writer: FileDescriptorWriter) -> String {
        isatty(writer.fileDescriptor) == 1 ? CellFormatter.terminalSafe(text, keepNewlines: true) : text
    }

    /// Shows text lines (a pane) through the paged-view path; the pager is a terminal.
    public func showLines(_ lines: [String]) {
        if let paged = pagedOutput() {
            for line in lines { try? paged.buffer.append(CellFormatter.terminalSafe(line, keepNewlines: true) + "\n") }
            paged.finish()
        } else {
            for line in lines { try? queryOutput.write(terminalText(line, on: queryOutput) + "\n") }
            try? queryOutput.flush()
        }
    }

    /// psql's `CheckConnection`, after a statement found the connection lost: in a
    /// script, "connection to server was lost" and the run ends (status 2); at the
    /// prompt, one reset attempt, reported as psql does. If it fails there is no
    /// connection (the prompt shows `!`) until `\c` makes one.
    private func connectionWasLost() -> StepResult {
        guard interactive else {
            report((messagePrefix.isEmpty ? "" : "error: ") + "connection to server was lost")
            return .connectionLost
        }
        try? stderr.write("The connection to the server was lost. Attempting reset: ")
        try? stderr.flush()
        do {
            try session.connect()
            try? stderr.write("Succeeded.\n")
            syncConnectionVariables()
        } catch {
            try? stderr.write("Failed.\n")
            session.close()
            notConnected = true
            unsyncConnectionVariables()
        }
        try? stderr.flush()
        return .failed
    }

    /// psql's `UnsyncVariables`: no connection, so no connection variables.
    func unsyncConnectionVariables() {
        for name in ["DBNAME", "USER", "HOST", "PORT", "ENCODING", "SERVER_VERSION_NAME", "SERVER_VERSION_NUM"] {
            variables.unset(name)
        }
    }
}
