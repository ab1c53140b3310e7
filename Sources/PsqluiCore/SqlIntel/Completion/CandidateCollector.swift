/// Collects candidates for one completion, matching each against the typed
/// word as it is added (so non-matching objects cost one byte comparison).
struct CandidateCollector {
    let context: CompletionContext
    let snapshot: MetadataSnapshot
    /// The typed word, lower-cased, without an opening quote.
    private(set) var needle: [UInt8] { didSet { prepared = FuzzyMatch.Needle(needle) } }
    /// `needle` prepared for matching (once per completion, not per name).
    private var prepared: FuzzyMatch.Needle
    private(set) var start: Int
    private var entries: [Entry] = []

    /// A match not yet turned into a candidate.
    struct Entry {
        var key: SortKey
        var kind: CompletionCandidate.Kind
        /// The identifier (unquoted) or the literal text.
        var text: String
        var detail: String?
        var isIdentifier: Bool
        /// Appended after quoting (`.` after a schema that qualifies a name).
        var suffix = ""
        /// Shown, but never what Tab inserts on its own (its text does not start with the typed word).
        var displayOnly = false
        /// A function group's first index and size: its signature detail is built
        /// only if the entry is returned (thousands of built-ins match a bare word).
        var functionDetail: (index: Int, overloads: Int)? = nil
    }

    struct SortKey: Comparable {
        var score: FuzzyMatch.Score
        var rank: Int
        var subrank: Int
        /// The user has typed this name before (history, this session): it goes above an equal match.
        var used = false
        var tiebreak: Int
        var name: [UInt8]
        /// Listed with the fuzzy matches, after every candidate Tab may insert.
        var displayOnly = false
        var insertable: Bool { score.isPrefix && !displayOnly }
        static func < (a: SortKey, b: SortKey) -> Bool {
            if a.insertable != b.insertable { return a.insertable }
            if a.rank != b.rank { return a.rank < b.rank }
            if a.subrank != b.subrank { return a.subrank < b.subrank }
            if a.used != b.used { return a.used }
            if a.score != b.score { return a.score < b.score }
            if a.tiebreak != b.tiebreak { return a.tiebreak < b.tiebreak }
            return a.name.lexicographicallyPrecedes(b.name)
        }
    }

    /// Names the user has used (lower-cased keys); empty: no learning.
    let used: Set<[UInt8]>
    /// How many candidates the caller wants (`.max`: all). With a limit, a long sorted
    /// list can stop early: see `addRelations(_:…)`.
    var limit = Int.max

    init(context: CompletionContext, snapshot: MetadataSnapshot, used: Set<[UInt8]> = []) {
        self.context = context
        self.snapshot = snapshot
        self.used = used
        self.start = context.wordStart
        let needle = CandidateCollector.needle(for: context.word)
        self.needle = needle
        self.prepared = FuzzyMatch.Needle(needle)
    }

    /// How `key` matches the typed word (nil: not at all).
    @inline(__always)
    func score(_ key: [UInt8]) -> FuzzyMatch.Score? {
        key.withUnsafeBufferPointer { FuzzyMatch.score(prepared, $0) }
    }

    static func needle(for word: String) -> [UInt8] {
        var bytes = Array(word.utf8)
        if bytes.first == UInt8(ascii: "\"") {
            bytes.removeFirst()
            if bytes.last == UInt8(ascii: "\"") { bytes.removeLast() }
            return bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        }
        return bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
    }

    /// Completes only the part of the word after `n` characters (`public.` in `:describe public.or`).
    mutating func narrowWord(afterCharacters n: Int) {
        let rest = String(context.word.dropFirst(n))
        start = context.wordStart + n
        needle = CandidateCollector.needle(for: rest)
    }

    /// Adds an identifier (quoted in the text if it needs quotes, or if the user opened a quote).
    mutating func add(_ kind: CompletionCandidate.Kind, name: String, key: [UInt8]? = nil, detail: String? = nil,
                      rank: Int, subrank: Int, prefixOnly: Bool = false, tiebreak: Int = 0, suffix: String = "") {
        let key = key ?? MetadataSnapshot.key(name)
        guard let score = score(key), score.isPrefix || !prefixOnly else { return }
        entries.append(Entry(key: SortKey(score: score, rank: rank, subrank: subrank, used: isUsed(key), tiebreak: tiebreak, name: key),
                             kind: kind, text: name, detail: detail, isIdentifier: true, suffix: suffix))
    }

    /// Adds a function group (name, key, first index, overload count) of the snapshot.
    /// `displayOnly`: listed after every candidate Tab may insert, never inserted on its own.
    mutating func addFunction(name: String, key: [UInt8], index: Int, overloads: Int, rank: Int, subrank: Int,
                              displayOnly: Bool = false) {
        guard let score = score(key) else { return }
        entries.append(Entry(key: SortKey(score: score, rank: rank, subrank: subrank, used: isUsed(key), tiebreak: 0, name: key,
                                          displayOnly: displayOnly),
                             kind: .function, text: name, detail: nil, isIdentifier: true, displayOnly: displayOnly,
                             functionDetail: (index, overloads)))
    }

    /// True when some candidate so far matches the word by prefix.
    var hasPrefixMatch: Bool { entries.contains { $0.key.insertable } }

    func isUsed(_ key: [UInt8]) -> Bool { !used.isEmpty && used.contains(key) }

    /// True when `key` matches the typed word at all (to skip building details).
    func matches(_ key: [UInt8]) -> Bool { score(key) != nil }

    /// Adds the relations of `schema` (`relationsBySchema`, sorted by key) that match.
    ///
    /// On 100,000 tables a bare `FROM ` must not build 100,000 entries. Prefix matches
    /// share one score, so with a limit the first `cap` of the (contiguous) prefix range
    /// are the best of them, plus any the user has used; fuzzy matches rank after every
    /// prefix match, so once the range alone fills `cap` they are not looked at.
    /// The keys are read in place from the schema's packed `FlatKeys`.
    /// `include` filters (kinds, shadowing); `position` is the tiebreak.
    mutating func addRelations(schema: String, rank: Int, subrank: Int, prefixOnly: Bool = false,
                               include: (Int) -> Bool = { _ in true }) {
        guard let list = snapshot.relationsBySchema[schema], let flat = snapshot.relationKeysBySchema[schema] else { return }
        for position in matchingPositions(flat, prefixOnly: prefixOnly, include: { include(list[$0]) }) {
            addRelation(list[position], rank: rank, subrank: subrank, prefixOnly: prefixOnly, tiebreak: position)
        }
    }

    /// The positions in `flat` (keys sorted) that match the typed word, for `limit`:
    /// the prefix range (its first `cap` only, plus used names), then, unless that
    /// filled `cap`, the boundary matches. `include` is asked only of matches.
    func matchingPositions(_ flat: FlatKeys, prefixOnly: Bool = false, include: (Int) -> Bool) -> [Int] {
        let cap = limit == .max ? Int.max : limit * 2 + 8
        let needle = self.needle
        let prepared = self.prepared
        let used = self.used
        var matched: [Int] = []
        flat.bytes.withUnsafeBufferPointer { bytes in
            flat.offsets.withUnsafeBufferPointer { offsets in
                let count = offsets.count - 1
                @inline(__always) func key(_ p: Int) -> UnsafeBufferPointer<UInt8> {
                    UnsafeBufferPointer(rebasing: bytes[Int(offsets[p])..<Int(offsets[p + 1])])
                }
                // The prefix range starts at the first key not below the needle.
                let lo = flat.lowerBound(needle)
                var end = lo
                var added = 0
                while end < count && key(end).starts(with: needle) {
                    if added < cap && include(end) {
                        matched.append(end)
                        added += 1
                    }
                    end += 1
                }
                if added >= cap {
                    // Cut short: the used names of the rest of the range still rank first.
                    if !used.isEmpty {
                        for position in lo..<end where used.contains(Array(key(position))) && include(position) && !matched.contains(position) {
                            matched.append(position)
                        }
                    }
                    return
                }
                if prefixOnly || needle.isEmpty { return }
                // Match first: `include` may hash the name (shadowing), which 100,000 times costs more than the match.
                for position in 0..<count where position < lo || position >= end {
                    guard FuzzyMatch.score(prepared, key(position)) != nil, include(position) else { continue }
                    matched.append(position)
                }
            }
        }
        return matched
    }

    /// Adds relation `i` of the snapshot; matches on the precomputed key before
    /// touching the relation itself (10,000 of them after a bare `FROM`).
    mutating func addRelation(_ i: Int, rank: Int, subrank: Int, prefixOnly: Bool = false, tiebreak: Int) {
        let key = snapshot.relationKeys[i]
        guard let score = score(key), score.isPrefix || !prefixOnly else { return }
        let kind = snapshot.relations[i].kind
        entries.append(Entry(key: SortKey(score: score, rank: rank, subrank: subrank, used: isUsed(key), tiebreak: tiebreak, name: key),
                             kind: kind == .view || kind == .materializedView ? .view : .table,
                             text: snapshot.relations[i].name, detail: snapshot.relations[i].comment, isIdentifier: true))
    }

    /// Adds text that is inserted as is (keywords, commands, files, join clauses), matched on `match`.
    /// `displayOnly`: the text does not start with what was typed (a qualified name for a
    /// bare word), so it is listed but never inserted by itself (see `CompletionCandidate.isPrefixMatch`).
    mutating func addLiteral(_ kind: CompletionCandidate.Kind, text: String, match: String, rank: Int, subrank: Int,
                             tiebreak: Int = 0, detail: String? = nil, displayOnly: Bool = false) {
        let key = MetadataSnapshot.key(match)
        guard let score = score(key) else { return }
        entries.append(Entry(key: SortKey(score: score, rank: rank, subrank: subrank, tiebreak: tiebreak, name: key, displayOnly: displayOnly),
                             kind: kind, text: text, detail: detail, isIdentifier: false, displayOnly: displayOnly))
    }

    /// Sorted best first, duplicates (same text) dropped, at most `limit`.
    /// Candidates are only built (quoting and all) for what is returned.
    func ranked(limit: Int = .max) -> [CompletionCandidate] {
        // With a small limit, keep only the best few (duplicates need some slack);
        // fall back to sorting everything if duplicates ate the slack.
        if limit < entries.count / 2 {
            let best = Self.best(entries, count: limit * 2 + 8)
            let out = candidates(from: best, limit: limit)
            if out.count >= limit { return out }
        }
        return candidates(from: entries.sorted { $0.key < $1.key }, limit: limit)
    }

    /// The `count` smallest entries, sorted. Entries mostly arrive in order (relations
    /// are pre-sorted per schema), so most are turned away by one comparison with
    /// the worst kept.
    static func best(_ entries: [Entry], count: Int) -> [Entry] {
        var kept: [Entry] = []
        kept.reserveCapacity(count + 1)
        for e in entries {
            if kept.count == count, let worst = kept.last, !(e.key < worst.key) { continue }
            var lo = 0, hi = kept.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if kept[mid].key < e.key || !(e.key < kept[mid].key) { lo = mid + 1 } else { hi = mid }
            }
            kept.insert(e, at: lo)
            if kept.count > count { kept.removeLast() }
        }
        return kept
    }

    private func candidates(from sorted: [Entry], limit: Int) -> [CompletionCandidate] {
        var out: [CompletionCandidate] = []
        var seen = Set<String>()
        for e in sorted {
            if out.count >= limit { break }
            let text = (e.isIdentifier && (context.isQuoted || snapshot.needsQuotes(e.text))
                ? "\"" + e.text.replacingQuotes() + "\"" : e.text) + e.suffix
            // A function and a column may share a name (`SELECT | FROM f()`): keep both.
            guard seen.insert(e.kind == .function ? "()" + text : text).inserted else { continue }
            var detail = e.detail
            if let fd = e.functionDetail {
                let f = snapshot.functions[fd.index]
                detail = f.comment ?? "(\(f.arguments))\(fd.overloads > 1 ? " …" : "") → \(f.result)"
            }
            out.append(CompletionCandidate(kind: e.kind, text: text, start: start, detail: detail, isPrefixMatch: e.key.score.isPrefix && !e.displayOnly))
        }
        return out
    }
}
