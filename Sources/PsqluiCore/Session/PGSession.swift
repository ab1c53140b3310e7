@preconcurrency import CLibPQ
import FoundationEssentials
import Glibc
import PsqluiPluginAPI

/// A connection failure, with libpq's message.
public struct ConnectionError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// The user's PostgreSQL session over libpq.
///
/// Statements run with `PQsendQuery` in single-row mode, so rows reach the consumer
/// as libpq delivers them and a result is never held whole. All calls block: use the
/// session from one dedicated thread (the REPL's main thread), never from a Task on
/// the cooperative pool. Ctrl-C cancels through `QueryCanceller` (PQcancel is
/// async-signal-safe).
public final class PGSession {
    public private(set) var connection: OpaquePointer?
    public private(set) var settings: ConnectionSettings
    /// Called with each NOTICE/WARNING the server sends, as libpq formats it.
    public var onNotice: ((String) -> Void)?
    /// Asks for a password when the server wants one; nil when prompting is not possible.
    /// Asks for the password of the user named (the one libpq resolved, from a URI too).
    public var passwordPrompt: ((_ user: String?) -> String?)?
    /// False for a background connection (the metadata cache's): Ctrl-C must cancel
    /// the user's query, so only the user's session registers with `QueryCanceller`.
    public var usesQueryCanceller = true
    /// Told when the connection comes up (`true`) and just before it is closed
    /// (`false`, the connection still readable): the plugin event bus listens.
    public var onConnectionChange: ((_ connected: Bool) -> Void)?
    /// Where each connect really goes (the plugins' connection hooks); nil: as the
    /// settings say. Only the user's session has one.
    public var router: ConnectionRouter?
    /// The current connection as the router prepared it.
    private var routedConnection: RoutedConnection?

    /// The settings libpq connected with: `settings`, or the route a connection hook
    /// chose (another connection to the same server uses these: the metadata cache's).
    public var effectiveSettings: ConnectionSettings {
        var s = routedConnection?.settings ?? settings
        s.hookSettings = [:]  // already applied: nothing for another connection to route again
        return s
    }

    /// When a connection hook rerouted the current connection: the host and port the
    /// settings named (what `\c` carries over, so a reconnect is routed again).
    public var reroutedFrom: (host: String?, port: String?)? { routedConnection?.reroutedFrom }

    public init(settings: ConnectionSettings) {
        self.settings = settings
    }

    deinit { close() }

    // MARK: Connecting

    /// Connects (or reconnects) with the current settings, prompting for a password
    /// when the server asks for one and a prompt is available.
    public func connect() throws {
        close()
        if settings.forcePasswordPrompt && settings.password == nil, let prompt = passwordPrompt {
            settings.password = prompt(settings.user)
        }
        // Plugin settings (`ssh`) without the plugins would connect directly: refuse.
        if router == nil, !settings.hookSettings.isEmpty {
            let names = settings.hookSettings.keys.sorted().map { "\"\($0)\"" }.joined(separator: ", ")
            throw ConnectionError(message: "connection setting \(names) needs psqlui's plugins, which this connection does not use")
        }
        var routed = try router?.route(settings) ?? RoutedConnection(settings: settings)
        var conn = Self.open(routed.settings)
        if PQstatus(conn) == CONNECTION_BAD, PQconnectionNeedsPassword(conn) == 1,
           settings.password == nil, !settings.neverPrompt, let prompt = passwordPrompt,
           let password = prompt(PQuser(conn).map { String(cString: $0) } ?? settings.user) {
            PQfinish(conn)
            settings.password = password
            routed.settings.password = password
            conn = Self.open(routed.settings)
        }
        guard let conn, PQstatus(conn) == CONNECTION_OK else {
            let message = conn.map { String(cString: PQerrorMessage($0)) } ?? "out of memory\n"
            if let conn { PQfinish(conn) }
            router?.release(routed)
            throw ConnectionError(message: message)
        }
        connection = conn
        routedConnection = routed
        installNoticeReceiver()
        if usesQueryCanceller { QueryCanceller.shared.prepare(for: conn) }
        onConnectionChange?(true)
    }

    /// Switches to other settings (`:connect`); the old connection stays if the new one fails.
    public func reconnect(with newSettings: ConnectionSettings) throws {
        let old = connection, oldSettings = settings, oldRouted = routedConnection
        connection = nil
        routedConnection = nil
        settings = newSettings
        if settings.password == nil, settings.host == oldSettings.host, settings.user == oldSettings.user {
            settings.password = oldSettings.password
        }
        do {
            try connect()
            if let old { PQfinish(old) }
            if let oldRouted { router?.release(oldRouted) }
        } catch {
            connection = old
            settings = oldSettings
            routedConnection = oldRouted
            if let old { QueryCanceller.shared.prepare(for: old) }
            throw error
        }
    }

    private static func open(_ settings: ConnectionSettings) -> OpaquePointer? {
        let pairs = settings.keywordValues
        var keys = pairs.map { strdup($0.0) } + [nil]
        var values = pairs.map { strdup($0.1) } + [nil]
        defer { (keys + values).forEach { free($0) } }
        return keys.withUnsafeMutableBufferPointer { k in
            values.withUnsafeMutableBufferPointer { v in
                k.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: k.count) { kp in
                    v.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: v.count) { vp in
                        PQconnectdbParams(kp, vp, 1)
                    }
                }
            }
        }
    }

    /// Closes the connection.
    public func close() {
        if let connection {
            onConnectionChange?(false)
            if usesQueryCanceller { QueryCanceller.shared.forget(connection) }
            PQfinish(connection)
        }
        connection = nil
        appliedMessageStyle = nil  // a new connection starts with libpq's defaults
        if let routed = routedConnection {
            routedConnection = nil
            router?.release(routed)
        }
    }

    /// libpq's `PQencryptPasswordConn` with the algorithm the server's
    /// `password_encryption` names (psql's `\password`): the verifier to send in place
    /// of the clear password, or libpq's message.
    public func encryptPassword(_ password: String, user: String) -> Result<String, ConnectionError> {
        guard let connection else { return .failure(ConnectionError(message: "no connection to the server")) }
        guard let encrypted = PQencryptPasswordConn(connection, password, user, nil) else {
            return .failure(ConnectionError(message: String(cString: PQerrorMessage(connection))))
        }
        defer { PQfreemem(encrypted) }
        return .success(String(cString: encrypted))
    }

    // MARK: State

    /// True when the connection is up as far as libpq knows.
    public var isConnected: Bool { connection.map { PQstatus($0) == CONNECTION_OK } ?? false }

    public var databaseName: String { connection.flatMap { PQdb($0) }.map { String(cString: $0) } ?? "" }
    public var userName: String { connection.flatMap { PQuser($0) }.map { String(cString: $0) } ?? "" }
    public var host: String { connection.flatMap { PQhost($0) }.map { String(cString: $0) } ?? "" }
    public var port: String { connection.flatMap { PQport($0) }.map { String(cString: $0) } ?? "" }
    /// The password the connection was made with, if any (`PQpass`).
    public var password: String? { connection.flatMap { PQpass($0) }.map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } }

    /// The connection's libpq options that have a value (`PQconninfo`), to reuse them
    /// for a new connection (`\c`).
    public func connectionOptions() -> [String: String] {
        guard let connection, let info = PQconninfo(connection) else { return [:] }
        defer { PQconninfoFree(info) }
        var options: [String: String] = [:]
        var p = info
        while let keyword = p.pointee.keyword {
            if let value = p.pointee.val { options[String(cString: keyword)] = String(cString: value) }
            p += 1
        }
        return options
    }

    /// The server version as an integer (150004 for 15.4), 0 when not connected.
    public var serverVersion: Int { connection.map { Int(PQserverVersion($0)) } ?? 0 }
    /// The backend process id (to tell a cancel from a reconnect).
    public var backendPID: Int32 { connection.map { PQbackendPID($0) } ?? 0 }

    /// A server parameter reported to the client (`is_superuser`, `standard_conforming_strings`, …).
    public func parameter(_ name: String) -> String? {
        guard let connection, let v = PQparameterStatus(connection, name) else { return nil }
        return String(cString: v)
    }

    /// Whether server parameter `name` is `value` (nil when not reported), compared
    /// without making a string: the script loop asks for every line. (Static strings:
    /// a `String` argument is copied into a new C string for each call.)
    public func parameter(_ name: StaticString, is value: StaticString) -> Bool? {
        guard let connection else { return nil }
        guard name.hasPointerRepresentation, value.hasPointerRepresentation else {  // a one-character literal
            return PQparameterStatus(connection, name.description).map { strcmp($0, value.description) == 0 }
        }
        // A literal's bytes are NUL-terminated (`StaticString.utf8Start`).
        let n = UnsafeRawPointer(name.utf8Start).assumingMemoryBound(to: CChar.self)
        let v = UnsafeRawPointer(value.utf8Start).assumingMemoryBound(to: CChar.self)
        return PQparameterStatus(connection, n).map { strcmp($0, v) == 0 }
    }

    /// Whether the client encoding is UTF8 (nil when not connected), by libpq's
    /// encoding number: the name is compared only when the number changed.
    public var clientEncodingIsUTF8: Bool? {
        guard let connection else { return nil }
        let id = PQclientEncoding(connection)
        if id != utf8Check.id { utf8Check = (id, parameter("client_encoding", is: "UTF8") ?? false) }
        return utf8Check.isUTF8
    }
    private var utf8Check: (id: Int32, isUTF8: Bool) = (-2, false)

    /// psql's `\encoding NAME`: `PQsetClientEncoding` (it sends `SET client_encoding`
    /// and waits); false when the server refuses the name. The new encoding is then
    /// `parameter("client_encoding")`.
    public func setClientEncoding(_ name: String) -> Bool {
        guard let connection else { return false }
        return PQsetClientEncoding(connection, name) == 0
    }

    public var isSuperuser: Bool { parameter("is_superuser") == "on" }

    /// libpq's number for the client encoding (`PQclientEncoding`, -1 when not
    /// connected): a cheap way to notice that `client_encoding` changed, as psql does
    /// after every statement; its name is `parameter("client_encoding")`.
    public var clientEncodingID: Int32 { connection.map { PQclientEncoding($0) } ?? -1 }

    public var transactionState: TransactionState {
        guard let connection else { return .unknown }
        switch PQtransactionStatus(connection) {
        case PQTRANS_IDLE: return .idle
        case PQTRANS_INTRANS: return .inTransaction
        case PQTRANS_INERROR: return .failed
        case PQTRANS_ACTIVE: return .active
        default: return .unknown
        }
    }

    /// `PQcmdTuples` of the last result of the last `execute` ("" when it had none),
    /// and the primary message of its error (nil when it succeeded): psql's
    /// `ROW_COUNT` and `LAST_ERROR_MESSAGE`.
    public private(set) var lastRowCount = ""
    public private(set) var lastErrorPrimary: String?
    /// The statement position of the last `execute`'s error (1-based characters of
    /// the statement), nil when it had none.
    public private(set) var lastErrorPosition: Int?
    /// The SQLSTATE of the last failed `describe` (`\gdesc` sets psql's `SQLSTATE` from it).
    public private(set) var lastDescribeSQLState: String?
    /// The most recent server error in full (`VERBOSITY verbose`, context always),
    /// kept until the next error: psql's `\errverbose`.
    public private(set) var lastErrorVerbose: String?

    /// `result`'s error at full verbosity, nil when libpq has none.
    static func verboseMessage(_ result: OpaquePointer?) -> String? {
        guard let cString = PQresultVerboseErrorMessage(result, PQERRORS_VERBOSE, PQSHOW_CONTEXT_ALWAYS) else { return nil }
        defer { PQfreemem(cString) }
        return String(cString: cString)
    }

    /// psql's `VERBOSITY` (`default`, `verbose`, `terse`, `sqlstate`) and
    /// `SHOW_CONTEXT` (`never`, `errors`, `always`): how libpq formats the errors and
    /// notices it hands over. Unknown words leave the setting alone.
    public func setMessageStyle(verbosity: String?, context: String?) {
        guard let connection else { return }
        // Asked before every statement: nothing to do when neither word changed since
        // it was applied to this connection.
        if let applied = appliedMessageStyle, applied.connection == connection,
           applied.verbosity == verbosity, applied.context == context { return }
        appliedMessageStyle = (connection, verbosity, context)
        switch verbosity?.lowercased() {
        case "default"?: PQsetErrorVerbosity(connection, PQERRORS_DEFAULT)
        case "verbose"?: PQsetErrorVerbosity(connection, PQERRORS_VERBOSE)
        case "terse"?: PQsetErrorVerbosity(connection, PQERRORS_TERSE)
        case "sqlstate"?: PQsetErrorVerbosity(connection, PQERRORS_SQLSTATE)
        default: break
        }
        switch context?.lowercased() {
        case "never"?: PQsetErrorContextVisibility(connection, PQSHOW_CONTEXT_NEVER)
        case "errors"?: PQsetErrorContextVisibility(connection, PQSHOW_CONTEXT_ERRORS)
        case "always"?: PQsetErrorContextVisibility(connection, PQSHOW_CONTEXT_ALWAYS)
        default: break
        }
    }

    /// The words `setMessageStyle` last applied, and to which connection.
    private var appliedMessageStyle: (connection: OpaquePointer, verbosity: String?, context: String?)?

    /// A `NOTIFY` the server delivered on a channel this session listens to.
    public struct Notification: Sendable, Equatable {
        public var channel: String
        public var payload: String
        public var backendPID: Int32
    }

    /// The notifications that have arrived, oldest first (reads what the socket holds
    /// without waiting).
    public func takeNotifications() -> [Notification] {
        guard let connection else { return [] }
        _ = PQconsumeInput(connection)
        var found: [Notification] = []
        while let n = PQnotifies(connection) {
            found.append(Notification(channel: String(cString: n.pointee.relname), payload: String(cString: n.pointee.extra),
                                      backendPID: n.pointee.be_pid))
            PQfreemem(n)
        }
        return found
    }

    // MARK: Running statements

    /// Runs `sql` (one statement or several separated by `;`, sent as one simple query
    /// as psql does) and streams every result into `consumer`.
    ///
    /// `copyIn` supplies data lines for `COPY … FROM STDIN` (nil: the copy is refused
    /// with an error); `copyOut` receives `COPY … TO STDOUT` data.
    public func execute(_ sql: UnsafeBufferPointer<UInt8>, consumer: QueryResultConsumer,
                        copyIn: (() -> [UInt8]?)? = nil,
                        copyOut: ((UnsafeBufferPointer<UInt8>) throws -> Void)? = nil) -> ExecutionOutcome {
        guard let conn = connection, PQstatus(conn) == CONNECTION_OK else {
            return .connectionLost(messages: ["no connection to the server\n"])
        }
        // The COPY fast path: decided here, before anything is sent (CopyRoute).
        let copyPlan = CopyPlan(sql, consumer: consumer, serverVersion: serverVersion)
        var text: [UInt8]
        if let copyPlan { text = copyPlan.sent } else {
            text = []
            text.reserveCapacity(sql.count + 1)  // the statement and its NUL, one allocation
            text.append(contentsOf: sql)
        }
        text.append(0)
        let sent = text.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) { PQsendQuery(conn, $0) }
        }
        guard sent == 1 else { return lostOrError(conn) }
        if copyPlan == nil { _ = PQsetSingleRowMode(conn) }
        if usesQueryCanceller { QueryCanceller.shared.queryStarted() }
        defer { if usesQueryCanceller { QueryCanceller.shared.queryFinished() } }
        let reader = ResultStreamReader(connection: conn, consumer: consumer, copyIn: copyIn, copyOut: copyOut,
                                          copyPlan: copyPlan)
        let outcome = reader.run()
        lastRowCount = reader.lastRowCount
        lastErrorPrimary = reader.lastErrorPrimary
        lastErrorPosition = reader.lastErrorPosition
        if let verbose = reader.lastErrorVerbose { lastErrorVerbose = verbose }
        guard PQstatus(conn) == CONNECTION_BAD else { return outcome }
        var lost = String(cString: PQerrorMessage(conn))
        if case .serverError(let m, _) = outcome, !lost.contains(m) { lost = m + lost }
        return .connectionLost(messages: Self.splitMessages(lost))
    }

    /// Runs `sql` from a Swift string.
    public func execute(_ sql: String, consumer: QueryResultConsumer,
                        copyIn: (() -> [UInt8]?)? = nil,
                        copyOut: ((UnsafeBufferPointer<UInt8>) throws -> Void)? = nil) -> ExecutionOutcome {
        var s = sql
        return s.withUTF8 { execute($0, consumer: consumer, copyIn: copyIn, copyOut: copyOut) }
    }

    private func lostOrError(_ conn: OpaquePointer) -> ExecutionOutcome {
        let message = String(cString: PQerrorMessage(conn))
        if PQstatus(conn) == CONNECTION_BAD { return .connectionLost(messages: Self.splitMessages(message)) }
        return .serverError(message: message, sqlState: nil)
    }

    /// A column a statement would return (`\gdesc`).
    public struct DescribedColumn: Sendable, Equatable {
        public var name: String
        public var typeOID: UInt32
        public var typeModifier: Int32
    }

    /// The columns `sql` would return, found by preparing it as the unnamed statement
    /// without running it (psql's `\gdesc`); throws the server's error.
    public func describe(_ sql: [UInt8]) throws -> [DescribedColumn] {
        guard let conn = connection, PQstatus(conn) == CONNECTION_OK else {
            throw ConnectionError(message: "no connection to the server\n")
        }
        var text = sql
        text.append(0)
        let prepared = text.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) { PQprepare(conn, "", $0, 0, nil) }
        }
        defer { PQclear(prepared) }
        guard PQresultStatus(prepared) == PGRES_COMMAND_OK else {
            lastErrorPrimary = PQresultErrorField(prepared, Int32(UInt8(ascii: "M"))).map { String(cString: $0) }
            lastDescribeSQLState = PQresultErrorField(prepared, Int32(UInt8(ascii: "C"))).map { String(cString: $0) }
            if let verbose = Self.verboseMessage(prepared) { lastErrorVerbose = verbose }
            throw ConnectionError(message: String(cString: PQerrorMessage(conn)))
        }
        let described = PQdescribePrepared(conn, "")
        defer { PQclear(described) }
        guard PQresultStatus(described) == PGRES_COMMAND_OK else {
            throw ConnectionError(message: String(cString: PQerrorMessage(conn)))
        }
        return (0..<PQnfields(described)).map { i in
            DescribedColumn(name: String(cString: PQfname(described, i)), typeOID: PQftype(described, i),
                            typeModifier: PQfmod(described, i))
        }
    }

    /// Runs a small query and returns its rows as strings (for metadata and commands;
    /// not for user results, which stream).
    public func query(_ sql: String) throws -> (columns: [String], rows: [[String?]]) {
        let collector = RowCollector()
        switch execute(sql, consumer: collector) {
        case .success: return (collector.columns, collector.rows)
        case .serverError(let m, _): throw ConnectionError(message: m)
        case .connectionLost(let m): throw ConnectionError(message: m.joined())
        case .outputError(let m, _): throw ConnectionError(message: m)
        }
    }

    /// Splits libpq's accumulated error text into messages: each unindented line
    /// starts one (psql prints each with its own file:line prefix).
    static func splitMessages(_ text: String) -> [String] {
        var messages: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if let first = line.first, first == "\t" || first == " ", !messages.isEmpty {
                messages[messages.count - 1] += line + "\n"
            } else {
                messages.append(line + "\n")
            }
        }
        return messages
    }

    // MARK: Notices

    private func installNoticeReceiver() {
        guard let connection else { return }
        let context = Unmanaged.passUnretained(self).toOpaque()
        PQsetNoticeReceiver(connection, { arg, result in
            guard let arg, let result, let msg = PQresultErrorMessage(result) else { return }
            let session = Unmanaged<PGSession>.fromOpaque(arg).takeUnretainedValue()
            session.onNotice?(String(cString: msg))
        }, context)
    }
}

/// Collects a small result as strings.
public final class RowCollector: QueryResultConsumer {
    public var columns: [String] = []
    public var columnInfo: [ColumnInfo] = []
    public var rows: [[String?]] = []
    public var tags: [String] = []
    public init() {}
    public var batchSize: Int { 256 }
    public func resultStarted(columns: [ColumnInfo]) throws {
        self.columnInfo = columns
        self.columns = columns.map(\.name)
        rows = []
    }
    public func rows(_ batch: RowBatch) throws {
        for r in 0..<batch.rowCount {
            rows.append((0..<batch.columnCount).map { batch[r, $0].string })
        }
    }
    public func resultFinished(rowCount: Int, commandTag: String) throws { tags.append(commandTag) }
    public func commandCompleted(tag: String) throws { tags.append(tag) }
    public func copyOutCompleted(tag: String) throws { tags.append(tag) }
}
