import Testing
@testable import PsqluiCore

/// Continuation prompts (psql's %R, checked in a terminal), line numbers, and the
/// runner-facing state of the splitter.
@Suite struct SplitterStateTests {
    @Test(arguments: [
        ("", ContinuationState.none),
        ("select 1;", .none),
        ("select 1", .statement),
        ("select (", .parenthesis),
        ("select (1\n)", .statement),
        ("select ((1)", .parenthesis),
        ("select 'a", .singleQuote),
        ("select E'a\\'", .singleQuote),
        ("select B'0", .singleQuote),
        ("select \"x", .doubleQuote),
        ("select $$", .dollarQuote),
        ("select $f$ $$", .dollarQuote),
        ("select /* c", .blockComment),
        ("select /* /* */", .blockComment),
        ("select /* c */", .statement),
        ("-- comment", .none),
        ("create function ff() returns int language sql begin atomic", .statement),
        ("create function ff() returns int language sql begin atomic\nselect 1;", .statement),
        ("select 1; select (", .parenthesis),
        ("select ( \\g", .none),
        ("select 1 \\r", .none),
        ("select 1 \\echo x", .statement),
    ])
    func continuationState(_ input: String, _ expected: ContinuationState) {
        #expect(continuationAfter(input) == expected)
    }

    @Test func promptCharactersMatchPsql() {
        #expect(ContinuationState.allPromptCharacters == "=-'\"$*(")
    }

    @Test func statementLinesNameFirstAndTerminatingLine() {
        var s = StatementSplitter()
        #expect(s.feed(line: Array("-- header".utf8), lineNumber: 1).isEmpty)
        #expect(s.feed(line: Array("".utf8), lineNumber: 2).isEmpty)
        #expect(s.feed(line: Array("select".utf8), lineNumber: 3).isEmpty)
        #expect(s.feed(line: Array("  1".utf8), lineNumber: 4).isEmpty)
        let items = s.feed(line: Array("; select 2;".utf8), lineNumber: 5)
        #expect(items == [.statement(SplitStatement(sql: Array("select\n  1\n;".utf8), firstLine: 3, lastLine: 5)),
                          .statement(SplitStatement(sql: Array("select 2;".utf8), firstLine: 5, lastLine: 5))])
    }

    @Test func unterminatedConstructNamesTheLineItBegan() {
        var s = StatementSplitter()
        _ = s.feed(line: Array("select 1,".utf8), lineNumber: 1)
        _ = s.feed(line: Array("  $body$ never".utf8), lineNumber: 2)
        _ = s.feed(line: Array("closed".utf8), lineNumber: 3)
        guard case .unterminated(let open) = s.finish() else { Issue.record("expected unterminated"); return }
        #expect(open.kind == .dollarQuote)
        #expect(open.line == 2)
        #expect(open.pending.sql == Array("select 1,\n  $body$ never\nclosed".utf8))
        #expect(open.message == "unterminated dollar-quoted string starting at line 2")
        #expect(s.finish() == .nothing)
    }

    @Test func pendingTextAndReset() {
        var s = StatementSplitter()
        _ = s.feed(line: Array("select (1".utf8), lineNumber: 1)
        #expect(s.hasPendingText)
        #expect(s.pendingText == Array("select (1".utf8))
        #expect(s.parenthesisDepth == 1)
        s.reset()
        #expect(!s.hasPendingText)
        #expect(s.parenthesisDepth == 0)
        #expect(s.continuation == .none)
        #expect(s.feed(line: Array("select 2;".utf8), lineNumber: 2) == [.statement(SplitStatement(sql: Array("select 2;".utf8), firstLine: 2, lastLine: 2))])
    }

    @Test func standardConformingStringsCanChangeBetweenLines() {
        var s = StatementSplitter()
        #expect(s.feed(line: Array("select 'a\\';".utf8), lineNumber: 1).count == 1)
        s.standardConformingStrings = false
        #expect(s.feed(line: Array("select 'a\\';".utf8), lineNumber: 2).isEmpty)
        #expect(s.continuation == .singleQuote)
    }

    @Test func checkpointRollsBackTextAndParentheses() {
        var s = StatementSplitter()
        _ = s.feed(line: Array("select 1".utf8), lineNumber: 1)
        let mark = s.checkpoint()
        _ = s.feed(line: Array(", (2".utf8), lineNumber: 2)
        s.rollBack(to: mark)
        #expect(s.pendingText == Array("select 1".utf8))
        #expect(s.parenthesisDepth == 0)
    }

    @Test func sendingCommandHandsOverBufferAndLine() {
        var s = StatementSplitter()
        _ = s.feed(line: Array("select".utf8), lineNumber: 7)
        let items = s.feed(line: Array("1 \\gset p_".utf8), lineNumber: 8)
        #expect(items == [.metaCommand(MetaCommandCall(name: "gset", arguments: Array(" p_".utf8), line: 8,
                                                       precedingSQL: Array("select\n1 ".utf8), precedingSQLFirstLine: 7))])
        #expect(!s.hasPendingText)
    }

    @Test func variableValuesWithSemicolonsSplitLikePsql() {
        // psql re-lexes a substituted value: `\set q 'select 1; select 2'` then `:q;`
        // sends two statements (checked against the server log).
        let out = splitRendered(":q;", variables: ["q": "select 1; select 2"])
        #expect(out == ["S:select 1;", "S:select 2;"])
    }

    @Test func tenThousandStatements() {
        var text = ""
        for i in 0..<10_000 { text += "insert into t values (\(i), 'v;\(i)', $$x$$); -- c\n" }
        let out = splitRendered(text)
        #expect(out.count == 10_000)
        #expect(out.last == "S:insert into t values (9999, 'v;9999', $$x$$);")
    }
}

extension ContinuationState {
    static var allPromptCharacters: String {
        String([ContinuationState.none, .statement, .singleQuote, .doubleQuote, .dollarQuote, .blockComment, .parenthesis].map(\.promptCharacter))
    }
}
