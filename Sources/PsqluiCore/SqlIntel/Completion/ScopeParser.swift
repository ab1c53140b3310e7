/// Finds what is in scope in one query block: CTEs of its WITH clause, the
/// references of FROM / JOIN / UPDATE / DELETE … USING, and the columns that
/// subqueries and CTEs produce. Works on level items (groups collapsed) and
/// tolerates incomplete SQL: whatever cannot be read is skipped.
struct ScopeParser {
    let stream: SqlTokenStream
    /// CTEs visible here (outer ones first).
    var ctes: [CommonTableExpression]
    /// Nesting depth of subquery analysis; bounded so that deeply nested input stays cheap.
    var depth: Int = 0
    static let maxDepth = 12

    /// Words that end a FROM item instead of being its alias.
    static let notAliases: Set<String> = [
        "where", "join", "inner", "left", "right", "full", "cross", "natural", "on", "using", "group", "order",
        "having", "limit", "offset", "union", "intersect", "except", "window", "for", "set", "returning",
        "values", "select", "from", "as", "lateral", "fetch", "with", "when", "then", "into", "and", "or", "not",
        "outer", "tablesample", "do", "conflict", "default", "overriding", "straight_join", "else", "end",
    ]
    static let setOperators: Set<String> = ["union", "intersect", "except"]
    static let queryStarts: Set<String> = ["select", "with", "values", "table"]

    /// Reads a leading `WITH [RECURSIVE] name [(cols)] AS [NOT] [MATERIALIZED] (…) , …`.
    /// Returns the CTEs and the level position where the main statement starts.
    func parseWith(_ items: [Int]) -> (ctes: [CommonTableExpression], mainStart: Int) {
        guard let first = items.first, stream.keyword(first) == "with" else { return ([], 0) }
        var found: [CommonTableExpression] = []
        var p = 1
        if p < items.count && stream.keyword(items[p]) == "recursive" { p += 1 }
        while p < items.count, stream.isName(items[p]) {
            let name = stream.identifier(items[p])
            p += 1
            var explicit: [DerivedColumn]?
            if p < items.count && stream.tokens[items[p]].kind == .openParen {
                explicit = columnNameList(group: items[p])
                p += 1
            }
            guard p < items.count, stream.keyword(items[p]) == "as" else { break }
            p += 1
            if p < items.count && stream.keyword(items[p]) == "not" { p += 1 }
            if p < items.count && stream.keyword(items[p]) == "materialized" { p += 1 }
            guard p < items.count, stream.tokens[items[p]].kind == .openParen else { break }
            var inner = self
            inner.ctes = ctes + found
            let columns = explicit ?? inner.derivedColumns(group: items[p])
            found.append(CommonTableExpression(name: name, columns: columns))
            p += 1
            guard p < items.count, stream.tokens[items[p]].kind == .comma else { break }
            p += 1
        }
        return (found, p)
    }

    /// The range of level positions of the select core (between set operators) that contains `position`.
    func coreRange(_ items: [Int], from start: Int, containing position: Int) -> Range<Int> {
        var lower = start
        var upper = items.count
        for p in start..<items.count where ScopeParser.setOperators.contains(stream.keyword(items[p])) {
            if p < position { lower = p + 1 } else { upper = p; break }
        }
        return lower..<max(lower, upper)
    }

    /// The references introduced in `items[range]`, in text order.
    func references(_ items: [Int], in range: Range<Int>) -> [TableReference] {
        var refs: [TableReference] = []
        var p = range.lowerBound
        var inFromList = false
        while p < range.upperBound {
            let word = stream.keyword(items[p])
            let previous = p > range.lowerBound ? stream.keyword(items[p - 1]) : ""
            var introduces = false
            switch word {
            case "from":
                // `a IS [NOT] DISTINCT FROM b` is an operator, not a FROM clause.
                let beforeDistinct = p > range.lowerBound + 1 ? stream.keyword(items[p - 2]) : ""
                introduces = !(previous == "distinct" && (beforeDistinct == "is" || beforeDistinct == "not"))
            case "join": introduces = true
            case "update": introduces = previous != "for" && previous != "do"
            case "using":
                introduces = p + 1 < range.upperBound && stream.tokens[items[p + 1]].kind != .openParen
            default: break
            }
            if introduces || (inFromList && stream.tokens[items[p]].kind == .comma) {
                let (newRefs, next) = reference(items, at: p + 1, limit: range.upperBound)
                refs.append(contentsOf: newRefs)
                inFromList = !newRefs.isEmpty && word != "update"
                p = max(next, p + 1)
                continue
            }
            if stream.tokens[items[p]].kind != .comma { inFromList = false }
            p += 1
        }
        return refs
    }

    /// Reads one FROM item at level position `p`.
    func reference(_ items: [Int], at start: Int, limit: Int) -> ([TableReference], Int) {
        var p = start
        while p < limit, ["lateral", "only"].contains(stream.keyword(items[p])) { p += 1 }
        guard p < limit else { return ([], p) }
        var ref: TableReference
        let token = stream.tokens[items[p]]
        if token.kind == .openParen {
            let firstInside = items[p] + 1
            if ScopeParser.queryStarts.contains(stream.keyword(firstInside)) {
                ref = TableReference(name: nil, source: .subquery, columns: derivedColumns(group: items[p]))
                p += 1
            } else {
                // A parenthesized join: everything inside is in scope.
                guard depth < ScopeParser.maxDepth else { return ([], p + 1) }
                var inner = self
                inner.depth += 1
                let innerItems = stream.level(from: items[p] + 1, to: stream.closeOf[items[p]] ?? stream.tokens.count)
                let (first, next) = inner.reference(innerItems, at: 0, limit: innerItems.count)
                let rest = inner.references(innerItems, in: min(next, innerItems.count)..<innerItems.count)
                return (first + rest, p + 1)
            }
        } else if let (parts, next) = stream.qualifiedName(items, at: p) {
            if ScopeParser.notAliases.contains(stream.keyword(items[p])) && parts.count == 1 { return ([], p) }
            p = next
            let schema = parts.count >= 2 ? parts[parts.count - 2] : nil
            if p < limit && stream.tokens[items[p]].kind == .openParen {
                ref = TableReference(schema: schema, name: parts.last, source: .function)
                p += 1
                if p + 1 < limit && stream.keyword(items[p]) == "with" && stream.keyword(items[p + 1]) == "ordinality" { p += 2 }
            } else if schema == nil, let cte = ctes.last(where: { $0.name == parts[0] }) {
                ref = TableReference(name: cte.name, source: .cte, columns: cte.columns)
            } else {
                ref = TableReference(schema: schema, name: parts.last, source: .relation)
            }
            if p < limit && stream.symbol(items[p]) == "*" { p += 1 }
        } else {
            return ([], p)
        }
        // [AS] alias [(column aliases)]
        var sawAs = false
        if p < limit && stream.keyword(items[p]) == "as" { sawAs = true; p += 1 }
        if p < limit, stream.isName(items[p]),
           sawAs || stream.tokens[items[p]].kind == .quotedIdentifier || !ScopeParser.notAliases.contains(stream.keyword(items[p])) {
            ref.alias = stream.identifier(items[p])
            p += 1
            if p < limit && stream.tokens[items[p]].kind == .openParen {
                ref.columns = columnNameList(group: items[p])
                p += 1
            }
        }
        return ([ref], p)
    }

    /// `(a, b, c)` as named columns (the first name of each comma-separated item).
    func columnNameList(group open: Int) -> [DerivedColumn] {
        let inner = stream.level(from: open + 1, to: stream.closeOf[open] ?? stream.tokens.count)
        var columns: [DerivedColumn] = []
        var atItemStart = true
        for i in inner {
            if stream.tokens[i].kind == .comma { atItemStart = true; continue }
            if atItemStart && stream.isName(i) { columns.append(.named(stream.identifier(i))) }
            atItemStart = false
        }
        return columns
    }

    /// The output columns of the query in a parenthesized group (`(select a, b as c from t)`).
    func derivedColumns(group open: Int) -> [DerivedColumn] {
        guard depth < ScopeParser.maxDepth else { return [] }
        var inner = self
        inner.depth += 1
        let items = stream.level(from: open + 1, to: stream.closeOf[open] ?? stream.tokens.count)
        let (innerCtes, mainStart) = inner.parseWith(items)
        inner.ctes += innerCtes
        let core = inner.coreRange(items, from: mainStart, containing: mainStart)
        guard !core.isEmpty else { return [] }
        let head = stream.keyword(items[core.lowerBound])
        let refs = inner.references(items, in: core)
        if head == "table" { return [.all(of: refs)] }
        guard head == "select" else { return [] }
        var p = core.lowerBound + 1
        while p < core.upperBound, ["distinct", "all"].contains(stream.keyword(items[p])) {
            p += 1
            if p < core.upperBound && stream.keyword(items[p - 1]) == "distinct" && stream.keyword(items[p]) == "on" { p += 2 }
        }
        var columns: [DerivedColumn] = []
        var run: [Int] = []
        func flush() {
            if let c = inner.outputColumn(run, refs: refs) { columns.append(c) }
            run = []
        }
        while p < core.upperBound {
            let i = items[p]
            let w = stream.keyword(i)
            if w == "from" || w == "into" || w == "where" || w == "group" || w == "order" || w == "limit" { break }
            if stream.tokens[i].kind == .comma { flush() } else { run.append(i) }
            p += 1
        }
        flush()
        return columns
    }

    /// The name PostgreSQL gives one select-list item, if it can be told from the text.
    func outputColumn(_ run: [Int], refs: [TableReference]) -> DerivedColumn? {
        guard let last = run.last else { return nil }
        let symbols = run.map { stream.symbol($0) }
        if symbols == ["*"] { return .all(of: refs) }
        if symbols.count == 3, symbols[1] == ".", symbols[2] == "*", stream.isName(run[0]) {
            let q = stream.identifier(run[0])
            return .all(of: refs.filter { $0.qualifier == q })
        }
        if run.count >= 2 && symbols[symbols.count - 2] == "as" && stream.isName(last) {
            return .named(stream.identifier(last))
        }
        if let (parts, next) = stream.qualifiedName(run, at: 0) {
            if next == run.count { return .named(parts.last!) }
            if next < run.count && (symbols[next] == "()" || symbols[next] == "::") && next + 1 >= run.count - (symbols[next] == "::" ? 1 : 0) {
                return .named(parts.last!)
            }
        }
        if run.count >= 2 && stream.isName(last) {
            let before = symbols[symbols.count - 2]
            if before == "()" || before == "lit" || before == "\"" || before == ")" || before.first?.isLetter == true {
                return .named(stream.identifier(last))
            }
        }
        return nil
    }
}
