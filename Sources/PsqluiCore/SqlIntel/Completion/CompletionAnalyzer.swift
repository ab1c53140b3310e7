/// Decides what fits at the cursor — a pure function of the text, with no
/// catalog access: `(text before the cursor, whole buffer) → CompletionContext`.
///
/// Steps: find the word being completed (and its qualifier), the statement and
/// the parenthesized group the cursor is in; read the scope of the innermost
/// query (FROM items, CTEs, subquery columns); then apply the declarative
/// rules in `CompletionRules` to the tokens before the word.
public enum CompletionAnalyzer {
    /// Analyzes `fullText` with the cursor after `textBeforeCursor` (which
    /// should be a prefix of `fullText`; if not, only `textBeforeCursor` is used).
    public static func suggest(textBeforeCursor: String, fullText: String) -> CompletionContext {
        let before = Array(textBeforeCursor.utf8)
        var bytes = Array(fullText.utf8)
        if !bytes.starts(with: before) { bytes = before }
        return suggest(bytes: bytes, cursor: before.count)
    }

    /// Analyzes UTF-8 `bytes` with the cursor at byte offset `cursor` (clamped).
    public static func suggest(bytes: [UInt8], cursor rawCursor: Int) -> CompletionContext {
        let cursor = max(0, min(rawCursor, bytes.count))
        var analysis = Analysis(bytes: bytes, cursor: cursor)
        analysis.run()
        return analysis.context
    }
}

/// One run of the analysis; internal state kept in one place so that the
/// steps stay small functions.
struct Analysis {
    let bytes: [UInt8]
    let cursor: Int
    var context = CompletionContext()

    init(bytes: [UInt8], cursor: Int) {
        self.bytes = bytes
        self.cursor = cursor
    }

    mutating func run() {
        setWord(start: cursor)
        let all = SqlTokenizer.tokenize(bytes)
        if let inside = stringOrCommentAtCursor(all) {
            // A quoted argument of a command on this line (`:run 'my fi`, `\i 'my fi`).
            if inside.kind == .string && (analyzeCommandLine() || analyzeBackslashLine(all, before: inside)) { return }
            if !analyzeDollarQuotedBody(inside, all) { analyzeStringLiteral(inside) }
            return
        }
        if !analyzeCommandLine() {
            analyzeSQL(SqlTokenStream(bytes: bytes, tokens: all.filter { $0.kind != .comment }))
        }
        context.lowercaseKeywords = prefersLowercase(all)
    }

    // MARK: Word and offsets

    mutating func setWord(start: Int) {
        context.word = String(decoding: bytes[start..<cursor], as: UTF8.self)
        context.wordStartUTF8 = start
        context.wordStart = String(decoding: bytes[0..<start], as: UTF8.self).count
        context.isQuoted = bytes[start..<cursor].first == UInt8(ascii: "\"")
    }

    /// A backslash command earlier on the cursor's line: complete its argument.
    mutating func analyzeBackslashLine(_ all: [SqlToken], before t: SqlToken) -> Bool {
        guard let b = all.last(where: { $0.kind == .backslashCommand && $0.end <= t.start }),
              !bytes[b.start..<cursor].contains(UInt8(ascii: "\n")) else { return false }
        analyzeCommandArguments(commandStart: b.start)
        return true
    }

    /// The string or comment token the cursor is inside, if any.
    func stringOrCommentAtCursor(_ all: [SqlToken]) -> SqlToken? {
        for t in all where t.start < cursor {
            guard t.kind == .string || t.kind == .comment else { continue }
            let isLineComment = t.kind == .comment && bytes[t.start] == UInt8(ascii: "-")
            if cursor < t.end || (cursor == t.end && (t.isUnterminated || isLineComment)) { return t }
        }
        return nil
    }

    /// Inside `$tag$…$tag$` (a function body, a DO block): the body completes as
    /// SQL on its own, its offsets shifted back into the whole text.
    mutating func analyzeDollarQuotedBody(_ t: SqlToken, _ all: [SqlToken]) -> Bool {
        guard t.kind == .string, bytes[t.start] == UInt8(ascii: "$") else { return false }
        // Only a routine's body or a DO block is SQL; other dollar-quoted strings are text.
        let before = all.prefix { $0.end <= t.start }
        let statement = before[((before.lastIndex { $0.kind == .semicolon } ?? -1) + 1)...]
        let words = Set(statement.filter { $0.kind == .word }.map { SqlTokenStream.asciiLowercased(bytes[$0.start..<$0.end]) })
        guard !words.isDisjoint(with: ["function", "procedure", "do"]) else { return false }
        var tagEnd = t.start + 1
        while tagEnd < t.end && bytes[tagEnd] != UInt8(ascii: "$") { tagEnd += 1 }
        let quoteEnd = min(tagEnd + 1, t.end)
        guard cursor >= quoteEnd else { return true }
        let bodyEnd = t.isUnterminated ? t.end : max(quoteEnd, t.end - (quoteEnd - t.start))
        // In a PL/pgSQL block the SQL statement starts after `BEGIN`, `THEN`, `LOOP`, … too.
        let whole = Array(bytes[quoteEnd..<max(bodyEnd, cursor)])
        let bodyStart = quoteEnd + Self.blockStatementStart(whole, cursor: cursor - quoteEnd)
        var body = Analysis(bytes: Array(bytes[bodyStart..<max(bodyEnd, cursor)]), cursor: cursor - bodyStart)
        body.run()
        context = body.context
        context.wordStartUTF8 += bodyStart
        context.wordStart = String(decoding: bytes[0..<context.wordStartUTF8], as: UTF8.self).count
        return true
    }

    /// Where the SQL statement at `cursor` starts in a routine body: after the last `;`,
    /// or after the PL/pgSQL words that open a statement list (`BEGIN`, `DECLARE`,
    /// `LOOP`, `ELSE`, and `THEN` of an `IF`/`ELSIF`/`WHEN`/`CASE`/`EXCEPTION` line).
    /// A plain SQL body has none of them: its statement starts after the last `;`.
    static func blockStatementStart(_ body: [UInt8], cursor: Int) -> Int {
        let tokens = SqlTokenizer.tokenize(body).filter { $0.kind != .comment && $0.start < cursor }
        var start = 0
        var first: String?
        for t in tokens {
            if t.kind == .semicolon { start = t.end; first = nil; continue }
            guard t.kind == .word, t.end <= cursor else { first = first ?? ""; continue }
            let word = SqlTokenStream.asciiLowercased(body[t.start..<t.end])
            let opensList: Bool
            switch word {
            case "loop": opensList = true
            case "begin", "declare", "else": opensList = first == nil
            case "then": opensList = ["if", "elsif", "elseif", "when", "case", "exception"].contains(first ?? "")
            default: opensList = false
            }
            if opensList { start = t.end; first = nil } else if first == nil { first = word }
        }
        return start
    }

    /// Inside a `'…` literal where the rules want one (`COPY t FROM '…`, an enum
    /// label, a setting's value): the literal itself is the word.
    mutating func analyzeStringLiteral(_ t: SqlToken) {
        guard t.kind == .string, bytes[t.start] == UInt8(ascii: "'") else { return }
        var head = Analysis(bytes: Array(bytes[0..<t.start]), cursor: t.start)
        head.run()
        let literals = head.context.suggestions.filter {
            switch $0 {
            case .quotedFile, .enumLabel, .settingValue, .lookup(.timeZone), .lookup(.extensionVersion): return true
            default: return false
            }
        }
        guard !literals.isEmpty else { return }
        context = head.context
        setWord(start: t.start)
        context.suggestions = literals
    }

    /// Keywords in lower case when the word typed is lower case, or (with no word
    /// yet) when the last keyword-looking word before the cursor was.
    func prefersLowercase(_ all: [SqlToken]) -> Bool {
        let word = bytes[context.wordStartUTF8..<cursor]
        if word.contains(where: { $0 >= 0x61 && $0 <= 0x7A }) { return !word.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) }
        if word.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) { return false }
        for t in all.reversed() where t.kind == .word && t.end <= cursor {
            let text = bytes[t.start..<t.end]
            let lower = SqlTokenStream.asciiLowercased(text)
            if Analysis.caseHints.contains(lower) { return !text.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) }
        }
        return false
    }

    static let caseHints: Set<String> = [
        "select", "from", "where", "join", "on", "and", "or", "insert", "into", "update", "set", "delete", "create",
        "alter", "drop", "table", "group", "order", "by", "with", "as", "values", "left", "inner", "limit", "grant",
    ]

    // MARK: Colon-command lines and backslash commands

    /// A line that starts with `:` is a colon command: complete its name, then its arguments.
    mutating func analyzeCommandLine() -> Bool {
        var lineStart = cursor
        while lineStart > 0 && bytes[lineStart - 1] != UInt8(ascii: "\n") { lineStart -= 1 }
        var p = lineStart
        while p < cursor && (bytes[p] == 0x20 || bytes[p] == 0x09) { p += 1 }
        guard p < cursor, bytes[p] == UInt8(ascii: ":") else { return false }
        // `::type`, `:=`, `:'var'`, `:"var"`, `:{?var}` are not commands; command names
        // may start with punctuation (`:!`, `:?`).
        if p + 1 < cursor && Self.notACommandName.contains(bytes[p + 1]) { return false }
        analyzeCommandArguments(commandStart: p)
        return true
    }

    /// Bytes after a line's leading `:` that make it SQL or a variable, not a command.
    static let notACommandName: Set<UInt8> = [UInt8(ascii: ":"), UInt8(ascii: "="), UInt8(ascii: "'"), UInt8(ascii: "\""),
                                               UInt8(ascii: "{"), UInt8(ascii: "("), 0x20, 0x09]

    /// Splits `bytes[commandStart..<cursor]` at white space outside quotes: the
    /// first piece names the command, the last one is the word being completed.
    mutating func analyzeCommandArguments(commandStart: Int) {
        var pieces: [Range<Int>] = []
        var i = commandStart
        var open = false
        while i < cursor {
            while i < cursor && SqlTokenizer.isSpace(bytes[i]) { i += 1 }
            let s = i
            var quote: UInt8?
            while i < cursor && (quote != nil || !SqlTokenizer.isSpace(bytes[i])) {
                let b = bytes[i]
                if let q = quote { if b == q { quote = nil } } else if b == UInt8(ascii: "'") || b == UInt8(ascii: "\"") { quote = b }
                i += 1
            }
            open = quote != nil
            if s < i { pieces.append(s..<i) }
        }
        let endsInSpace = !open && cursor > commandStart && SqlTokenizer.isSpace(bytes[cursor - 1])
        if pieces.count <= 1 && !endsInSpace {
            setWord(start: commandStart)
            context.suggestions = [.command]
            return
        }
        let command = String(decoding: bytes[pieces[0]], as: UTF8.self)
        var wordStart = endsInSpace ? cursor : pieces.last!.lowerBound
        let argumentIndex = endsInSpace ? pieces.count - 1 : pieces.count - 2
        let previous = argumentIndex >= 1 ? String(decoding: bytes[pieces[argumentIndex]], as: UTF8.self) : ""
        var redirect = previous == ">" || previous == ">>"
        if wordStart < cursor && bytes[wordStart] == UInt8(ascii: ">") {
            redirect = true
            while wordStart < cursor && bytes[wordStart] == UInt8(ascii: ">") { wordStart += 1 }
        }
        setWord(start: wordStart)
        var argumentsStart = pieces[0].upperBound
        while argumentsStart < cursor && SqlTokenizer.isSpace(bytes[argumentsStart]) { argumentsStart += 1 }
        context.commandArguments = String(decoding: bytes[min(argumentsStart, cursor)..<cursor], as: UTF8.self)
        // psql interpolates `:name` in a backslash command's arguments: the word is a variable.
        let isVariable = command.hasPrefix("\\") && wordStart + 1 <= cursor && bytes[wordStart] == UInt8(ascii: ":")
            && !(wordStart + 1 < cursor && bytes[wordStart + 1] == UInt8(ascii: ":"))
        context.suggestions = redirect ? [.file] : isVariable ? [.variable] : [.commandArgument(command: command, index: argumentIndex)]
    }

    // MARK: SQL

    mutating func analyzeSQL(_ stream: SqlTokenStream) {
        let tokens = stream.tokens
        // The statement around the cursor.
        var stmtStart = 0
        var stmtEnd = tokens.count
        for (i, t) in tokens.enumerated() where t.kind == .semicolon {
            if t.end <= cursor { stmtStart = i + 1 } else if t.start >= cursor { stmtEnd = i; break }
        }
        // A backslash command on the cursor's line ends the SQL before it.
        if let b = tokens[stmtStart..<stmtEnd].lastIndex(where: { $0.kind == .backslashCommand && $0.start < cursor }),
           !bytes[tokens[b].start..<cursor].contains(UInt8(ascii: "\n")) {
            analyzeCommandArguments(commandStart: tokens[b].start)
            return
        }
        if unquotedCopyFile(stream, stmtStart: stmtStart) { return }
        // The word being completed.
        var isStar = false
        var wordIndex = tokens[stmtStart..<stmtEnd].firstIndex(where: { $0.end >= cursor }) ?? stmtEnd
        if wordIndex < stmtEnd {
            let t = tokens[wordIndex]
            if t.start < cursor {
                switch t.kind {
                case .word, .quotedIdentifier:
                    setWord(start: t.start)
                case .variable:
                    setWord(start: t.start)
                    context.suggestions = [.variable]
                    return
                case .operator where t.end == cursor && bytes[cursor - 1] == UInt8(ascii: ":") && t.end - t.start == 1:
                    setWord(start: cursor - 1)
                    context.suggestions = [.variable]
                    return
                case .operator where t.end == cursor && t.end - t.start == 1 && bytes[t.start] == UInt8(ascii: "*"):
                    isStar = true  // `*` or `alias.*`: the word is the star itself
                case .number, .parameter, .string, .other, .backslashCommand, .comment:
                    return
                default:
                    wordIndex += 1 // punctuation ending at the cursor: the word is empty, after it
                }
            }
        }
        // Its qualifier: `a.` or `a.b.` right before it.
        var firstOfWord = wordIndex
        var qualifier: [String] = []
        while firstOfWord - 2 >= stmtStart, tokens[firstOfWord - 1].kind == .dot, stream.isName(firstOfWord - 2) {
            qualifier.insert(stream.identifier(firstOfWord - 2), at: 0)
            firstOfWord -= 2
        }
        context.qualifier = qualifier

        // Enclosing groups, outermost first.
        var enclosing: [Int] = []
        for i in stmtStart..<firstOfWord {
            if tokens[i].kind == .openParen { enclosing.append(i) } else if tokens[i].kind == .closeParen { _ = enclosing.popLast() }
        }
        let parser = scopeFor(stream, stmtStart: stmtStart, stmtEnd: stmtEnd, enclosing: enclosing, firstOfWord: firstOfWord)
        if isStar {
            if qualifier.isEmpty, let open = enclosing.last, open == wordIndex - 1 {
                expandInsertStar(stream, open: open, stmtStart: stmtStart, enclosing: enclosing, star: wordIndex)
            } else {
                expandStar(stream, qualifier: qualifier, firstOfWord: firstOfWord, star: wordIndex)
            }
            return
        }
        var suggestions = rules(stream, parser: parser, stmtStart: stmtStart, enclosing: enclosing, firstOfWord: firstOfWord)
        if !qualifier.isEmpty { suggestions = qualify(suggestions, with: qualifier) }
        context.suggestions = dedupe(suggestions)
    }

    /// `COPY t FROM data/fi|`: an unquoted path after COPY's FROM or TO is the word
    /// (it is several tokens), completed as a quoted file name, as psql does.
    mutating func unquotedCopyFile(_ stream: SqlTokenStream, stmtStart: Int) -> Bool {
        var pieceStart = cursor
        while pieceStart > 0 && !SqlTokenizer.isSpace(bytes[pieceStart - 1]) { pieceStart -= 1 }
        let piece = bytes[pieceStart..<cursor]
        let isPlainWord = piece.allSatisfy { b in
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == UInt8(ascii: "_") || b >= 0x80
        }
        guard !piece.isEmpty, !isPlainWord, piece.first != UInt8(ascii: "'"), piece.first != UInt8(ascii: "\"") else { return false }
        let tokens = stream.tokens
        let first = tokens[stmtStart...].firstIndex(where: { $0.start >= pieceStart }) ?? tokens.count
        let symbols = RuleMatcher.stripPrefixes(RuleMatcher.symbols(stream, items: stream.level(from: stmtStart, to: first),
                                                                    parser: ScopeParser(stream: stream, ctes: [])))
        let heads: [[String]] = [["^", "copy", "*", "from"], ["^", "copy", "*", "()", "from"], ["^", "copy", "*", "to"], ["^", "copy", "*", "()", "to"]]
        guard heads.contains(where: { RuleMatcher.match($0, symbols) != nil }) else { return false }
        setWord(start: pieceStart)
        context.suggestions = [.quotedFile]
        return true
    }

    // MARK: Scope

    /// Reads CTEs and references of every enclosing query; fills `context.scope`,
    /// `outerScope`, `ctes` and `refsBeforeWord`.
    mutating func scopeFor(_ stream: SqlTokenStream, stmtStart: Int, stmtEnd: Int, enclosing: [Int], firstOfWord: Int) -> ScopeParser {
        var parser = ScopeParser(stream: stream, ctes: [])
        let queryBlocks: [(from: Int, to: Int)] = [(stmtStart, stmtEnd)] + enclosing.compactMap { open in
            ScopeParser.queryStarts.contains(stream.keyword(open + 1))
                ? (open + 1, min(stream.closeOf[open] ?? stmtEnd, stmtEnd)) : nil
        }
        var outer: [TableReference] = []
        for (n, block) in queryBlocks.enumerated() {
            let items = stream.level(from: block.from, to: block.to)
            let (ctes, mainStart) = parser.parseWith(items)
            parser.ctes += ctes
            let position = items.firstIndex(where: { $0 >= firstOfWord }) ?? items.count
            let core = parser.coreRange(items, from: min(mainStart, items.count), containing: position)
            let refs = parser.references(items, in: core)
            if n == queryBlocks.count - 1 {
                context.scope = refs
                let upper = max(core.lowerBound, min(position, core.upperBound))
                refsBeforeWord = parser.references(items, in: core.lowerBound..<upper)
            } else {
                outer = refs + outer
            }
        }
        context.outerScope = outer
        context.ctes = parser.ctes
        // `select max(| from t`: an unclosed call swallows the rest of the statement; read FROM inside it.
        if context.scope.isEmpty, let open = enclosing.last, (stream.closeOf[open] ?? stream.tokens.count) >= stream.tokens.count,
           !ScopeParser.queryStarts.contains(stream.keyword(open + 1)) {
            let items = stream.level(from: open + 1, to: stmtEnd)
            context.scope = parser.references(items, in: 0..<items.count)
            refsBeforeWord = []
        }
        return parser
    }

    var refsBeforeWord: [TableReference] = []

    /// `SELECT *|` or `SELECT o.*|`: the column list that replaces the star
    /// (qualified when it comes from an alias or from several references).
    mutating func expandStar(_ stream: SqlTokenStream, qualifier: [String], firstOfWord: Int, star: Int) {
        let previous = firstOfWord > 0 ? stream.symbol(firstOfWord - 1) : ""
        guard ["select", "distinct", "all", ",", "returning"].contains(previous) else { return }
        setWord(start: stream.tokens[firstOfWord].start)
        var tables = context.scope
        if let q = qualifier.last {
            tables = context.scope.filter { $0.qualifier == q }
            if tables.isEmpty { tables = context.scope.filter { $0.name == q } }
        }
        guard !tables.isEmpty else { return }
        context.suggestions = [.columnExpansion(tables: tables, qualified: !qualifier.isEmpty || tables.count > 1)]
    }

    /// `INSERT INTO t (*|`: the columns to give values for, in place of the star.
    mutating func expandInsertStar(_ stream: SqlTokenStream, open: Int, stmtStart: Int, enclosing: [Int], star: Int) {
        let parentStart = enclosing.count >= 2 ? enclosing[enclosing.count - 2] + 1 : stmtStart
        let parent = RuleMatcher.stripPrefixes(RuleMatcher.symbols(stream, items: stream.level(from: parentStart, to: open),
                                                                   parser: ScopeParser(stream: stream, ctes: [])))
        guard let target = RuleMatcher.match(["^", "insert", "into", "*"], parent) ?? RuleMatcher.match(["^", "insert", "into", "*", "as", "*"], parent),
              let ref = target.flatMap(reference) else { return }
        setWord(start: stream.tokens[star].start)
        context.suggestions = [.insertColumns(table: resolveCTE(ref))]
    }

    // MARK: Rules

    mutating func rules(_ stream: SqlTokenStream, parser: ScopeParser, stmtStart: Int, enclosing: [Int], firstOfWord: Int) -> [CompletionSuggestion] {
        let group = enclosing.last
        let levelStart = group.map { $0 + 1 } ?? stmtStart
        let items = stream.level(from: levelStart, to: firstOfWord)
        let symbols = RuleMatcher.symbols(stream, items: items, parser: parser)
        if let group, !ScopeParser.queryStarts.contains(stream.keyword(group + 1)) {
            let parentStart = enclosing.count >= 2 ? enclosing[enclosing.count - 2] + 1 : stmtStart
            let parent = RuleMatcher.symbols(stream, items: stream.level(from: parentStart, to: group), parser: parser)
            return parenRules(inner: symbols, parent: parent)
        }
        return clauseRules(symbols)
    }

    /// Fills in a rule's templates. `target` is what its first `*` matched,
    /// `symbols` the items it matched against, `scope` the references columns
    /// come from (all of the query's; an ON clause sees only those before it).
    func expand(_ templates: [SuggestionTemplate], target: RuleMatcher.Symbol?, symbols: [RuleMatcher.Symbol] = [],
                scope scopeOverride: [TableReference]? = nil) -> [CompletionSuggestion] {
        let scope = scopeOverride ?? context.scope
        var out: [CompletionSuggestion] = []
        for t in templates {
            switch t {
            case .fixed(let s): out.append(s)
            case .keywords(let k): out.append(.keyword(k))
            case .columnsInScope:
                if !scope.isEmpty { out.append(.column(tables: scope)) }
            case .aliasesInScope:
                if !scope.isEmpty { out.append(.alias(scope)) }
            case .objectsOfTarget(let kind):
                if let ref = target.flatMap(reference) { out.append(.catalogObject(kind, table: ref)) }
            case .tablesOfTarget(let kind):
                if let name = target?.parts?.last { out.append(.tableOf(kind, named: name)) }
            case .enumLabelsOfTarget:
                if let ref = target.flatMap(reference) { out.append(.enumLabel(type: ref)) }
            case .settingValuesOfTarget:
                if symbols.count >= 2, let name = symbols[symbols.count - 2].parts?.last { out.append(.settingValue(name: name)) }
            case .extensionVersionsOfTarget:
                if let name = target?.parts?.last { out.append(.lookup(.extensionVersion(extension: name))) }
            case .domainConstraintsOfTarget:
                if let ref = target.flatMap(reference), let name = ref.name {
                    out.append(.lookup(.domainConstraint(schema: ref.schema, domain: name)))
                }
            case .targetColumns:
                if let target, let parts = target.parts {
                    let schema = parts.count >= 2 ? parts[parts.count - 2] : nil
                    let ref = TableReference(schema: schema, name: parts.last)
                    out.append(.column(tables: [resolveCTE(ref)]))
                }
            case .joinsFromScope:
                if !refsBeforeWord.isEmpty { out.append(.join(scope: refsBeforeWord)) }
            case .joinConditions:
                if refsBeforeWord.count >= 2 {
                    out.append(.joinCondition(right: refsBeforeWord.last!, left: Array(refsBeforeWord.dropLast())))
                }
            }
        }
        return out
    }

    /// A (possibly schema-qualified) name matched by a rule, as a reference.
    func reference(_ symbol: RuleMatcher.Symbol) -> TableReference? {
        guard let parts = symbol.parts, let name = parts.last else { return nil }
        return TableReference(schema: parts.count >= 2 ? parts[parts.count - 2] : nil, name: name)
    }

    func resolveCTE(_ ref: TableReference) -> TableReference {
        guard ref.schema == nil, let name = ref.name, let cte = context.ctes.last(where: { $0.name == name }) else { return ref }
        return TableReference(name: name, source: .cte, columns: cte.columns)
    }

    static let expression: [SuggestionTemplate] = [.columnsInScope, .aliasesInScope, CompletionRules.function]
    /// In a join condition: the aliases first.
    static let qualifiedExpression: [SuggestionTemplate] = [.aliasesInScope, .columnsInScope, CompletionRules.function]

    /// Rules at query level: tail rules, else the clause the word is in.
    func clauseRules(_ all: [RuleMatcher.Symbol]) -> [CompletionSuggestion] {
        let symbols = RuleMatcher.stripPrefixes(all)
        if let (rule, target) = RuleMatcher.firstMatch(CompletionRules.tailRules, symbols) {
            return expand(rule.offers, target: target, symbols: symbols)
        }
        guard let k = RuleMatcher.lastClause(symbols) else {
            return symbols.isEmpty ? [.keyword(CompletionRules.statementStarts)] : [.keyword([])]
        }
        let clause = symbols[k].text
        let after = Array(symbols[(k + 1)...])
        let expects = RuleMatcher.expectsOperand(after)
        let R = CompletionRules.self
        var t: [SuggestionTemplate]
        switch clause {
        case "select":
            t = expects ? Analysis.expression + [.keywords((after.isEmpty ? ["DISTINCT"] + R.expressionKeywords : R.expressionKeywords) + [R.everyOtherKeyword])]
                : [.keywords(R.afterSelectItem)]
        case "from":
            t = after.isEmpty || after.last?.text == "," ? [R.relation, R.schema, R.tableFunction] : [.keywords(R.afterFromItem)]
        case "join":
            t = after.isEmpty ? [.joinsFromScope, R.relation, R.schema, R.tableFunction] : [.keywords(R.afterJoinItem)]
        case "on":
            // Only the relations before the cursor are in scope of an ON clause.
            // Several tables are in scope: aliases (to qualify with) before bare columns.
            t = after.isEmpty ? [.joinConditions] + Analysis.qualifiedExpression
                : expects ? Analysis.qualifiedExpression : [.keywords(R.afterJoinCondition)]
            return expand(t, target: nil, scope: refsBeforeWord)
        case "using":
            t = symbols.first?.text == "delete" ? [R.relation, R.schema] : [.keywords(["("])]
        case "where", "having", "when":
            t = expects ? Analysis.expression + [.keywords(R.expressionKeywords + [R.everyOtherKeyword])] : [.keywords(R.afterCondition)]
        case "by":
            let head = k > 0 ? symbols[k - 1].text : ""
            if expects { t = Analysis.expression } else {
                t = [.keywords(head == "group" ? R.afterGroupBy : head == "order" ? R.afterOrderBy : [])]
            }
        case "set":
            if let target = RuleMatcher.updateTarget(symbols) {
                if after.isEmpty || after.last?.text == "," {
                    t = [.targetColumns]
                    return expand(t, target: target)
                }
                t = expects ? Analysis.expression + [.keywords(["DEFAULT"] + R.expressionKeywords)] : [.keywords(R.afterSetItem)]
            } else {
                t = [.keywords(R.setTargets)]
            }
        case "values":
            t = expects ? [R.function, .keywords(["DEFAULT", "NULL"])] : [.keywords(R.afterValues)]
        case "returning":
            t = Analysis.expression
        default:
            t = []
        }
        return expand(t, target: nil)
    }

    /// Rules inside a parenthesized group that is not a query: column lists,
    /// table definitions, USING, OVER, CAST, subquery starts, function arguments.
    func parenRules(inner: [RuleMatcher.Symbol], parent all: [RuleMatcher.Symbol]) -> [CompletionSuggestion] {
        let parent = RuleMatcher.stripPrefixes(all)
        let atItemStart = inner.isEmpty || inner.last?.text == ","
        let columnListOwners: [[String]] = [
            ["^", "insert", "into", "*"], ["^", "insert", "into", "*", "as", "*"], ["references", "*"],
            ["^", "copy", "*"], ["^", "create", "…", "index", "…", "on", "*", "using", "*"],
            ["^", "create", "…", "index", "…", "on", "*"], ["^", "analyze", "*"], ["^", "vacuum", "*"],
        ]
        // `ANALYZE (`, `VACUUM (`, `EXPLAIN (`: their options.
        if parent.count == 1, atItemStart {
            switch parent[0].text {
            case "analyze": return [.keyword(CompletionRules.analyzeOptions)]
            case "vacuum": return [.keyword(CompletionRules.vacuumOptions)]
            case "explain": return [.keyword(CompletionRules.explainOptions)]
            default: break
            }
        }
        for pattern in columnListOwners {
            if let target = RuleMatcher.match(pattern, parent) {
                return atItemStart ? expand([.targetColumns], target: target) : []
            }
        }
        if RuleMatcher.match(["^", "create", "…", "table", "*"], parent) != nil {
            if let (rule, target) = RuleMatcher.firstMatch(CompletionRules.tailRules, inner) { return expand(rule.offers, target: target, symbols: inner) }
            if atItemStart { return [.keyword(CompletionRules.tableElementStarts)] }
            let itemLength = inner.count - 1 - (inner.lastIndex(where: { $0.text == "," }) ?? -1)
            return itemLength == 1 ? [.datatype(schema: nil)] : [.keyword(CompletionRules.columnConstraints)]
        }
        if RuleMatcher.match(["^", "create", "…", "function", "*"], parent) != nil
            || RuleMatcher.match(["^", "create", "…", "procedure", "*"], parent) != nil {
            // `[mode] [name] type [DEFAULT …]` per parameter.
            let item = Array(inner[((inner.lastIndex(where: { $0.text == "," }) ?? -1) + 1)...]).filter { !["in", "out", "inout", "variadic"].contains($0.text) }
            if atItemStart { return [.keyword(["IN", "OUT", "INOUT", "VARIADIC"])] }
            if item.isEmpty || item.count == 1 { return [.datatype(schema: nil)] }
            return [.keyword(["DEFAULT"])]
        }
        let last = parent.last?.text ?? ""
        if last == "using" {
            guard atItemStart, let right = refsBeforeWord.last else { return [] }
            return [.usingColumn(left: Array(refsBeforeWord.dropLast()), right: right)]
        }
        if last == "over" {
            if let k = RuleMatcher.lastClause(inner), inner[k].text == "by" { return expand(Analysis.expression, target: nil) }
            return [.keyword(["PARTITION BY", "ORDER BY"])]
        }
        if last == "cast" && inner.last?.text == "as" { return [.datatype(schema: nil)] }
        if inner.isEmpty && ["from", "join", "lateral", "as", "exists", "in", "union", "all"].contains(last) {
            let starts: [CompletionSuggestion] = [.keyword(CompletionRules.subqueryStarts)]
            return last == "in" ? expand(Analysis.expression, target: nil) + starts : starts
        }
        if last == "," && inner.isEmpty, RuleMatcher.lastClause(parent).map({ parent[$0].text == "from" }) == true {
            return [.keyword(CompletionRules.subqueryStarts)]
        }
        if let (rule, target) = RuleMatcher.firstMatch(CompletionRules.innerTailRules, inner) {
            return expand(rule.offers, target: target, symbols: inner)
        }
        if RuleMatcher.expectsOperand(inner) {
            let keywords = (inner.isEmpty ? ["DISTINCT"] : []) + CompletionRules.expressionKeywords + [CompletionRules.everyOtherKeyword]
            return expand(Analysis.expression, target: nil) + [.keyword(keywords)]
        }
        return [.keyword(["AND", "OR", "IS", "NOT", "IN", "LIKE", "BETWEEN", "AS"])]
    }

    // MARK: Qualified words

    /// Narrows suggestions to what can follow `qualifier.`: columns of the
    /// reference it names, or objects in the schema it names.
    func qualify(_ suggestions: [CompletionSuggestion], with qualifier: [String]) -> [CompletionSuggestion] {
        let q = qualifier.last!
        let schema = qualifier.count >= 2 ? qualifier[qualifier.count - 2] : nil
        var out: [CompletionSuggestion] = []
        var wantedColumns = false
        for s in suggestions {
            switch s {
            case .relation(nil): out.append(.relation(schema: q))
            case .function(nil): out.append(.function(schema: q))
            case .tableFunction(nil): out.append(.tableFunction(schema: q))
            case .datatype(nil): out.append(.datatype(schema: q))
            case .tableOf(let kind, let name, nil): out.append(.tableOf(kind, named: name, schema: q))
            case .relationOfKind: out.append(.relation(schema: q))
            case .column, .alias, .joinCondition, .usingColumn:
                if case .column = s { wantedColumns = true }
                if case .alias = s { wantedColumns = true }
            default: break
            }
        }
        if wantedColumns {
            let matching = (context.scope + context.outerScope).filter { ref in
                if let schema { return ref.alias == nil && ref.name == q && ref.schema == schema }
                return ref.qualifier == q || (ref.alias != nil && ref.name == q && ref.schema == nil && false)
            }
            var result: [CompletionSuggestion] = []
            if let first = matching.first {
                result.append(.column(tables: [first]))
            } else if qualifier.count == 1 {
                // Not an alias: maybe a table name used as a qualifier, or a schema.
                if let ref = (context.scope + context.outerScope).first(where: { $0.name == q }) {
                    result.append(.column(tables: [ref]))
                }
                result.append(.function(schema: q))
            }
            out = result + out.filter { if case .function = $0 { return result.isEmpty } else { return true } }
        }
        return out
    }

    func dedupe(_ suggestions: [CompletionSuggestion]) -> [CompletionSuggestion] {
        var seen = Set<CompletionSuggestion>()
        return suggestions.filter { seen.insert($0).inserted }
    }
}
