import Foundation
import PsqluiCore

/// psql's script meta-commands beyond the basic set in `BackslashCommands`:
/// `\if`/`\elif`/`\else`/`\endif`, `\gset`, `\g`/`\gx` and `\o` with files and
/// `|command` pipes, `\copy`, `\watch`, `\e`, `\!` — and their colon forms
/// (`:watch`, `:edit`, `:!`, `:copy`).
final class ScriptCommands {
    let evaluator: Evaluator

    init(evaluator: Evaluator) {
        self.evaluator = evaluator
    }

    /// Backslash commands handled here (before `BackslashCommands`).
    static let backslashNames: Set<String> = [
        "if", "elif", "else", "endif", "gset", "g", "gx", "o", "out", "!", "copy", "watch", "e", "edit",
    ]

    /// Colon commands handled here.
    static let colonNames: Set<String> = ["watch", "edit", "e", "!", "copy", "gset"]

    // MARK: Dispatch

    func runBackslash(_ call: MetaCommandCall, processor: InputProcessor) -> StepResult {
        let args = MetaCommandArguments.split(call.arguments, variables: { [v = evaluator.variables] in v[$0] })
        switch call.name {
        case "if", "elif", "else", "endif":
            return conditional(call, processor: processor)
        case "gset":
            return gset(sql: call.precedingSQL, prefix: args.first ?? "", processor: processor)
        case "g", "gx":
            return go(sql: call.precedingSQL, expanded: call.name == "gx",
                      target: OutputRedirection.target(from: call.arguments, variables: evaluator.variables), processor: processor)
        case "o", "out":
            return setOutput(OutputRedirection.target(from: call.arguments, variables: evaluator.variables))
        case "!":
            return shell(MetaCommandArguments.restOfLine(call.arguments))
        case "copy":
            return copy(MetaCommandArguments.restOfLine(call.arguments, stripTrailingSemicolons: true), processor: processor)
        case "watch":
            return watch(sql: call.precedingSQL, interval: args.first, processor: processor)
        case "e", "edit":
            return edit(file: args.first, processor: processor)
        default:
            evaluator.reportError("invalid command \\\(call.name)")
            return .failed
        }
    }

    func runColon(name: String, arguments: String, processor: InputProcessor) -> StepResult {
        let args = MetaCommandArguments.split(Array(arguments.utf8), variables: { [v = evaluator.variables] in v[$0] })
        let pending = processor.pendingSQL.contains { !$0.isWhitespaceByte } ? processor.pendingSQL : nil
        switch name {
        case "watch":
            processor.consumePending()
            return watch(sql: pending, interval: args.first, processor: processor)
        case "edit", "e":
            return edit(file: args.first, processor: processor)
        case "!":
            return shell(arguments)
        case "copy":
            return copy(arguments.trimmingTrailingSemicolons, processor: processor)
        case "gset":
            processor.consumePending()
            return gset(sql: pending, prefix: args.first ?? "", processor: processor)
        default:
            evaluator.reportError("unknown command :\(name)")
            return .failed
        }
    }

    // MARK: \if

    private func conditional(_ call: MetaCommandCall, processor: InputProcessor) -> StepResult {
        let label = "\\\(call.name) expression"
        let message = processor.conditions.apply(call.name, condition: {
            let words = MetaCommandArguments.split(call.arguments, variables: { [v = evaluator.variables] in v[$0] })
            let expression = words.joined(separator: " ")
            guard let value = VariableStore.parseBool(expression) else {
                evaluator.reportError("unrecognized value \"\(expression)\" for \"\(label)\": Boolean expected")
                return nil
            }
            return value
        }, splitter: &processor.splitter)
        if let message {
            evaluator.reportError(message)
            return .failed
        }
        return .ok
    }

    // MARK: \g, \gx, \gset

    private func statementToRun(_ preceding: [UInt8]?, command: String) -> [UInt8]? {
        if let preceding, preceding.contains(where: { !$0.isWhitespaceByte }) { return preceding }
        if let previous = evaluator.previousStatement { return previous }
        evaluator.reportError("\\\(command): no query buffer")
        return nil
    }

    private func go(sql: [UInt8]?, expanded: Bool, target: String?, processor: InputProcessor) -> StepResult {
        guard let sql = statementToRun(sql, command: expanded ? "gx" : "g") else { return .failed }
        let saved = evaluator.printSettings
        if expanded { evaluator.printSettings.expanded = .on }
        defer { evaluator.printSettings = saved }
        guard let target else {
            return processor.runUserStatement(sql, prefix: evaluator.messagePrefix)
        }
        let opened: OutputRedirection.Opened
        do { opened = try OutputRedirection.open(target) } catch {
            evaluator.reportError("\(error)")
            return .failed
        }
        let previousOutput = evaluator.queryOutput
        evaluator.queryOutput = opened.writer
        let result = processor.runUserStatement(sql, prefix: evaluator.messagePrefix)
        evaluator.queryOutput = previousOutput
        opened.close()
        // A pipe reader that stopped early is not our reader going away.
        return result == .brokenPipe && opened.child != nil ? .ok : result
    }

    private func gset(sql: [UInt8]?, prefix: String, processor: InputProcessor) -> StepResult {
        guard let sql = statementToRun(sql, command: "gset") else { return .failed }
        let collector = GsetCollector()
        let result = evaluator.runStatement(sql, prefix: evaluator.messagePrefix, copyIn: processor.copyInSource, consumer: collector)
        guard result == .ok else { return result }
        if let problem = collector.problem {
            evaluator.reportError(problem)
            return .failed
        }
        guard let row = collector.firstRow else { return .ok }
        for (name, value) in zip(collector.columns, row) {
            let variable = prefix + name
            guard VariableName.isValid(variable) else {
                evaluator.reportError("invalid variable name: \"\(variable)\"")
                return .failed
            }
            if let value { evaluator.variables[variable] = value } else { evaluator.variables.unset(variable) }
        }
        return .ok
    }

    // MARK: \o

    private func setOutput(_ target: String?) -> StepResult {
        if let current = OutputRedirection.persistent {
            current.close()
            OutputRedirection.persistent = nil
        } else if evaluator.queryOutput !== evaluator.stdout {
            try? evaluator.queryOutput.flush()
            close(evaluator.queryOutput.fileDescriptor)
        }
        evaluator.queryOutput = evaluator.stdout
        guard let target else { return .ok }
        do {
            let opened = try OutputRedirection.open(target)
            OutputRedirection.persistent = opened
            evaluator.queryOutput = opened.writer
            return .ok
        } catch {
            evaluator.reportError("\(error)")
            return .failed
        }
    }

    // MARK: \!

    private func shell(_ command: String) -> StepResult {
        try? evaluator.queryOutput.flush()
        try? evaluator.stdout.flush()
        let trimmed = command.trimmingCharacters(in: .whitespaces)
        let line = trimmed.isEmpty ? (ProcessInfo.processInfo.environment["SHELL"] ?? "/bin/sh") : trimmed
        do {
            let status = try ShellCommand.run(line)
            return status == 0 ? .ok : .failed
        } catch {
            evaluator.reportError("\(error)")
            return .failed
        }
    }

    // MARK: \copy

    private func copy(_ arguments: String, processor: InputProcessor) -> StepResult {
        let request: ClientCopyRequest
        switch ClientCopyRequest.parse(arguments) {
        case .success(let r): request = r
        case .failure(let problem):
            evaluator.reportError("\\copy: \(problem.message)")
            return .failed
        }
        return ClientCopyRunner(evaluator: evaluator, copyInSource: processor.copyInSource).run(request)
    }

    // MARK: \watch

    private func watch(sql: [UInt8]?, interval: String?, processor: InputProcessor) -> StepResult {
        guard let sql = statementToRun(sql, command: "watch") else { return .failed }
        var seconds = 2.0
        if let interval {
            guard let value = Double(interval), value > 0 else {
                evaluator.reportError("\\watch: incorrect interval value \"\(interval)\"")
                return .failed
            }
            seconds = value
        }
        SignalState.install()
        SignalState.interrupted = 0
        defer { SignalState.interrupted = 0 }
        while true {
            let title = Self.watchTitle(seconds: seconds)
            try? evaluator.queryOutput.write(title + "\n\n")
            let result = processor.runUserStatement(sql, prefix: evaluator.messagePrefix)
            // Ctrl-C during the query cancels it and ends the watch quietly.
            if SignalState.interrupted != 0 { return .ok }
            if result != .ok { return result }
            // Sleep in small steps so Ctrl-C ends the watch at once.
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if SignalState.interrupted != 0 {
                    // As psql: the prompt starts on its own line after the echoed ^C.
                    try? evaluator.stdout.write("\n")
                    try? evaluator.stdout.flush()
                    return .ok
                }
                usleep(50_000)
            }
        }
    }

    /// psql's `\watch` title: the local time (`%c`) and the interval.
    static func watchTitle(seconds: Double) -> String {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        var buffer = [CChar](repeating: 0, count: 128)
        let n = strftime(&buffer, buffer.count, "%c", &parts)
        let date = String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let every = seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
        return "\(date) (every \(every)s)"
    }

    // MARK: \e

    private func edit(file: String?, processor: InputProcessor) -> StepResult {
        let env = ProcessInfo.processInfo.environment
        let editor = env["PSQLUI_EDITOR"] ?? env["PSQL_EDITOR"] ?? env["EDITOR"] ?? env["VISUAL"] ?? "vi"
        let path: String
        var temporary = false
        if let file {
            path = (file as NSString).expandingTildeInPath
        } else {
            path = NSTemporaryDirectory() + "psqlui-edit-\(getpid()).sql"
            let pending = processor.pendingSQL.contains { !$0.isWhitespaceByte } ? processor.pendingSQL : (evaluator.previousStatement ?? [])
            guard FileManager.default.createFile(atPath: path, contents: Data(pending + [0x0a])) else {
                evaluator.reportError("could not write \(path)")
                return .failed
            }
            temporary = true
        }
        defer { if temporary { unlink(path) } }
        let status = (try? ShellCommand.run("\(editor) '\(path.replacingOccurrences(of: "'", with: "'\\''"))'")) ?? -1
        guard status == 0, let edited = FileManager.default.contents(atPath: path) else {
            evaluator.reportError("the editor exited with status \(status); nothing was run")
            return .failed
        }
        processor.consumePending()
        var lines = Array(edited).split(separator: 0x0a, omittingEmptySubsequences: false).map(Array.init)
        if lines.last?.isEmpty == true { lines.removeLast() }
        var worst = StepResult.ok
        for (index, line) in lines.enumerated() {
            let result = processor.process(line: line, lineNumber: index + 1)
            if result == .failed { worst = .failed } else if result != .ok { return result }
        }
        return worst
    }
}

extension UInt8 {
    var isWhitespaceByte: Bool { self == 0x20 || self == 0x09 || self == 0x0a || self == 0x0d || self == 0x0c }
}

extension String {
    var trimmingTrailingSemicolons: String {
        var s = trimmingCharacters(in: .whitespaces)
        while s.hasSuffix(";") { s.removeLast() }
        return s
    }
}
