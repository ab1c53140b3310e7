import Testing
@testable import PsqluiCore

@Suite struct DestructiveStatementClassifierTests {
    static let destructive: [(String, String)] = [
        ("drop table orders", "DROP TABLE"),
        ("DROP SCHEMA app CASCADE", "DROP SCHEMA"),
        ("  -- tidy up\n drop index if exists i", "DROP INDEX"),
        ("/* c */ truncate orders", "TRUNCATE"),
        ("truncate table a, b restart identity", "TRUNCATE"),
        ("delete from orders", "DELETE without WHERE"),
        ("DELETE FROM orders USING customers", "DELETE without WHERE"),
        ("delete from t where_not_a_keyword", "DELETE without WHERE"),
        ("update products set price = 0", "UPDATE without WHERE"),
        ("update t set a = (select b from u where u.id = 1)", "UPDATE without WHERE"),
        ("with gone as (select id from t where x) delete from t", "DELETE without WHERE"),
    ]

    @Test(arguments: destructive)
    func asks(_ sql: String, _ reason: String) {
        #expect(DestructiveStatementClassifier.classify(Array(sql.utf8))?.description == reason)
    }

    static let harmless: [String] = [
        "select * from orders",
        "delete from orders where id = 1",
        "DELETE FROM orders\nWHERE id IN (select 1)",
        "update products set price = 0 where id = 7",
        "update t set a = 1 where current of c",
        "select 'drop table x'",
        "-- drop table x\nselect 1",
        "insert into t select * from u",
        "create table drop_me(a int)",
        "with d as (delete from t where a = 1 returning *) select * from d",
        "",
        "explain delete from t",
    ]

    @Test(arguments: harmless)
    func doesNotAsk(_ sql: String) {
        #expect(DestructiveStatementClassifier.classify(Array(sql.utf8)) == nil)
    }
}

@Suite struct TransactionControlClassifierTests {
    @Test(arguments: ["begin", "COMMIT", "rollback to s", "savepoint a", "vacuum t", "create database x",
                      "drop database x", "create index concurrently i on t(a)", "alter system set x = 1",
                      "reindex database d", "discard all", "end", "abort", "prepare transaction 'x'"])
    func noImplicitBegin(_ sql: String) {
        #expect(TransactionControlClassifier.mustNotBeginBefore(Array(sql.utf8)))
    }

    @Test(arguments: ["select 1", "insert into t values (1)", "create table t(a int)", "create index i on t(a)",
                      "cluster t using i", "prepare p as select 1"])
    func implicitBegin(_ sql: String) {
        #expect(!TransactionControlClassifier.mustNotBeginBefore(Array(sql.utf8)))
    }
}

@Suite struct ConditionalStackTests {
    /// Applies commands in order; returns the active flag after each and the errors.
    func run(_ steps: [(String, Bool?)]) -> (active: [Bool], errors: [String]) {
        var stack = ConditionalStack()
        var splitter = StatementSplitter()
        var active: [Bool] = []
        var errors: [String] = []
        for (name, value) in steps {
            if let e = stack.apply(name, condition: { value }, splitter: &splitter) { errors.append(e) }
            active.append(stack.isActive)
        }
        return (active, errors)
    }

    @Test func takesTheFirstTrueBranchOnly() {
        let r = run([("if", false), ("elif", true), ("elif", true), ("else", nil), ("endif", nil)])
        #expect(r.active == [false, true, false, false, true])
        #expect(r.errors.isEmpty)
    }

    @Test func nestedBlocksInsideASkippedBranchNeverEvaluate() {
        var stack = ConditionalStack()
        var splitter = StatementSplitter()
        var evaluated = 0
        _ = stack.apply("if", condition: { false }, splitter: &splitter)
        _ = stack.apply("if", condition: { evaluated += 1; return true }, splitter: &splitter)
        #expect(!stack.isActive)
        _ = stack.apply("elif", condition: { evaluated += 1; return true }, splitter: &splitter)
        _ = stack.apply("endif", condition: { nil }, splitter: &splitter)
        _ = stack.apply("else", condition: { nil }, splitter: &splitter)
        #expect(stack.isActive)
        #expect(evaluated == 0)
    }

    @Test func misplacedCommandsGivePsqlsMessages() {
        let r = run([("else", nil), ("elif", true), ("endif", nil), ("if", true), ("else", nil), ("elif", true), ("else", nil)])
        #expect(r.errors == ["\\else: no matching \\if", "\\elif: no matching \\if", "\\endif: no matching \\if",
                             "\\elif: cannot occur after \\else", "\\else: cannot occur after \\else"])
    }

    @Test func badBooleanCountsAsFalse() {
        #expect(run([("if", nil), ("else", nil)]).active == [false, true])
    }

    @Test func textTypedInASkippedBranchIsDropped() {
        var stack = ConditionalStack()
        var splitter = StatementSplitter()
        _ = splitter.feed(line: Array("select 1".utf8), lineNumber: 1)
        _ = stack.apply("if", condition: { false }, splitter: &splitter)
        _ = splitter.feed(line: Array(", 2".utf8), lineNumber: 2)
        _ = stack.apply("endif", condition: { nil }, splitter: &splitter)
        #expect(String(decoding: splitter.pendingText, as: UTF8.self) == "select 1")
    }
}

@Suite struct ClientCopyRequestTests {
    @Test func fileTarget() throws {
        let r = try ClientCopyRequest.parse("orders (id, total) from '/tmp/o.csv' with (format csv)").get()
        #expect(r.isFrom)
        #expect(r.endpoint == .file("/tmp/o.csv"))
        #expect(r.serverSQL == "COPY orders (id, total) FROM STDIN with (format csv)")
    }

    @Test func queryToProgram() throws {
        let r = try ClientCopyRequest.parse("(select 1 from t where a = 'from') to program 'gzip > x.gz' csv").get()
        #expect(!r.isFrom)
        #expect(r.endpoint == .program("gzip > x.gz"))
        #expect(r.serverSQL == "COPY (select 1 from t where a = 'from') TO STDOUT csv")
    }

    @Test func streamsAndBareNames() throws {
        #expect(try ClientCopyRequest.parse("t from stdin").get().endpoint == .scriptStream)
        #expect(try ClientCopyRequest.parse("t to pstdout").get().endpoint == .processStream)
        #expect(try ClientCopyRequest.parse("t to out/data.txt").get().endpoint == .file("out/data.txt"))
        #expect((try? ClientCopyRequest.parse("t").get()) == nil)
    }
}

@Suite struct PromptFormatterTests {
    @Test func psqlEscapes() {
        var s = PromptFormatter.State()
        s.database = "app"; s.user = "me"; s.host = "db.example.com"; s.port = "5433"
        s.transaction = .inTransaction
        #expect(PromptFormatter.render(PromptFormatter.defaultPrompt1, s) == "app=*> ")
        #expect(PromptFormatter.render("%n@%m:%>/%~ %M%%", s) == "me@db:5433/app db.example.com%")
        s.superuser = true; s.continuation = .parenthesis; s.host = "/tmp"
        #expect(PromptFormatter.render("%M %m %/%R%#", s) == "[local:/tmp] [local] app(#")
        s.host = "/var/run/postgresql"
        #expect(PromptFormatter.render("%M", s) == "[local]")
        s.continuation = .none; s.inactiveBranch = true
        #expect(PromptFormatter.render("%R%[x%]", s) == "@\u{1}x\u{2}")
        // Issue 11 item 17: psql's colour idiom, octal escapes inside the markers.
        #expect(PromptFormatter.render("%[%033[1;32m%]db%[%033[0m%]%%", s) == "\u{1}\u{1B}[1;32m\u{2}db\u{1}\u{1B}[0m\u{2}%")
        #expect(PromptFormatter.render("%101%0102", s) == "AB")
    }

    @Test func stateMarkersAreColouredInsideInvisibleMarkers() {
        var s = PromptFormatter.State()
        s.database = "app"; s.transaction = .inTransaction; s.color = true
        #expect(PromptFormatter.render("%/%x", s) == "app\u{1}\u{1B}[33m\u{2}*\u{1}\u{1B}[0m\u{2}")
        s.color = false
        #expect(PromptFormatter.render("%/%x", s) == "app*")
    }

    @Test func messagesAreColouredBySeverity() {
        #expect(TerminalColor.paintMessage("ERROR:  boom\nLINE 1: x\n") == "\u{1B}[31mERROR:  boom\u{1B}[0m\nLINE 1: x\n")
        #expect(TerminalColor.paintMessage("WARNING:  w\n") == "\u{1B}[33mWARNING:  w\u{1B}[0m\n")
        #expect(TerminalColor.paintMessage("NOTICE:  n\n") == "NOTICE:  n\n")
        #expect(!TerminalColor.enabled(isTerminal: true, environment: ["NO_COLOR": "1"]))
        #expect(!TerminalColor.enabled(isTerminal: false, environment: [:]))
    }
}
