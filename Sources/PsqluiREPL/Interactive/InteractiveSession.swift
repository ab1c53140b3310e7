import FoundationEssentials
import PsqluiCore

/// The read-eval-print loop at a terminal: libedit, the psql-style prompt,
/// history, Ctrl-C (clears the line or cancels the query), Ctrl-D (quits).
final class InteractiveSession {
    let evaluator: Evaluator
    let quiet: Bool
    let editor = LineEditor()
    let history: HistoryStore

    init(evaluator: Evaluator, quiet: Bool, history: HistoryStore = HistoryStore()) {
        self.evaluator = evaluator
        self.quiet = quiet
        self.history = history
    }

    func run() -> Int32 {
        history.load()
        if !quiet {
            try? evaluator.stdout.write("psqlui \(PsqluiCoreInfo.version) (server \(serverVersionText)). Type :help for help.\n\n")
            try? evaluator.stdout.flush()
        }
        let processor = InputProcessor(evaluator: evaluator, origin: .interactive, copyInSource: nil)
        processor.copyInSource = { [editor] in
            switch editor.read(prompt: ">> ") {
            case .line(let l): return l
            case .interrupted, .endOfInput: return nil
            }
        }
        let completion = InteractiveCompletion(evaluator: evaluator, processor: processor, history: history.entries())
        var entry: [String] = []
        var lineNumber = 0
        while true {
            completion.noticeConnection()
            let session = evaluator.session
            let prompt = InteractivePrompt.render(evaluator: evaluator, processor: processor)
            switch editor.read(prompt: prompt) {
            case .endOfInput:
                try? evaluator.stdout.write("\n")
                try? evaluator.stdout.flush()
                return ExitCode.success
            case .interrupted:
                processor.resetBuffer()
                entry.removeAll()
                try? evaluator.stdout.write("\n")
                try? evaluator.stdout.flush()
            case .line(let line):
                lineNumber += 1
                entry.append(String(decoding: line, as: UTF8.self))
                let result = processor.process(line: line, lineNumber: lineNumber)
                if processor.continuation == .none {
                    history.add(entry.joined(separator: "\n"))
                    completion.usage.record(entry.joined(separator: "\n"))
                    entry.removeAll()
                }
                if result == .quit { return ExitCode.success }
            }
        }
    }

    private var serverVersionText: String {
        let v = evaluator.session.serverVersion
        return "\(v / 10000).\(v % 100)"
    }
}
