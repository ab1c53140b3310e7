import Foundation
import PsqluiCore
import PsqluiPluginAPI

/// psql's session and display meta-commands (`\set`, `\i`, `\pset`, …) and their colon forms, run against
/// the evaluator. (The plugin registry's commands are dispatched here too once
/// registered; see `isColonCommand`.)
final class BackslashCommands {
    let evaluator: Evaluator
    /// Depth of nested `\i` calls, to stop runaway recursion.
    static var includeDepth = 0

    init(evaluator: Evaluator) {
        self.evaluator = evaluator
    }

    private static let colonNames: Set<String> = [
        "q", "quit", "set", "unset", "echo", "conninfo", "timing", "expanded", "x", "null", "run", "i", "pager", "history", "connect", "c",
        "export", "format",
    ]

    func isColonCommand(_ name: String) -> Bool {
        Self.colonNames.contains(name) || evaluator.plugins?.isCommand(name) == true
    }

    /// Runs a registry command (a plugin's or `:plugins`) and waits for it: the REPL
    /// thread is not on the cooperative pool, so blocking it here is safe, and the
    /// command's queries run on their own threads (SessionQueryService).
    private func runRegistryCommand(_ registry: PluginRegistry, name: String, arguments: String) -> StepResult {
        let context = REPLCommandContext(evaluator: evaluator, queryBuffer: "")
        let invocation = CommandInvocation(name: name, arguments: arguments.trimmingCharacters(in: .whitespacesAndNewlines))
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var outcome = CommandOutcome.failed
        Task.detached {
            outcome = await registry.runCommand(invocation, context: context)
            done.signal()
        }
        done.wait()
        try? evaluator.queryOutput.flush()
        if context.brokenPipe { return .brokenPipe }
        return outcome == .succeeded ? .ok : .failed
    }

    // MARK: Dispatch

    func runColon(name: String, arguments: String, processor: InputProcessor) -> StepResult {
        let args = MetaCommandArguments.split(Array(arguments.utf8), variables: { [v = evaluator.variables] in v[$0] })
        switch name {
        case "q", "quit": return .quit
        case "set": return set(args, refuseCommandNames: true)
        case "unset": return unset(args)
        case "echo": return echo(arguments)
        case "conninfo": return conninfo()
        case "timing": return timing(args)
        case "expanded", "x": return applyPset("expanded", args.first)
        case "null":
            evaluator.printSettings.nullString = arguments
            return .ok
        case "run", "i": return include(args, relativeTo: nil)
        case "pager": return pager(arguments)
        case "history": return history(args.first)
        case "connect", "c": return connect(args)
        case "export": return ExportCommands(evaluator: evaluator).export(arguments: arguments, processor: processor)
        case "format": return ExportCommands(evaluator: evaluator).format(arguments: arguments)
        default:
            if let registry = evaluator.plugins, registry.isCommand(name) {
                return runRegistryCommand(registry, name: name, arguments: arguments)
            }
            evaluator.reportError("unknown command :\(name)")
            return .failed
        }
    }

    func runBackslash(_ call: MetaCommandCall, processor: InputProcessor) -> StepResult {
        let lookup: VariableLookup = { [v = evaluator.variables] in v[$0] }
        let args = MetaCommandArguments.split(call.arguments, variables: lookup)
        switch call.name {
        case "q", "quit": return .quit
        case "echo": return echo(MetaCommandArguments.restOfLine(call.arguments), words: args)
        case "set": return set(args, refuseCommandNames: false)
        case "unset": return unset(args)
        case "x": return applyPset("expanded", args.first)
        case "a": return applyPset("format", evaluator.printSettings.format == .unaligned ? "aligned" : "unaligned")
        case "t": return applyPset("tuples_only", args.first)
        case "C": return applyPset("title", args.first)
        case "T": return applyPset("tableattr", args.first)
        case "H": return applyPset("format", evaluator.printSettings.format == .html ? "aligned" : "html")
        case "f":
            guard let sep = args.first else {
                return applyPset("fieldsep", nil)
            }
            return applyPset("fieldsep", sep)
        case "pset": return pset(args)
        case "timing": return timing(args)
        case "conninfo": return conninfo()
        case "i", "include": return include(args, relativeTo: nil)
        case "ir", "include_relative":
            var base: String? = nil
            if case .file(let path) = processor.origin { base = (path as NSString).deletingLastPathComponent }
            return include(args, relativeTo: base)
        case "s": return history(nil)
        case "c", "connect": return connect(args)
        default:
            // psql's catalog and help forms (`\d`, `\dt+`, `\?`) are aliases of registry commands.
            if let registry = evaluator.plugins, registry.isCommand("\\" + call.name) {
                return runRegistryCommand(registry, name: "\\" + call.name, arguments: MetaCommandArguments.restOfLine(call.arguments))
            }
            evaluator.reportError("invalid command \\\(call.name)\nTry \\? for help.")
            return .failed
        }
    }

    // MARK: Commands

    /// `:set` refuses a name that is also a command (DESIGN); psql's `\set` does not.
    private func set(_ args: [String], refuseCommandNames: Bool = false) -> StepResult {
        guard let name = args.first else {
            for (n, v) in evaluator.variables.all { try? evaluator.stdout.write("\(n) = '\(v)'\n") }
            try? evaluator.stdout.flush()
            return .ok
        }
        if !VariableName.isValid(name) {
            evaluator.reportError("invalid variable name: \"\(name)\"")
            return .failed
        }
        if refuseCommandNames && isColonCommand(name) {
            evaluator.reportError("cannot set variable \"\(name)\": it is also a command name")
            return .failed
        }
        evaluator.variables[name] = args.dropFirst().joined()
        return .ok
    }

    private func unset(_ args: [String]) -> StepResult {
        guard let name = args.first else {
            evaluator.reportError("\\unset: missing required argument")
            return .failed
        }
        evaluator.variables.unset(name)
        return .ok
    }

    private func echo(_ rest: String, words: [String]? = nil) -> StepResult {
        let text = words?.joined(separator: " ") ?? rest
        do {
            try evaluator.stdout.write(text + "\n")
            try evaluator.stdout.flush()
        } catch OutputWriteError.brokenPipe { return .brokenPipe } catch { return .failed }
        return .ok
    }

    private func conninfo() -> StepResult {
        let s = evaluator.session
        let location = s.host.hasPrefix("/") ? "via socket in \"\(s.host)\"" : "on host \"\(s.host)\""
        try? evaluator.stdout.write("You are connected to database \"\(s.databaseName)\" as user \"\(s.userName)\" \(location) at port \"\(s.port)\".\n")
        try? evaluator.stdout.flush()
        return .ok
    }

    /// `:history [N]` (`\s`): the statement history as a pane.
    private func history(_ count: String?) -> StepResult {
        let env = ProcessInfo.processInfo.environment
        let state = env["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (env["HOME"] ?? NSHomeDirectory()) + "/.local/state"
        let text = (try? String(contentsOfFile: state + "/psqlui/history", encoding: .utf8)) ?? ""
        let limit = count.flatMap { Int($0) }
        if count != nil && limit == nil {
            evaluator.reportError("usage: :history [N]")
            return .failed
        }
        evaluator.showLines(HistoryFile.paneLines(entries: HistoryFile.entries(in: text), limit: limit))
        return .ok
    }

    /// `:pager [on|off|CMD]`: page automatically, never, or through CMD.
    private func pager(_ argument: String) -> StepResult {
        switch argument.lowercased() {
        case "", "on", "auto": evaluator.pager = .automatic
        case "off": evaluator.pager = .off
        default: evaluator.pager = .command(argument)
        }
        let text: String
        switch evaluator.pager {
        case .automatic: text = "Pager is used for long or wide output."
        case .off: text = "Pager usage is off."
        case .command(let c): text = "Pager is \(c)."
        }
        try? evaluator.stdout.write(text + "\n")
        try? evaluator.stdout.flush()
        return .ok
    }

    private func timing(_ args: [String]) -> StepResult {
        evaluator.timing = args.first.flatMap(VariableStore.parseBool) ?? !evaluator.timing
        if !evaluator.interactive && false { return .ok }
        try? evaluator.stdout.write("Timing is \(evaluator.timing ? "on" : "off").\n")
        try? evaluator.stdout.flush()
        return .ok
    }

    /// `\pset [NAME [VALUE]]`: the listing, or one option through the settings model.
    private func pset(_ args: [String]) -> StepResult {
        guard let option = args.first else {
            try? evaluator.stdout.write(evaluator.printSettings.psetListing())
            try? evaluator.stdout.flush()
            return .ok
        }
        return applyPset(option, args.count > 1 ? args[1] : nil)
    }

    /// Applies one `\pset` option (also `\x`, `\a`, `\t`, `\C`, `\T`, `\H`, `\f`) and
    /// prints psql's confirmation unless QUIET.
    private func applyPset(_ name: String, _ value: String?) -> StepResult {
        do {
            let line = try evaluator.printSettings.applyPset(name, value)
            if let line, !evaluator.variables.bool("QUIET"), evaluator.printSettings.showCommandTags {  // -q is quiet too
                try? evaluator.stdout.write(line + "\n")
                try? evaluator.stdout.flush()
            }
            return .ok
        } catch let error as PrintSettings.PsetError {
            evaluator.reportError(error.description)
            return .failed
        } catch {
            evaluator.reportError("\\pset: \(error)")
            return .failed
        }
    }

    private func include(_ args: [String], relativeTo base: String?) -> StepResult {
        guard var path = args.first else {
            evaluator.reportError("\\i: missing required argument")
            return .failed
        }
        if let base, !path.hasPrefix("/") { path = base + "/" + path }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            evaluator.reportError("\(path): \(String(cString: strerror(errno)))")
            return .failed
        }
        defer { close(fd) }
        guard Self.includeDepth < 16 else {
            evaluator.reportError("\\i: files nested too deeply")
            return .failed
        }
        Self.includeDepth += 1
        defer { Self.includeDepth -= 1 }
        let source = ScriptInput(fileDescriptor: fd)
        let outcome = ScriptRunner(evaluator: evaluator).run(source: source, origin: .file(path: path))
        switch outcome {
        case .completed: return .ok
        case .stoppedOnError, .unreadable: return .failed
        case .connectionLost: return .connectionLost
        case .brokenPipe: return .brokenPipe
        case .quit: return .quit
        }
    }

    private func connect(_ args: [String]) -> StepResult {
        var settings = evaluator.session.settings
        if let db = args.first, db != "-" {
            settings.dbname = db
            settings.password = ConnectionSettings.isConnectionString(db) ? nil : settings.password
        }
        if args.count > 1, args[1] != "-" { settings.user = args[1] }
        if args.count > 2, args[2] != "-" { settings.host = args[2] }
        if args.count > 3, args[3] != "-" { settings.port = args[3] }
        do {
            try evaluator.session.reconnect(with: settings)
            try? evaluator.stdout.write("You are now connected to database \"\(evaluator.session.databaseName)\" as user \"\(evaluator.session.userName)\".\n")
            try? evaluator.stdout.flush()
            return .ok
        } catch {
            evaluator.report("\(error)")
            evaluator.report("Previous connection kept", prefix: "")
            return .failed
        }
    }
}
