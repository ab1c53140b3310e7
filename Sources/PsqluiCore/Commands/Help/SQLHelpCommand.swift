import FoundationEssentials
import PsqluiPluginAPI

/// `\h [COMMAND]` (`\help`, `:sqlhelp`): the SQL commands PostgreSQL documents, and for
/// a command the address of its reference page. psql compiles PostgreSQL's own syntax
/// summaries in; psqlui does not carry that text (and the server has no function that
/// returns it), so it points to the documentation of the server's major version.
public enum SQLHelpCommand {
    /// The SQL command names, with the page name where it is not the name in lower
    /// case without spaces (`ALTER TABLE` → `sql-altertable.html`).
    static let commands: [(name: String, page: String?)] = ([
        ("ABORT", nil),
        ("ALTER AGGREGATE", nil),
        ("ALTER COLLATION", nil),
        ("ALTER CONVERSION", nil),
        ("ALTER DATABASE", nil),
        ("ALTER DEFAULT PRIVILEGES", nil),
        ("ALTER DOMAIN", nil),
        ("ALTER EVENT TRIGGER", nil),
        ("ALTER EXTENSION", nil),
        ("ALTER FOREIGN DATA WRAPPER", nil),
        ("ALTER FOREIGN TABLE", nil),
        ("ALTER FUNCTION", nil),
        ("ALTER GROUP", nil),
        ("ALTER INDEX", nil),
        ("ALTER LANGUAGE", nil),
        ("ALTER LARGE OBJECT", nil),
        ("ALTER MATERIALIZED VIEW", nil),
        ("ALTER OPERATOR CLASS", "alteropclass"),
        ("ALTER OPERATOR FAMILY", "alteropfamily"),
        ("ALTER OPERATOR", nil),
        ("ALTER POLICY", nil),
        ("ALTER PROCEDURE", nil),
        ("ALTER PUBLICATION", nil),
        ("ALTER ROLE", nil),
        ("ALTER ROUTINE", nil),
        ("ALTER RULE", nil),
        ("ALTER SCHEMA", nil),
        ("ALTER SEQUENCE", nil),
        ("ALTER SERVER", nil),
        ("ALTER STATISTICS", nil),
        ("ALTER SUBSCRIPTION", nil),
        ("ALTER SYSTEM", nil),
        ("ALTER TABLESPACE", nil),
        ("ALTER TABLE", nil),
        ("ALTER TEXT SEARCH CONFIGURATION", "altertsconfig"),
        ("ALTER TEXT SEARCH DICTIONARY", "altertsdictionary"),
        ("ALTER TEXT SEARCH PARSER", "altertsparser"),
        ("ALTER TEXT SEARCH TEMPLATE", "altertstemplate"),
        ("ALTER TRIGGER", nil),
        ("ALTER TYPE", nil),
        ("ALTER USER MAPPING", nil),
        ("ALTER USER", nil),
        ("ALTER VIEW", nil),
        ("ANALYZE", nil),
        ("BEGIN", nil),
        ("CALL", nil),
        ("CHECKPOINT", nil),
        ("CLOSE", nil),
        ("CLUSTER", nil),
        ("COMMENT", nil),
        ("COMMIT PREPARED", "commit-prepared"),
        ("COMMIT", nil),
        ("COPY", nil),
        ("CREATE ACCESS METHOD", "create-access-method"),
        ("CREATE AGGREGATE", nil),
        ("CREATE CAST", nil),
        ("CREATE COLLATION", nil),
        ("CREATE CONVERSION", nil),
        ("CREATE DATABASE", nil),
        ("CREATE DOMAIN", nil),
        ("CREATE EVENT TRIGGER", nil),
        ("CREATE EXTENSION", nil),
        ("CREATE FOREIGN DATA WRAPPER", nil),
        ("CREATE FOREIGN TABLE", nil),
        ("CREATE FUNCTION", nil),
        ("CREATE GROUP", nil),
        ("CREATE INDEX", nil),
        ("CREATE LANGUAGE", nil),
        ("CREATE MATERIALIZED VIEW", nil),
        ("CREATE OPERATOR CLASS", "createopclass"),
        ("CREATE OPERATOR FAMILY", "createopfamily"),
        ("CREATE OPERATOR", nil),
        ("CREATE POLICY", nil),
        ("CREATE PROCEDURE", nil),
        ("CREATE PUBLICATION", nil),
        ("CREATE ROLE", nil),
        ("CREATE RULE", nil),
        ("CREATE SCHEMA", nil),
        ("CREATE SEQUENCE", nil),
        ("CREATE SERVER", nil),
        ("CREATE STATISTICS", nil),
        ("CREATE SUBSCRIPTION", nil),
        ("CREATE TABLE AS", nil),
        ("CREATE TABLESPACE", nil),
        ("CREATE TABLE", nil),
        ("CREATE TEXT SEARCH CONFIGURATION", "createtsconfig"),
        ("CREATE TEXT SEARCH DICTIONARY", "createtsdictionary"),
        ("CREATE TEXT SEARCH PARSER", "createtsparser"),
        ("CREATE TEXT SEARCH TEMPLATE", "createtstemplate"),
        ("CREATE TRANSFORM", nil),
        ("CREATE TRIGGER", nil),
        ("CREATE TYPE", nil),
        ("CREATE USER MAPPING", nil),
        ("CREATE USER", nil),
        ("CREATE VIEW", nil),
        ("DEALLOCATE", nil),
        ("DECLARE", nil),
        ("DELETE", nil),
        ("DISCARD", nil),
        ("DO", nil),
        ("DROP ACCESS METHOD", "drop-access-method"),
        ("DROP AGGREGATE", nil),
        ("DROP CAST", nil),
        ("DROP COLLATION", nil),
        ("DROP CONVERSION", nil),
        ("DROP DATABASE", nil),
        ("DROP DOMAIN", nil),
        ("DROP EVENT TRIGGER", nil),
        ("DROP EXTENSION", nil),
        ("DROP FOREIGN DATA WRAPPER", nil),
        ("DROP FOREIGN TABLE", nil),
        ("DROP FUNCTION", nil),
        ("DROP GROUP", nil),
        ("DROP INDEX", nil),
        ("DROP LANGUAGE", nil),
        ("DROP MATERIALIZED VIEW", nil),
        ("DROP OPERATOR CLASS", "dropopclass"),
        ("DROP OPERATOR FAMILY", "dropopfamily"),
        ("DROP OPERATOR", nil),
        ("DROP OWNED", "drop-owned"),
        ("DROP POLICY", nil),
        ("DROP PROCEDURE", nil),
        ("DROP PUBLICATION", nil),
        ("DROP ROLE", nil),
        ("DROP ROUTINE", nil),
        ("DROP RULE", nil),
        ("DROP SCHEMA", nil),
        ("DROP SEQUENCE", nil),
        ("DROP SERVER", nil),
        ("DROP STATISTICS", nil),
        ("DROP SUBSCRIPTION", nil),
        ("DROP TABLESPACE", nil),
        ("DROP TABLE", nil),
        ("DROP TEXT SEARCH CONFIGURATION", "droptsconfig"),
        ("DROP TEXT SEARCH DICTIONARY", "droptsdictionary"),
        ("DROP TEXT SEARCH PARSER", "droptsparser"),
        ("DROP TEXT SEARCH TEMPLATE", "droptstemplate"),
        ("DROP TRANSFORM", nil),
        ("DROP TRIGGER", nil),
        ("DROP TYPE", nil),
        ("DROP USER MAPPING", nil),
        ("DROP USER", nil),
        ("DROP VIEW", nil),
        ("END", nil),
        ("EXECUTE", nil),
        ("EXPLAIN", nil),
        ("FETCH", nil),
        ("GRANT", nil),
        ("IMPORT FOREIGN SCHEMA", nil),
        ("INSERT", nil),
        ("LISTEN", nil),
        ("LOAD", nil),
        ("LOCK", nil),
        ("MERGE", nil),
        ("MOVE", nil),
        ("NOTIFY", nil),
        ("PREPARE TRANSACTION", "prepare-transaction"),
        ("PREPARE", nil),
        ("REASSIGN OWNED", "reassign-owned"),
        ("REFRESH MATERIALIZED VIEW", nil),
        ("REINDEX", nil),
        ("RELEASE SAVEPOINT", "release-savepoint"),
        ("RESET", nil),
        ("REVOKE", nil),
        ("ROLLBACK PREPARED", "rollback-prepared"),
        ("ROLLBACK TO SAVEPOINT", "rollback-to"),
        ("ROLLBACK", nil),
        ("SAVEPOINT", nil),
        ("SECURITY LABEL", "security-label"),
        ("SELECT INTO", nil),
        ("SELECT", nil),
        ("SET CONSTRAINTS", "set-constraints"),
        ("SET ROLE", "set-role"),
        ("SET SESSION AUTHORIZATION", "set-session-authorization"),
        ("SET TRANSACTION", "set-transaction"),
        ("SET", nil),
        ("SHOW", nil),
        ("START TRANSACTION", "start-transaction"),
        ("TABLE", "select"),
        ("TRUNCATE", nil),
        ("UNLISTEN", nil),
        ("UPDATE", nil),
        ("VACUUM", nil),
        ("VALUES", nil),
        ("WITH", "select"),
    ] as [(name: String, page: String?)]).sorted { $0.name < $1.name }

    static var spec: CommandSpec {
        CommandSpec(
            name: "sqlhelp", aliases: ["\\h", "\\help"],
            summary: "list SQL commands, or show where COMMAND's syntax is documented (\\h)", usage: "\\h [COMMAND]",
            examples: ["\\h", "\\h ALTER TABLE", "\\h create t"], group: "Help",
            handler: { invocation, context in
                let version = (try? await context.session.query("SELECT pg_catalog.current_setting('server_version_num')::int / 10000"))?
                    .rows.first?[0] ?? "current"
                let base = "https://www.postgresql.org/docs/\(version)/"
                let topic = invocation.arguments.trimmingWhitespace()
                if topic.isEmpty {
                    try await context.show(TextPane(title: "SQL help", lines: listing(columns: 2) + [
                        "", "The syntax of each is in PostgreSQL's documentation: \(base)sql-commands.html",
                    ]))
                    return
                }
                let found = matches(topic)
                if found.isEmpty {
                    try await context.show(TextPane(title: "\\h " + topic, lines: [
                        "No help available for \"\(topic)\".", "Try \\h with no arguments to see available help."]))
                    return
                }
                var lines: [String] = []
                for command in found {
                    let page = command.page ?? command.name.lowercased().replacingEvery(" ", with: "")
                    lines += ["Command:     " + command.name, "URL: \(base)sql-\(page).html", ""]
                }
                try await context.show(TextPane(title: "\\h " + topic, lines: lines))
            })
    }

    /// The commands a topic names: all for `*`; else the one whose name is the whole
    /// topic, else those starting with the topic, then with its first two words, then
    /// its first word (case-insensitive), as psql matches.
    static func matches(_ topic: String) -> [(name: String, page: String?)] {
        if topic == "*" { return commands }
        let upper = topic.uppercased()
        if let exact = commands.first(where: { $0.name == upper }) { return [exact] }
        var tries = [upper]
        let words = upper.split(separator: " ", omittingEmptySubsequences: false)
        if words.count > 2 { tries.append(words.prefix(2).joined(separator: " ")) }
        if words.count > 1 { tries.append(String(words[0])) }
        for prefix in tries {
            let found = commands.filter { $0.name.hasPrefix(prefix) }
            if !found.isEmpty { return found }
        }
        return []
    }

    /// The names in `columns` columns, filled top to bottom.
    static func listing(columns: Int) -> [String] {
        let width = (commands.map(\.name.count).max() ?? 0) + 2
        let rows = (commands.count + columns - 1) / columns
        var lines = ["Available help:"]
        for r in 0..<rows {
            var line = " "
            for c in 0..<columns {
                let i = c * rows + r
                guard i < commands.count else { continue }
                let name = commands[i].name
                line += " " + (c == columns - 1 || i + rows >= commands.count ? name : name.padded(toLength: width))
            }
            lines.append(line)
        }
        return lines
    }
}
