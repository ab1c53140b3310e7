/// Matches `TailRule` patterns against the items before the word.
enum RuleMatcher {
    /// One item as rules see it: a keyword/punctuation text, or a (qualified) name.
    struct Symbol: Equatable {
        /// Lower-case keyword, punctuation, `()`, `lit`, or `"` for a quoted name.
        var text: String
        /// The name's parts when the item is a name (`a`, `a.b`).
        var parts: [String]?
    }

    /// Names that a `*` in a pattern does not match (so `alter table t alter column`
    /// is not read as a column called "column").
    static let notNames: Set<String> = ScopeParser.notAliases.union([
        "column", "table", "view", "type", "to", "by", "data", "constraint", "add", "alter", "drop", "rename",
        "function", "schema", "database", "index", "is", "null", "all", "materialized", "cascade", "restrict",
        "unique", "primary", "foreign", "references", "check", "distinct", "case", "in", "like", "ilike",
        "between", "exists", "over", "partition", "owner", "update", "delete", "insert", "create", "asc", "desc",
    ])

    static func symbols(_ stream: SqlTokenStream, items: [Int], parser: ScopeParser) -> [Symbol] {
        var out: [Symbol] = []
        out.reserveCapacity(items.count)
        var p = 0
        while p < items.count {
            if let (parts, next) = stream.qualifiedName(items, at: p), next > p + 1 || stream.isName(items[p]) {
                let text = next > p + 1 ? "\"" : stream.symbol(items[p])
                out.append(Symbol(text: text, parts: parts))
                p = next
            } else {
                out.append(Symbol(text: stream.symbol(items[p]), parts: nil))
                p += 1
            }
        }
        return out
    }

    /// Drops what does not change the rules: `IF [NOT] EXISTS`, `ONLY`,
    /// `CONCURRENTLY`, a leading WITH clause and `EXPLAIN [ANALYZE] [VERBOSE] [(…)]`.
    static func stripPrefixes(_ symbols: [Symbol]) -> [Symbol] {
        var out: [Symbol] = []
        out.reserveCapacity(symbols.count)
        var i = 0
        while i < symbols.count {
            let s = symbols[i].text
            if s == "if", i + 1 < symbols.count, symbols[i + 1].text == "exists" { i += 2; continue }
            if s == "if", i + 2 < symbols.count, symbols[i + 1].text == "not", symbols[i + 2].text == "exists" { i += 3; continue }
            if s == "only" || s == "concurrently" { i += 1; continue }
            out.append(symbols[i])
            i += 1
        }
        // EXPLAIN prefix.
        if out.first?.text == "explain" {
            var k = 1
            while k < out.count, ["analyze", "verbose", "()"].contains(out[k].text) { k += 1 }
            if k < out.count { out.removeFirst(k) }
        }
        // WITH name [(…)] AS [NOT] [MATERIALIZED] (…), … main
        if out.first?.text == "with" {
            var k = 1
            if k < out.count && out[k].text == "recursive" { k += 1 }
            while k < out.count, out[k].parts != nil {
                var m = k + 1
                if m < out.count && out[m].text == "()" { m += 1 }
                guard m < out.count, out[m].text == "as" else { break }
                m += 1
                if m < out.count && out[m].text == "not" { m += 1 }
                if m < out.count && out[m].text == "materialized" { m += 1 }
                guard m < out.count, out[m].text == "()" else { break }
                k = m + 1
                if k < out.count && out[k].text == "," { k += 1 } else { break }
            }
            if k < out.count, ["select", "insert", "update", "delete", "values", "table", "merge"].contains(out[k].text) {
                out.removeFirst(k)
            }
        }
        return out
    }

    /// The first rule (rules are sorted longest first) whose pattern matches,
    /// with the symbol its first `*` matched.
    static func firstMatch(_ rules: [TailRule], _ symbols: [Symbol]) -> (TailRule, Symbol?)? {
        for rule in rules {
            if let target = match(rule.pattern, symbols) { return (rule, target) }
        }
        return nil
    }

    /// Matches `pattern` against the end of `symbols`. Returns nil when it does
    /// not match, else the symbol of the first `*` (or a placeholder without parts).
    static func match(_ pattern: [String], _ symbols: [Symbol]) -> Symbol?? {
        // Quick rejection on the last element.
        if let last = pattern.last, last != "…", last != "^" {
            guard let s = symbols.last, elementMatches(last, s) else { return nil }
        }
        var capture: Symbol?
        var budget = 20_000
        func go(_ p: Int, _ s: Int) -> Bool {
            budget -= 1
            if budget < 0 { return false }
            if p < 0 { return true }
            let e = pattern[p]
            if e == "^" { return s < 0 }
            if e == "…" {
                var k = s
                while k >= -1 {
                    if go(p - 1, k) { return true }
                    k -= 1
                }
                return false
            }
            guard s >= 0, elementMatches(e, symbols[s]) else { return false }
            if go(p - 1, s - 1) {
                if e == "*" && capture == nil { capture = symbols[s] } // unwinding sets the leftmost `*` first
                return true
            }
            return false
        }
        guard go(pattern.count - 1, symbols.count - 1) else { return nil }
        return .some(capture)
    }

    static func elementMatches(_ e: String, _ s: Symbol) -> Bool {
        if e == "*" { return s.parts != nil && (s.text == "\"" || !notNames.contains(s.text)) }
        return e == s.text
    }

    static let clauses: Set<String> = [
        "select", "from", "join", "on", "using", "where", "having", "by", "set", "values", "returning", "into",
        "limit", "offset", "window", "when",
    ]

    /// Position of the last clause keyword (`by` only after GROUP/ORDER/PARTITION).
    static func lastClause(_ symbols: [Symbol]) -> Int? {
        var k = symbols.count - 1
        while k >= 0 {
            let t = symbols[k].text
            if clauses.contains(t) {
                if t == "by" {
                    if k > 0, ["group", "order", "partition"].contains(symbols[k - 1].text) { return k }
                } else if t == "from" && k >= 2 && symbols[k - 1].text == "distinct" && ["is", "not"].contains(symbols[k - 2].text) {
                    // `IS [NOT] DISTINCT FROM` is an operator.
                } else {
                    return k
                }
            }
            k -= 1
        }
        return nil
    }

    static let operandExpecters: Set<String> = [
        ",", "and", "or", "not", "when", "then", "else", "case", "like", "ilike", "similar", "between", "distinct",
        "all", "any", "some", "in", "exists", "select", "where", "on", "having", "by", "set", "returning", "values",
        "[", "return", "using", "from",
    ]

    /// True when the items end where an operand (column, value, function) goes.
    static func expectsOperand(_ after: [Symbol]) -> Bool {
        guard let last = after.last else { return true }
        if last.parts != nil && !operandExpecters.contains(last.text) { return false }
        if operandExpecters.contains(last.text) { return true }
        if let c = last.text.unicodeScalars.first, "=<>+-*/%|&!~^@#?".unicodeScalars.contains(c) { return true }
        return false
    }

    /// The table an UPDATE (or `INSERT … ON CONFLICT DO UPDATE`) writes to.
    static func updateTarget(_ symbols: [Symbol]) -> Symbol? {
        guard let head = symbols.first?.text else { return nil }
        if head == "update", symbols.count > 1, symbols[1].parts != nil { return symbols[1] }
        if head == "insert", symbols.count > 2, symbols[1].text == "into", symbols[2].parts != nil,
           symbols.contains(where: { $0.text == "do" }) {
            return symbols[2]
        }
        return nil
    }
}
