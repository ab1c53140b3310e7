import PsqluiCore
import PsqluiPluginAPI

/// `:connect` (`:c`, `\c`, `\connect`) `[DBNAME|CONNINFO|URI [USER [HOST [PORT]]]]`:
/// reconnect as psql's `\connect` does. A plain database name (or `-`, or nothing)
/// reuses the current connection's host, port, user and other options and replaces
/// only what is given; a conninfo string or URI starts from libpq's defaults and
/// takes no further arguments. On failure at the prompt the previous connection is
/// kept; in a script the connection is closed and the script stops (psql's exit 2),
/// after `-c` later actions find no connection. `:connect NAME` (the colon form, one
/// word naming a `[connections.NAME]` profile) connects with the profile instead and
/// runs its `init` statements; `\c NAME` stays psql's.
struct ConnectCommand: REPLCommand {
    /// The config's profile names, offered by `:connect`'s argument completion
    /// beside the databases (set at start-up).
    nonisolated(unsafe) static var profileNames: [String] = []

    let about = CommandDescription(name: "connect", aliases: ["c", "\\c", "\\connect"],
                                   summary: "connect to another database (name, conninfo or URI)",
                                   usage: ":connect [DBNAME|CONNINFO|URI [USER [HOST [PORT]]]]",
                                   group: "Session", completion: .databases)
    let grammar = ArgumentGrammar.psql

    func run(_ call: CommandCall, in env: CommandEnvironment) -> StepResult {
        let evaluator = env.evaluator
        let session = evaluator.session
        // psql reads these words as identifiers without case folding: double quotes
        // are removed (`\c "dbname=x"`), `""` inside them is one quote.
        func given(_ i: Int) -> String? {
            guard call.words.count > i else { return nil }
            let word = call.words[i]
            guard word != "-" else { return nil }
            return word.contains("\"") ? Self.dequoted(word) : word
        }
        let dbname = given(0), user = given(1), host = given(2), port = given(3)
        let old = session.isConnected ? (host: session.host, port: session.port, user: session.userName) : nil
        var profile: ConnectionProfile?
        if call.form != .backslash, call.words.count == 1, let name = dbname, let p = evaluator.connectionProfiles[name] { profile = p }
        var settings = ConnectionSettings()
        settings.neverPrompt = session.settings.neverPrompt
        if let profile {
            settings = profile.settings()
            settings.neverPrompt = session.settings.neverPrompt
            // The command line's --ssh-tunnel holds unless the profile names its own.
            settings.hookSettings = evaluator.commandLineHookSettings.merging(settings.hookSettings) { _, profile in profile }
        } else if let dbname, ConnectionSettings.isConnectionString(dbname) {
            guard user == nil, host == nil, port == nil else {
                evaluator.reportError("Do not give user, host, or port separately when using a connection string")
                return .failed
            }
            settings.dbname = dbname
        } else if session.isConnected {
            var options = session.connectionOptions()
            for key in ["host", "hostaddr", "port", "user", "password", "dbname", "fallback_application_name"] { options[key] = nil }
            // A new host drops the old address with it.
            if host == nil, let addr = session.connectionOptions()["hostaddr"] { options["hostaddr"] = addr }
            settings.options = options
            // Through a connection hook's route (an SSH tunnel) the connection's own
            // host and port are the route's: carry over what the settings named, so
            // the new connection is routed the same way.
            if let routed = session.reroutedFrom {
                settings.host = host ?? routed.host
                settings.port = port ?? routed.port
            } else {
                settings.host = host ?? session.host
                settings.port = port ?? session.port
            }
            settings.user = user ?? session.userName
            settings.dbname = dbname ?? session.databaseName
            // psql keeps the password while user, host and port stay the same.
            if user.map({ $0 == session.userName }) ?? true, host.map({ $0 == session.host }) ?? true,
               port.map({ $0 == session.port }) ?? true {
                settings.password = session.password ?? session.settings.password
            }
        } else {
            settings = session.settings
            if let dbname { settings.dbname = dbname }
            if let user { settings.user = user }
            if let host { settings.host = host }
            if let port { settings.port = port }
        }
        if profile == nil { settings.hookSettings = session.settings.hookSettings }
        do {
            try session.reconnect(with: settings)
        } catch {
            evaluator.reportError("\\connect: \(error)")
            if env.processor.origin == .interactive {
                evaluator.report("Previous connection kept", prefix: "")
                return .failed
            }
            // psql closes the old connection outside the prompt: a script stops with
            // status 2, a later -c finds no connection.
            session.close()
            evaluator.notConnected = true
            return env.processor.origin.isScript ? .connectionLost : .failed
        }
        evaluator.notConnected = false
        if let profile { for line in profile.runInit(on: session) { evaluator.reportError(line) } }
        evaluator.syncConnectionVariables()
        let now = (host: session.host, port: session.port, user: session.userName)
        let db = session.databaseName
        if let profile { evaluator.promptProfile = profile }
        else if old.map({ $0.host != now.host || $0.port != now.port }) ?? true { evaluator.promptProfile = nil }
        if let old, old.host == now.host, old.port == now.port {
            return env.confirm("You are now connected to database \"\(db)\" as user \"\(now.user)\".")
        }
        if now.host.hasPrefix("/") {
            return env.confirm("You are now connected to database \"\(db)\" as user \"\(now.user)\" via socket in \"\(now.host)\" at port \"\(now.port)\".")
        }
        return env.confirm("You are now connected to database \"\(db)\" as user \"\(now.user)\" on host \"\(now.host)\" at port \"\(now.port)\".")
    }

    /// The word without its double quotes (`""` inside them is one quote); with
    /// `foldingCase`, letters outside quotes fold to lower case (psql's SQL-identifier
    /// arguments, `\password`'s user).
    static func dequoted(_ word: String, foldingCase: Bool = false) -> String {
        var out = "", quoted = false
        var chars = Array(word)[...]
        while let c = chars.popFirst() {
            if c == "\"" {
                if quoted, chars.first == "\"" { out.append("\""); chars.removeFirst() } else { quoted.toggle() }
            } else {
                out.append(quoted || !foldingCase ? c : Character(c.lowercased()))
            }
        }
        return out
    }
}
