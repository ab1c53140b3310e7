@testable import PsqluiCore

/// Runs `input` (lines split on `\n`) through a splitter and renders what it found:
/// `S:sql` for a statement, `M:name|args` for a meta-command (`|<preceding>` when it
/// carried SQL), then `END:sql` / `OPEN:kind@line` for what `finish()` returned.
func splitRendered(_ input: String, standardStrings: Bool = true, variables: [String: String]? = nil) -> [String] {
    var splitter = StatementSplitter(standardConformingStrings: standardStrings)
    let lookup: VariableLookup? = variables.map { vars in { vars[$0] } }
    var out: [String] = []
    var source = ByteLineSource(input)
    var lineNumber = 0
    while let items = source.withNextLine({ line -> [SplitterItem] in
        lineNumber += 1
        return splitter.feed(line: line, lineNumber: lineNumber, variables: lookup)
    }) {
        out += items.map(render)
    }
    switch splitter.finish() {
    case .nothing: break
    case .statement(let s): out.append("END:" + s.text)
    case .unterminated(let u): out.append("OPEN:\(u.kind)@\(u.line)")
    }
    return out
}

func render(_ item: SplitterItem) -> String {
    switch item {
    case .statement(let s): return "S:" + s.text
    case .metaCommand(let m):
        var text = "M:\(m.name)|" + String(decoding: m.arguments, as: UTF8.self)
        if let pre = m.precedingSQL { text += "|<" + String(decoding: pre, as: UTF8.self) }
        return text
    }
}

/// Continuation state after feeding `input` line by line.
func continuationAfter(_ input: String) -> ContinuationState {
    var splitter = StatementSplitter()
    for (n, line) in Array(input.utf8).split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
        _ = splitter.feed(line: Array(line), lineNumber: n + 1)
    }
    return splitter.continuation
}
