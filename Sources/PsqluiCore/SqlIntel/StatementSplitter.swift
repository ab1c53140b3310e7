/// Splits psql input into statements and backslash commands, one line at a time,
/// deciding boundaries exactly as psql 15's lexer (psqlscan.l) and main loop do, so
/// the bytes sent to the server are the bytes psql would send.
///
/// Rules (each checked against live psql 15 with `log_statement = all`):
/// - `;` ends a statement outside `'…'` (with `''`), `E'…'` (backslash escapes), plain
///   strings when `standardConformingStrings` is off, `B'…'`/`X'…'`/`U&'…'`, `"…"`
///   and `U&"…"` (with `""`), `$$…$$`/`$tag$…$tag$` (`$1` is a parameter), `--`
///   comments, nested `/* */` comments, parentheses, and the `BEGIN … END` body of
///   `CREATE [OR REPLACE] FUNCTION|PROCEDURE … BEGIN ATOMIC`.
/// - Whitespace and `--` comments before a statement's first token are dropped; later
///   ones are kept; `/* */` comments are always kept. Lines are joined with `\n`;
///   empty lines are skipped unless inside a quote or comment; `\r` is kept.
/// - `\;` puts a `;` into the statement without ending it; `\:` puts a `:`.
/// - `:name` is replaced by the variable's value and the value is lexed as input
///   (psql does this: a `;` in the value DOES end the statement, and a value may open
///   a quote); `:'name'` and `:"name"` insert a quoted literal / identifier;
///   `:{?name}` becomes TRUE or FALSE; undefined variables stay as typed.
/// - A backslash outside quotes and comments starts a meta-command (see `MetaCommandCall`).
///
/// The runner must set `standardConformingStrings` from the server before each line
/// (psql reads the setting once per line). Backslashes inside a substituted value are
/// treated as a meta-command whose arguments end with the value.
public struct StatementSplitter {
    enum Mode: Equatable {
        case initial
        /// `'…'` (standard) and `U&'…'`: `''` escapes a quote.
        case standardString
        /// `E'…'`, and `'…'` with standard_conforming_strings off: backslash escapes too.
        case escapeString
        /// `B'…'` and `X'…'`: no escapes.
        case bitString
        /// `"…"` and `U&"…"`.
        case quotedIdentifier
        case dollarQuote
        case blockComment
    }

    /// A point to roll the query buffer back to (psql does this when it leaves an
    /// inactive `\if` branch).
    public struct Checkpoint: Equatable, Sendable {
        public let bufferLength: Int
        public let parenthesisDepth: Int
    }

    /// Whether plain `'…'` strings treat backslash as ordinary (the server parameter).
    public var standardConformingStrings: Bool

    private var buffer: [UInt8] = []
    private var mode: Mode = .initial
    private var dollarTag: [UInt8] = []
    private var commentDepth = 0
    private var constructLine = 0
    /// Open parentheses outside quotes in the current statement.
    public private(set) var parenthesisDepth = 0
    private var beginDepth = 0
    private var identifierCount = 0
    private var identifierInitials = SIMD4<UInt8>(repeating: 0)
    private var statementFirstLine = 0
    private var currentLine = 0
    private var addedNewlinePosition = -1
    /// Items completed but not handed over yet (a variable's value may hold several).
    private var items: [SplitterItem] = []
    private var itemsHead = 0
    private var lineInProgress: UnsafeBufferPointer<UInt8>?
    private var linePosition = 0
    private var lineVariables: VariableLookup?
    private var expandingVariables: [String] = []

    public init(standardConformingStrings: Bool = true) {
        self.standardConformingStrings = standardConformingStrings
        buffer.reserveCapacity(4096)
    }

    // MARK: - Public state

    /// Why more input is wanted, for the continuation prompt (psql's `%R`).
    public var continuation: ContinuationState {
        switch mode {
        case .standardString, .escapeString, .bitString: return .singleQuote
        case .quotedIdentifier: return .doubleQuote
        case .dollarQuote: return .dollarQuote
        case .blockComment: return .blockComment
        case .initial:
            if parenthesisDepth > 0 { return .parenthesis }
            if beginDepth > 0 || !buffer.isEmpty { return .statement }
            return .none
        }
    }

    /// True when the query buffer holds anything but whitespace.
    public var hasPendingText: Bool { buffer.contains { !SqlByteClass.isSpace($0) } }

    /// The query buffer so far.
    public var pendingText: [UInt8] { buffer }

    /// The line where the pending text began (meaningful when `pendingText` is not empty).
    public var pendingFirstLine: Int { statementFirstLine }

    /// Clears the buffer and all lexer state (Ctrl-C at the prompt, `\r`).
    /// A sending command (`\\g`) that failed before it sent the query buffer gives it
    /// back, as psql keeps its buffer when `\\g (bad=option)` fails. Only when
    /// nothing was added to the buffer since.
    public mutating func restoreQueryBuffer(_ sql: [UInt8], firstLine: Int) {
        guard buffer.isEmpty, !sql.isEmpty else { return }
        buffer = sql
        statementFirstLine = firstLine
    }

    public mutating func reset() {
        buffer.removeAll(keepingCapacity: true)
        mode = .initial
        dollarTag.removeAll()
        commentDepth = 0
        resetNesting()
        addedNewlinePosition = -1
    }

    /// The current buffer length and parenthesis depth.
    public func checkpoint() -> Checkpoint {
        Checkpoint(bufferLength: buffer.count, parenthesisDepth: parenthesisDepth)
    }

    /// Drops text added since `checkpoint` and restores its parenthesis depth.
    public mutating func rollBack(to checkpoint: Checkpoint) {
        if buffer.count > checkpoint.bufferLength { buffer.removeSubrange(checkpoint.bufferLength...) }
        parenthesisDepth = checkpoint.parenthesisDepth
    }

    // MARK: - Feeding

    /// Feeds one input line without its trailing `\n`; returns the items it completed.
    /// (For short input; a runner uses `begin(line:…)` and `nextItem()`, which hand
    /// over one item at a time, so a line of a million statements runs in flat memory.)
    public mutating func feed(line: UnsafeBufferPointer<UInt8>, lineNumber: Int, variables: VariableLookup? = nil) -> [SplitterItem] {
        begin(line: line, lineNumber: lineNumber, variables: variables)
        var found: [SplitterItem] = []
        while let item = nextItem() { found.append(item) }
        return found
    }

    /// Starts lexing one input line without its trailing `\n`. `line` must stay valid
    /// until `nextItem()` returns nil or `abandonLine()` is called.
    public mutating func begin(line: UnsafeBufferPointer<UInt8>, lineNumber: Int, variables: VariableLookup? = nil) {
        abandonLine()
        currentLine = lineNumber
        // psql skips empty lines unless inside a quote or comment.
        if line.isEmpty && mode == .initial { return }
        if buffer.isEmpty {
            addedNewlinePosition = -1
        } else {
            buffer.append(UInt8(ascii: "\n"))
            addedNewlinePosition = buffer.count
        }
        lineInProgress = line
        linePosition = 0
        lineVariables = variables
    }

    /// Lexes the line started with `begin` up to the next statement or meta-command and
    /// returns it; nil when the line is done (its tail stays in the buffer).
    public mutating func nextItem() -> SplitterItem? {
        while true {
            if itemsHead < items.count {
                let item = items[itemsHead]
                itemsHead += 1
                if itemsHead == items.count { items.removeAll(keepingCapacity: true); itemsHead = 0 }
                return item
            }
            guard let src = lineInProgress, linePosition < src.count else {
                abandonLine()
                return nil
            }
            linePosition = lexStep(src, at: linePosition, variables: lineVariables)
        }
    }

    /// Drops the rest of the current line (the runner stopped on an error).
    public mutating func abandonLine() {
        lineInProgress = nil
        lineVariables = nil
        items.removeAll(keepingCapacity: true)
        itemsHead = 0
    }

    /// Feeds one input line without its trailing `\n`; returns the items it completed.
    public mutating func feed(line: [UInt8], lineNumber: Int, variables: VariableLookup? = nil) -> [SplitterItem] {
        line.withUnsafeBufferPointer { feed(line: $0, lineNumber: lineNumber, variables: variables) }
    }

    /// Ends the input: returns the unfinished statement psql would send, or the open
    /// construct, and resets the splitter.
    public mutating func finish() -> SplitterEnd {
        defer { reset() }
        let pending = SplitStatement(sql: buffer, firstLine: statementFirstLine, lastLine: currentLine)
        let kind: UnterminatedConstruct.Kind
        switch mode {
        case .initial: return buffer.isEmpty ? .nothing : .statement(pending)
        case .standardString, .escapeString, .bitString: kind = .singleQuote
        case .quotedIdentifier: kind = .doubleQuote
        case .dollarQuote: kind = .dollarQuote
        case .blockComment: kind = .blockComment
        }
        return .unterminated(UnterminatedConstruct(kind: kind, line: constructLine, pending: pending))
    }

    // MARK: - Lexing

    /// Lexes all of `src` (a variable's value).
    private mutating func lex(_ src: UnsafeBufferPointer<UInt8>, variables: VariableLookup?) {
        var i = 0
        while i < src.count { i = lexStep(src, at: i, variables: variables) }
    }

    /// Lexes one token or quoted run at `i`; returns the index after it.
    private mutating func lexStep(_ src: UnsafeBufferPointer<UInt8>, at i: Int, variables: VariableLookup?) -> Int {
        switch mode {
        case .initial: return lexToken(src, at: i, variables: variables)
        case .standardString: return scanQuoted(src, from: i, quote: UInt8(ascii: "'"), backslashEscapes: false)
        case .escapeString: return scanQuoted(src, from: i, quote: UInt8(ascii: "'"), backslashEscapes: true)
        case .quotedIdentifier: return scanQuoted(src, from: i, quote: UInt8(ascii: "\""), backslashEscapes: false)
        case .bitString: return scanBitString(src, from: i)
        case .dollarQuote: return scanDollarQuote(src, from: i)
        case .blockComment: return scanBlockComment(src, from: i)
        }
    }

    @inline(__always)
    private mutating func emit(_ src: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) {
        guard to > from else { return }
        if buffer.isEmpty { statementFirstLine = currentLine }
        buffer.append(contentsOf: UnsafeBufferPointer(rebasing: src[from..<to]))
    }

    private mutating func emit(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        if buffer.isEmpty { statementFirstLine = currentLine }
        buffer.append(contentsOf: bytes)
    }

    private mutating func enter(_ newMode: Mode) {
        mode = newMode
        constructLine = currentLine
    }

    /// Lexes one token in the INITIAL state; returns the index after it.
    private mutating func lexToken(_ src: UnsafeBufferPointer<UInt8>, at i: Int, variables: VariableLookup?) -> Int {
        let n = src.count
        let c = src[i]
        let next: UInt8 = i + 1 < n ? src[i + 1] : 0
        if SqlByteClass.isSpace(c) {
            var j = i + 1
            while j < n && SqlByteClass.isSpace(src[j]) { j += 1 }
            if !buffer.isEmpty { emit(src, i, j) }
            return j
        }
        switch c {
        case UInt8(ascii: "-") where next == UInt8(ascii: "-"):
            var j = i + 2
            while j < n && src[j] != 0x0A && src[j] != 0x0D { j += 1 }
            if !buffer.isEmpty { emit(src, i, j) }
            return j
        case UInt8(ascii: "/") where next == UInt8(ascii: "*"):
            commentDepth = 0
            enter(.blockComment)
            emit(src, i, i + 2)
            return i + 2
        case UInt8(ascii: "'"):
            enter(standardConformingStrings ? .standardString : .escapeString)
            emit(src, i, i + 1)
            return i + 1
        case UInt8(ascii: "\""):
            enter(.quotedIdentifier)
            emit(src, i, i + 1)
            return i + 1
        case UInt8(ascii: "$"):
            return lexDollar(src, at: i)
        case UInt8(ascii: "("):
            parenthesisDepth += 1
            emit(src, i, i + 1)
            return i + 1
        case UInt8(ascii: ")"):
            if parenthesisDepth > 0 { parenthesisDepth -= 1 }
            emit(src, i, i + 1)
            return i + 1
        case UInt8(ascii: ";"):
            emit(src, i, i + 1)
            if parenthesisDepth == 0 && beginDepth == 0 {
                identifierCount = 0
                completeStatement()
            }
            return i + 1
        case UInt8(ascii: "\\"):
            if next == UInt8(ascii: ";") || next == UInt8(ascii: ":") {
                if next == UInt8(ascii: ";") { identifierCount = 0 }
                emit(src, i + 1, i + 2)
                return i + 2
            }
            return lexMetaCommand(src, at: i, variables: variables)
        case UInt8(ascii: ":"):
            return lexColon(src, at: i, variables: variables)
        default:
            break
        }
        if SqlByteClass.isDigit(c) || (c == UInt8(ascii: ".") && SqlByteClass.isDigit(next)) {
            let j = Self.numberEnd(src, from: i)
            emit(src, i, j)
            return j
        }
        if SqlByteClass.isIdentStart(c) {
            return lexWord(src, at: i)
        }
        emit(src, i, i + 1)
        return i + 1
    }

    /// Identifiers and the prefixed quotes `E'`, `B'`, `X'`, `N'`, `U&'`, `U&"`.
    private mutating func lexWord(_ src: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let n = src.count
        let lower = src[i] | 0x20
        let next: UInt8 = i + 1 < n ? src[i + 1] : 0
        if next == UInt8(ascii: "'") {
            switch lower {
            case UInt8(ascii: "e"):
                enter(.escapeString); emit(src, i, i + 2); return i + 2
            case UInt8(ascii: "b"), UInt8(ascii: "x"):
                enter(.bitString); emit(src, i, i + 2); return i + 2
            case UInt8(ascii: "n"):
                emit(src, i, i + 1); return i + 1   // the quote is lexed next, as a plain string
            default: break
            }
        }
        if lower == UInt8(ascii: "u") && next == UInt8(ascii: "&") {
            let third: UInt8 = i + 2 < n ? src[i + 2] : 0
            if third == UInt8(ascii: "'") { enter(.standardString); emit(src, i, i + 3); return i + 3 }
            if third == UInt8(ascii: "\"") { enter(.quotedIdentifier); emit(src, i, i + 3); return i + 3 }
            emit(src, i, i + 1); return i + 1
        }
        var j = i + 1
        while j < n && SqlByteClass.isIdentCont(src[j]) { j += 1 }
        trackIdentifier(UnsafeBufferPointer(rebasing: src[i..<j]))
        emit(src, i, j)
        return j
    }

    /// `$1` parameters (with trailing junk), `$tag$` dollar-quote openers, or a lone `$`.
    private mutating func lexDollar(_ src: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let n = src.count
        var j = i + 1
        if j < n && SqlByteClass.isDigit(src[j]) {
            while j < n && SqlByteClass.isDigit(src[j]) { j += 1 }
            j = Self.junkEnd(src, from: j)
            emit(src, i, j)
            return j
        }
        if let end = Self.dollarDelimiterEnd(src, at: i) {
            dollarTag.removeAll(keepingCapacity: true)
            dollarTag.append(contentsOf: UnsafeBufferPointer(rebasing: src[i..<end]))
            enter(.dollarQuote)
            emit(src, i, end)
            return end
        }
        j = i + 1
        emit(src, i, j)
        return j
    }

    /// `:name`, `:'name'`, `:"name"`, `:{?name}`, `::`, or a plain colon.
    private mutating func lexColon(_ src: UnsafeBufferPointer<UInt8>, at i: Int, variables: VariableLookup?) -> Int {
        let n = src.count
        let j = i + 1
        guard j < n else { emit(src, i, j); return j }
        let c = src[j]
        if c == UInt8(ascii: ":") { emit(src, i, j + 1); return j + 1 }
        if SqlByteClass.isVariableChar(c) {
            var k = j
            while k < n && SqlByteClass.isVariableChar(src[k]) { k += 1 }
            let name = String(decoding: UnsafeBufferPointer(rebasing: src[j..<k]), as: UTF8.self)
            guard let variables, var value = variables(name), !expandingVariables.contains(name) else {
                emit(src, i, k)
                return k
            }
            expandingVariables.append(name)
            value.withUTF8 { lex($0, variables: variables) }
            expandingVariables.removeLast()
            return k
        }
        if c == UInt8(ascii: "'") || c == UInt8(ascii: "\"") {
            var k = j + 1
            while k < n && SqlByteClass.isVariableChar(src[k]) { k += 1 }
            guard k > j + 1, k < n, src[k] == c else { emit(src, i, j); return j }
            let name = String(decoding: UnsafeBufferPointer(rebasing: src[(j + 1)..<k]), as: UTF8.self)
            if let variables, let value = variables(name) {
                let bytes = Array(value.utf8)
                emit(c == UInt8(ascii: "'") ? VariableQuoting.literal(bytes) : VariableQuoting.identifier(bytes))
            } else {
                emit(src, i, k + 1)
            }
            return k + 1
        }
        if c == UInt8(ascii: "{") && j + 1 < n && src[j + 1] == UInt8(ascii: "?") {
            var k = j + 2
            while k < n && SqlByteClass.isVariableChar(src[k]) { k += 1 }
            guard k > j + 2, k < n, src[k] == UInt8(ascii: "}") else { emit(src, i, j); return j }
            if let variables {
                let name = String(decoding: UnsafeBufferPointer(rebasing: src[(j + 2)..<k]), as: UTF8.self)
                emit(Array((variables(name) != nil ? "TRUE" : "FALSE").utf8))
            } else {
                emit(src, i, k + 1)
            }
            return k + 1
        }
        emit(src, i, j)
        return j
    }

    /// A backslash command: name, arguments, optional `\\` separator.
    private mutating func lexMetaCommand(_ src: UnsafeBufferPointer<UInt8>, at i: Int, variables: VariableLookup?) -> Int {
        // psql drops the newline it added for this line when nothing else was added.
        if addedNewlinePosition >= 0 && buffer.count == addedNewlinePosition { buffer.removeLast() }
        addedNewlinePosition = -1
        let syntax = MetaCommandSyntax.parse(src, backslashAt: i)
        let preceding: [UInt8]? = buffer.isEmpty ? nil : buffer
        let call = MetaCommandCall(name: syntax.name,
                                   arguments: Array(UnsafeBufferPointer(rebasing: src[syntax.argumentsStart..<syntax.argumentsEnd])),
                                   line: currentLine, precedingSQL: preceding,
                                   precedingSQLFirstLine: preceding == nil ? nil : statementFirstLine)
        if MetaCommandCall.sendingCommands.contains(syntax.name) {
            buffer.removeAll(keepingCapacity: true)
            resetNesting()
        }
        items.append(.metaCommand(call))
        return syntax.end
    }

    private mutating func completeStatement() {
        // A copy of exactly its size: handing over `buffer` itself would keep its
        // whole capacity alive in every statement.
        items.append(.statement(SplitStatement(sql: Array(buffer[...]), firstLine: statementFirstLine, lastLine: currentLine)))
        buffer.removeAll(keepingCapacity: true)
        addedNewlinePosition = -1
    }

    private mutating func resetNesting() {
        parenthesisDepth = 0
        beginDepth = 0
        identifierCount = 0
    }

    /// psql's heuristic for `CREATE [OR REPLACE] FUNCTION|PROCEDURE … BEGIN ATOMIC … END`:
    /// inside such a body `;` does not end the statement.
    private mutating func trackIdentifier(_ word: UnsafeBufferPointer<UInt8>) {
        if identifierCount == 0 { identifierInitials = SIMD4(repeating: 0) }
        // Only words starting c, f, p, o, r (the header) or b, c, e (the body) can
        // match below: most identifiers are passed over on their first byte.
        let initial = word[0] | 0x20
        guard initial == UInt8(ascii: "c") || initial == UInt8(ascii: "f") || initial == UInt8(ascii: "p")
                || initial == UInt8(ascii: "o") || initial == UInt8(ascii: "r") || initial == UInt8(ascii: "b")
                || initial == UInt8(ascii: "e") else {
            identifierCount += 1
            return
        }
        if Self.equalsIgnoringCase(word, "create") || Self.equalsIgnoringCase(word, "function")
            || Self.equalsIgnoringCase(word, "procedure") || Self.equalsIgnoringCase(word, "or")
            || Self.equalsIgnoringCase(word, "replace") {
            if identifierCount < 4 { identifierInitials[identifierCount] = word[0] | 0x20 }
        }
        identifierCount += 1
        let ids = identifierInitials
        let c = UInt8(ascii: "c"), f = UInt8(ascii: "f"), p = UInt8(ascii: "p"), o = UInt8(ascii: "o"), r = UInt8(ascii: "r")
        guard ids[0] == c, ids[1] == f || ids[1] == p || (ids[1] == o && ids[2] == r && (ids[3] == f || ids[3] == p)),
              parenthesisDepth == 0 else { return }
        if Self.equalsIgnoringCase(word, "begin") {
            beginDepth += 1
        } else if Self.equalsIgnoringCase(word, "case") {
            if beginDepth >= 1 { beginDepth += 1 }
        } else if Self.equalsIgnoringCase(word, "end") {
            if beginDepth > 0 { beginDepth -= 1 }
        }
    }

    // MARK: - Inside quotes and comments

    /// `'…'`, `E'…'`, `"…"`: doubled quote continues; backslash escapes the next byte
    /// when `backslashEscapes` (a lone backslash at end of line escapes nothing: psql
    /// lexes each line on its own).
    private mutating func scanQuoted(_ src: UnsafeBufferPointer<UInt8>, from i: Int, quote: UInt8, backslashEscapes: Bool) -> Int {
        let n = src.count
        var k = i
        while k < n {
            let c = src[k]
            if c == quote {
                if k + 1 < n && src[k + 1] == quote { k += 2; continue }
                k += 1
                mode = .initial
                break
            }
            if backslashEscapes && c == UInt8(ascii: "\\") { k = min(k + 2, n); continue }
            k += 1
        }
        emit(src, i, k)
        return k
    }

    /// `B'…'`, `X'…'`: the next quote ends it (a following quote opens a new string).
    private mutating func scanBitString(_ src: UnsafeBufferPointer<UInt8>, from i: Int) -> Int {
        var k = i
        while k < src.count {
            if src[k] == UInt8(ascii: "'") { k += 1; mode = .initial; break }
            k += 1
        }
        emit(src, i, k)
        return k
    }

    private mutating func scanDollarQuote(_ src: UnsafeBufferPointer<UInt8>, from i: Int) -> Int {
        let n = src.count
        var k = i
        while k < n {
            guard src[k] == UInt8(ascii: "$") else { k += 1; continue }
            guard let end = Self.dollarDelimiterEnd(src, at: k) else {
                // `$` alone, or `$name` without a closing `$`: content.
                k += 1
                while k < n && SqlByteClass.isVariableChar(src[k]) { k += 1 }
                continue
            }
            if end - k == dollarTag.count && dollarTag.withUnsafeBufferPointer({ tag in
                (0..<tag.count).allSatisfy { tag[$0] == src[k + $0] }
            }) {
                k = end
                mode = .initial
                break
            }
            k = end - 1   // the closing `$` may open the real delimiter: `$a$…$junk$a$`
        }
        emit(src, i, k)
        return k
    }

    private mutating func scanBlockComment(_ src: UnsafeBufferPointer<UInt8>, from i: Int) -> Int {
        let n = src.count
        var k = i
        while k < n {
            let c = src[k]
            if c == UInt8(ascii: "/") && k + 1 < n && src[k + 1] == UInt8(ascii: "*") {
                commentDepth += 1
                k += 2
            } else if c == UInt8(ascii: "*") {
                var m = k + 1
                while m < n && src[m] == UInt8(ascii: "*") { m += 1 }
                if m < n && src[m] == UInt8(ascii: "/") {
                    k = m + 1
                    if commentDepth <= 0 { mode = .initial; break }
                    commentDepth -= 1
                } else {
                    k = m
                }
            } else {
                k += 1
            }
        }
        emit(src, i, k)
        return k
    }

    // MARK: - Token shapes

    /// End of a `$$` / `$tag$` delimiter starting at `i`, or nil.
    static func dollarDelimiterEnd(_ src: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        let n = src.count
        var j = i + 1
        guard j < n else { return nil }
        if src[j] == UInt8(ascii: "$") { return j + 1 }
        guard SqlByteClass.isIdentStart(src[j]) else { return nil }
        j += 1
        while j < n && SqlByteClass.isVariableChar(src[j]) { j += 1 }
        return j < n && src[j] == UInt8(ascii: "$") ? j + 1 : nil
    }

    /// End of a numeric literal at `i`, including trailing identifier junk (`1e`, `1.x`),
    /// as PostgreSQL 15's lexer takes it.
    static func numberEnd(_ src: UnsafeBufferPointer<UInt8>, from i: Int) -> Int {
        let n = src.count
        var j = i
        while j < n && SqlByteClass.isDigit(src[j]) { j += 1 }
        if j < n && src[j] == UInt8(ascii: ".") {
            if j > i && j + 1 < n && src[j + 1] == UInt8(ascii: ".") { return j }   // `1..`: integer, then `..`
            j += 1
            while j < n && SqlByteClass.isDigit(src[j]) { j += 1 }
        }
        if j < n && src[j] | 0x20 == UInt8(ascii: "e") {
            var k = j + 1
            if k < n && (src[k] == UInt8(ascii: "+") || src[k] == UInt8(ascii: "-")) {
                k += 1
                guard k < n && SqlByteClass.isDigit(src[k]) else { return k }   // realfail: `1e+`
            }
            if k < n && SqlByteClass.isDigit(src[k]) {
                while k < n && SqlByteClass.isDigit(src[k]) { k += 1 }
                j = k
            }
        }
        return junkEnd(src, from: j)
    }

    /// An identifier glued to a number or parameter is part of that token (`1abc`, `$1e`).
    static func junkEnd(_ src: UnsafeBufferPointer<UInt8>, from j: Int) -> Int {
        guard j < src.count && SqlByteClass.isIdentStart(src[j]) else { return j }
        var k = j + 1
        while k < src.count && SqlByteClass.isIdentCont(src[k]) { k += 1 }
        return k
    }

    static func equalsIgnoringCase(_ word: UnsafeBufferPointer<UInt8>, _ keyword: StaticString) -> Bool {
        guard word.count == keyword.utf8CodeUnitCount else { return false }
        let k = keyword.utf8Start
        for i in 0..<word.count where word[i] | 0x20 != k[i] { return false }
        return true
    }
}
