import FoundationEssentials
import Glibc
@preconcurrency import CLibEdit
import PsqluiCore

/// Tab completion inside libedit's `readline`.
///
/// libedit calls a capture-less C function, so the Swift side lives in statics,
/// set once by the interactive session. The callback runs synchronously inside
/// `readline`: it only reads the metadata cache's current snapshot, never waits.
///
/// What libedit does with the returned list (3.1-20221030): it replaces its own
/// word (split at its break characters) with `matches[0]`; a single entry means
/// "done" (it appends `rl_completion_append_character`); with several it beeps
/// and, on a second Tab, lists them *sorted alphabetically*, asking first when
/// there are over 100. So the bridge always returns exactly one entry, and on the
/// second Tab of an ambiguous word prints its own ranked list.
enum CompletionBridge {
    /// Builds the engine for a request (current snapshot, commands, variables).
    nonisolated(unsafe) static var sources: CompletionSources?
    /// The query buffer typed on earlier lines (the statement in progress).
    nonisolated(unsafe) static var pendingText: () -> [UInt8] = { [] }
    /// The text and cursor an ambiguous completion left behind: a Tab there again lists.
    nonisolated(unsafe) static var lastAmbiguous: (text: [UInt8], cursor: Int)?
    /// Where the list is written.
    nonisolated(unsafe) static var output: Int32 = 1
    /// How many ranked entries to ask the engine for (and the most listed).
    static let limit = CompletionBenchmark.bridgeLimit
    static let listed = 40

    /// Installs the callback (call after libedit is initialised).
    static func install(sources: CompletionSources, pendingText: @escaping () -> [UInt8]) {
        self.sources = sources
        self.pendingText = pendingText
        rl_attempted_completion_function = { word, _, _ in CompletionBridge.complete(word: word) }
    }

    /// The callback body: `word` is libedit's word (it ends at the cursor).
    static func complete(word: UnsafePointer<CChar>?) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
        rl_attempted_completion_over = 1  // never fall back to libedit's file names
        rl_completion_append_character = 0  // libedit keeps the last value: set it every call
        guard let sources, let lineBuffer = rl_line_buffer else { return nil }
        let libeditWord = word.map { Array(UnsafeRawBufferPointer(start: $0, count: strlen($0))) } ?? []

        // The text before the cursor: earlier lines of the statement, then this line up to rl_point (bytes).
        let line = Array(UnsafeRawBufferPointer(start: lineBuffer, count: strlen(lineBuffer)))
        let point = max(0, min(Int(rl_point), line.count))
        var text = pendingText()
        if !text.isEmpty && text.last != UInt8(ascii: "\n") { text.append(UInt8(ascii: "\n")) }
        let lineStart = text.count
        text += line[..<point]
        let cursor = text.count
        text += line[point...]

        let candidates = sources.engine().complete(bytes: text, cursorUTF8: cursor, limit: limit)
        guard let first = candidates.first else { return nil }

        // The engine's word: from its start (a character offset) to the cursor, as bytes.
        let prefixChars = String(decoding: text[..<cursor], as: UTF8.self)
        let wordStartByte = prefixChars.utf8.count - String(prefixChars.dropFirst(first.start)).utf8.count
        let typed = String(decoding: text[wordStartByte..<cursor], as: UTF8.self)
        var replacement = CompletionOutput.insertion(typed: typed, candidates: candidates)
        let truncated = candidates.count >= limit
        let prefixMatches = candidates.filter(\.isPrefixMatch)
        let single = prefixMatches.count == 1  // fuzzy extras do not stop a unique prefix match from finishing
        if truncated && !single { replacement = typed }  // a common prefix of the first `limit` only may be too long

        // libedit replaces its own word, which starts at (cursor - its length); line them up.
        let libeditStart = max(lineStart, cursor - libeditWord.count)
        guard let match = aligned(replacement: Array(replacement.utf8), engineStart: wordStartByte,
                                  libeditStart: libeditStart, text: text) else { return nil }

        if single {
            lastAmbiguous = nil
            let last = replacement.utf8.last
            // No space after a directory, a qualifier, or before text that already starts with one.
            let spaceFollows = cursor < text.count && text[cursor] == UInt8(ascii: " ")
            rl_completion_append_character = last == UInt8(ascii: "/") || last == UInt8(ascii: ".") || spaceFollows ? 0 : Int32(UInt8(ascii: " "))
        } else {
            var after = Array(text[..<wordStartByte]) + Array(replacement.utf8)
            let newCursor = after.count
            after += text[cursor...]
            if let last = lastAmbiguous, last.text == text, last.cursor == cursor {
                showList(candidates)
            }
            lastAmbiguous = (after, newCursor)
        }
        return matchesArray(match)
    }

    /// `replacement` (for the engine's word at `engineStart`) rewritten for libedit's
    /// word at `libeditStart`; nil when they cannot be reconciled.
    static func aligned(replacement: [UInt8], engineStart: Int, libeditStart: Int, text: [UInt8]) -> [UInt8]? {
        if libeditStart <= engineStart {
            // libedit's word also covers `public.` or `c.`: keep that part as typed.
            return Array(text[libeditStart..<engineStart]) + replacement
        }
        // libedit broke the word later (after an opening quote or a `(`): drop that head.
        let head = Array(text[engineStart..<libeditStart])
        guard replacement.count >= head.count else { return nil }
        let lower = { (b: UInt8) -> UInt8 in b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
        guard zip(head, replacement).allSatisfy({ lower($0) == lower($1) }) else { return nil }
        return Array(replacement[head.count...])
    }

    /// A malloc'ed, NULL-terminated list holding one entry (libedit frees it). Three
    /// slots: libedit reads `matches[2]` when deciding whether the match is single.
    static func matchesArray(_ match: [UInt8]) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
        guard let list = malloc(3 * MemoryLayout<UnsafeMutablePointer<CChar>?>.stride)?
            .bindMemory(to: UnsafeMutablePointer<CChar>?.self, capacity: 3) else { return nil }
        let entry = malloc(match.count + 1)!.bindMemory(to: CChar.self, capacity: match.count + 1)
        match.withUnsafeBufferPointer { buf in
            buf.baseAddress.map { memcpy(entry, $0, match.count) }
        }
        entry[match.count] = 0
        list[0] = entry
        list[1] = nil
        list[2] = nil
        return list
    }

    /// Prints the ranked candidates below the line, then has libedit redraw the prompt.
    static func showList(_ candidates: [CompletionCandidate]) {
        let writer = FileDescriptorWriter(fileDescriptor: output)
        try? writer.write(CompletionListFormatter.render(candidates, limit: listed, width: terminalWidth()))
        try? writer.flush()
        rl_forced_update_display()
    }

    static func terminalWidth() -> Int {
        var size = winsize()
        if ioctl(output, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }
}
