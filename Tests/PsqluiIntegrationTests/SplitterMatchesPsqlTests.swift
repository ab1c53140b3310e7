import Foundation
import Testing
@testable import PsqluiCore

/// Runs scripts through live `psql -X -f` with `log_statement = all` and checks that
/// `StatementSplitter` yields exactly the statements psql sent, byte for byte, in order.
@Suite struct SplitterMatchesPsqlTests {
    /// Values the scripts `\set`, for the splitter's variable lookup.
    static let variables: [String: String] = ["v": "42", "q": "it's", "bs": "a\\b", "ident": "Col \"x\"", "two": "select 1; select 2"]

    static let scripts: [(String, String)] = [
        ("dollar-quoted bodies", """
        create function f_dq() returns int as $$
        begin
          -- a comment; with a semicolon
          return 1;
        end;
        $$ language plpgsql;
        do $body$ begin perform 1; raise notice '$$;'; end $body$;
        select $t$ $$ ; $t$, $a$ $b$ ; $b$ $a$;
        select f_dq();
        """),
        ("nested comments", """
        /* leading block */ select 1;
        select /* a /* b */ ; */ 2;
        select 3 /* multi
        line ; comment
        */ ;
        select 4; /* trailing */
        """),
        ("E-strings and quotes", """
        select E'it\\'s; fine', 'a''b;', E'a''b\\\\;';
        select "a""b;" from (select 1 as "a""b;") s;
        select U&'d\\0061t;a', b'01', x'ab', n'n;';
        select 'a'
        'b;';
        """),
        ("leading comments and blank lines", """
        -- header comment
        -- another; with semicolon


           select 1 -- trailing kept
          , 2;

        -- between
        select
        -- inner kept

        3;
        """),
        ("several statements on one line", """
        select 1; select 2;select 3 ;   -- rest
        select 4 \\; select 5;
        select (1); select ((2));
        """),
        ("COPY from stdin with inline data", """
        create table copy_t(a int, b text);
        copy copy_t from stdin;
        1\tx;y
        2\t'z
        3\t$$
        \\.
        select count(*) from copy_t; drop table copy_t;
        """),
        ("BEGIN ATOMIC and parentheses", """
        create function f_atomic() returns int language sql
        begin atomic
          select 1;
          select case when true then 2 end;
        end;
        create table r_t(a int); create table r_a(a int); create table r_b(a int);
        create rule r1 as on insert to r_t do also (insert into r_a values (1); insert into r_b values (2));
        select (1,
        2);
        """),
        ("meta-commands mid-line", """
        select 1 \\g
        select 5 \\echo hi
        ;
        select 6
        \\echo own line
        ;
        \\echo a \\\\ select 7;
        select 8 \\gx
        select
        9 \\g /dev/null
        """),
        ("variables", """
        \\set v 42
        \\set q 'it''s'
        \\set bs 'a\\\\b'
        \\set ident 'Col "x"'
        \\set two 'select 1; select 2'
        select :v, :'v', :'q', :'bs', :"ident", 1::int, :{?v}, :{?nope}, ':v';
        :two;
        """),
        ("no final semicolon", """
        select 1;
        select 2
        """),
        ("standard_conforming_strings off", """
        set standard_conforming_strings = off;
        select 'a\\';b';
        set standard_conforming_strings = on;
        select 'c\\';
        """),
    ]

    @Test(arguments: scripts.map(\.0))
    func splitterSendsWhatPsqlSends(_ name: String) throws {
        let body = Self.scripts.first { $0.0 == name }!.1
        for variant in ["LF", "CRLF"] {
            // A marker per run: the log is shared by every test of this cluster.
            let marker = "splitter-marker-\(UUID().uuidString)"
            let script = "select '\(marker)';\n" + body + "\n"
            let text = variant == "LF" ? script : script.replacingOccurrences(of: "\n", with: "\r\n")
            let database = try TestServer.makeDatabase(prefix: "split")
            try TestServer.admin("alter database \(database) set log_statement = 'all'")
            let path = NSTemporaryDirectory() + "splitter-\(UUID().uuidString).sql"
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            defer { try? FileManager.default.removeItem(atPath: path) }
            _ = try TestServer.psql(["-X", "-q", "-f", path], database: database)
            let logged = try Self.loggedStatements(after: marker)
            let split = Self.split(Array(text.utf8))
            #expect(split == logged, "\(name) (\(variant))")
        }
    }

    /// The whole client, not just the splitter: `psqlui -f` and `psql -f` on the same
    /// script leave the same statement sequence in the server log.
    @Test(arguments: scripts.map(\.0))
    func psqluiSendsWhatPsqlSends(_ name: String) throws {
        let body = Self.scripts.first { $0.0 == name }!.1
        var logs: [[String]] = []
        for client in ["psql", "psqlui"] {
            let marker = "client-marker-\(UUID().uuidString)"
            let database = try TestServer.makeDatabase(prefix: "send")
            try TestServer.admin("alter database \(database) set log_statement = 'all'")
            let path = NSTemporaryDirectory() + "send-\(UUID().uuidString).sql"
            try Data(("select '\(marker)';\n" + body + "\n").utf8).write(to: URL(fileURLWithPath: path))
            defer { try? FileManager.default.removeItem(atPath: path) }
            let out = client == "psql"
                ? try TestServer.psql(["-X", "-q", "-f", path], database: database)
                : try TestServer.psqlui(["-X", "-q", "-f", path], database: database)
            #expect(out.status == 0, "\(client): \(out)")
            logs.append(Array(try Self.loggedStatements(after: marker).dropFirst()))
        }
        #expect(logs[0] == logs[1], "\(name): psql sent \(logs[0]), psqlui sent \(logs[1])")
        #expect(!logs[1].isEmpty)
    }

    /// Feeds the script like psql's main loop: COPY data lines go past the splitter up
    /// to `\.`, and `standard_conforming_strings` follows the SET statements.
    static func split(_ bytes: [UInt8]) -> [String] {
        var splitter = StatementSplitter()
        var source = ByteLineSource(bytes)
        var sent: [String] = []
        var inCopy = false
        var lineNumber = 0
        while let items = source.withNextLine({ line -> [SplitterItem] in
            lineNumber += 1
            if inCopy {
                let data = Array(line)
                if data == Array("\\.".utf8) || data == Array("\\.\r".utf8) { inCopy = false }
                return []
            }
            return splitter.feed(line: line, lineNumber: lineNumber, variables: { variables[$0] })
        }) {
            for item in items {
                switch item {
                case .statement(let s):
                    sent.append(s.text)
                    let lower = s.text.lowercased()
                    if lower.hasPrefix("copy") && lower.contains("from stdin") { inCopy = true }
                    if lower.contains("standard_conforming_strings = off") { splitter.standardConformingStrings = false }
                    if lower.contains("standard_conforming_strings = on") { splitter.standardConformingStrings = true }
                case .metaCommand(let m):
                    if MetaCommandCall.sendingCommands.contains(m.name), let sql = m.precedingSQL {
                        sent.append(String(decoding: sql, as: UTF8.self))
                    }
                }
            }
        }
        switch splitter.finish() {
        case .nothing: break
        case .statement(let s): sent.append(s.text)
        case .unterminated(let u): sent.append(u.pending.text)
        }
        return sent
    }

    /// The `statement:` entries the backend that logged `marker` wrote, from the marker on.
    static func loggedStatements(after marker: String) throws -> [String] {
        let logPath = TestServer.serverLog
        guard !logPath.isEmpty else { throw TestFailure("PSQLUI_TEST_SERVER_LOG is not set") }
        let prefix = try NSRegularExpression(pattern: #"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+ \S+ \[(\d+)\] "#)
        for _ in 0..<50 {
            let data = try Data(contentsOf: URL(fileURLWithPath: logPath))
            var entries: [(pid: String, text: String)] = []
            var lines = data.split(separator: 0x0A, omittingEmptySubsequences: false)
            if lines.last?.isEmpty == true { lines.removeLast() }
            for raw in lines {
                let line = String(decoding: raw, as: UTF8.self)
                let ns = line as NSString
                if let m = prefix.firstMatch(in: line, range: NSRange(location: 0, length: ns.length)) {
                    entries.append((ns.substring(with: m.range(at: 1)), ns.substring(from: m.range.length)))
                } else if !entries.isEmpty {
                    entries[entries.count - 1].text += "\n" + (line.hasPrefix("\t") ? String(line.dropFirst()) : line)
                }
            }
            let tag = "LOG:  statement: "
            if let start = entries.firstIndex(where: { $0.text.hasPrefix(tag) && $0.text.contains(marker) }) {
                let pid = entries[start].pid
                return entries[start...].filter { $0.pid == pid && $0.text.hasPrefix(tag) }.map { String($0.text.dropFirst(tag.count)) }
            }
            usleep(100_000)
        }
        throw TestFailure("marker \(marker) not found in \(logPath)")
    }
}
