import FoundationEssentials
import PsqluiPluginAPI

/// `\sf[+] FUNCTION` and `\sv[+] VIEW` (`:source`, `:viewsource`): a function's or
/// view's definition as the server reconstructs it (`pg_get_functiondef`,
/// `pg_get_viewdef`); `+` numbers the lines, a function's from the first line of its
/// body, as psql does.
public enum SourceCommands {
    static var all: [CommandSpec] { [function, view] }

    static var function: CommandSpec {
        CommandSpec(
            name: "source", aliases: ["source+", "\\sf", "\\sf+"],
            summary: "show a function's definition (\\sf; + numbers lines)", usage: ":source[+] FUNCTION[(ARGTYPES)]",
            examples: [":source order_total", "\\sf+ order_total(int)"], group: "Catalog", completion: .relations,
            handler: { invocation, context in
                let name = try objectName(invocation, missing: "function name is required", context: context)
                try await show(try await functionDefinition(name, context: context), numbered: invocation.name.hasSuffix("+"),
                               isFunction: true, title: "\\sf " + name, context: context)
            })
    }

    static var view: CommandSpec {
        CommandSpec(
            name: "viewsource", aliases: ["viewsource+", "\\sv", "\\sv+"],
            summary: "show a view's definition (\\sv; + numbers lines)", usage: ":viewsource[+] VIEW",
            examples: [":viewsource customer_total", "\\sv+ customer_total"], group: "Catalog", completion: .relations,
            handler: { invocation, context in
                let name = try objectName(invocation, missing: "view name is required", context: context)
                let text = try await viewDefinition(name, context: context)
                try await show(text, numbered: invocation.name.hasSuffix("+"), isFunction: false,
                               title: "\\sv " + name, context: context)
            })
    }

    /// A function's definition as `pg_get_functiondef` gives it (`\sf`, `\ef`); the
    /// server's error is reported, as psql does, when there is no such function.
    public static func functionDefinition(_ name: String, context: CommandContext) async throws -> String {
        let type = name.contains("(") ? "regprocedure" : "regproc"
        let oid = try await lookup(name, type: type, context: context)
        let r = try await context.session.query("SELECT pg_catalog.pg_get_functiondef(\(oid))")
        return r.rows.first?[0] ?? ""
    }

    /// A view's `CREATE OR REPLACE VIEW` statement, as psql builds it for `\sv` and
    /// `\ev` (options and check option included, no final semicolon).
    public static func viewDefinition(_ name: String, context: CommandContext) async throws -> String {
        let oid = try await lookup(name, type: "regclass", context: context)
        let r = try await context.session.query("""
            SELECT n.nspname, c.relname, c.relkind, pg_catalog.pg_get_viewdef(c.oid, true),
              pg_catalog.array_to_string(pg_catalog.array_remove(pg_catalog.array_remove(c.reloptions, 'check_option=local'), 'check_option=cascaded'), E'\\n'),
              CASE WHEN 'check_option=local' = ANY (c.reloptions) THEN 'LOCAL'
                   WHEN 'check_option=cascaded' = ANY (c.reloptions) THEN 'CASCADED' END,
              pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(c.relname)
            FROM pg_catalog.pg_class c LEFT JOIN pg_catalog.pg_namespace n ON c.relnamespace = n.oid
            WHERE c.oid = \(oid)
            """)
        guard let row = r.rows.first else { throw CatalogCommandFailed() }
        var text: String
        switch row[2] {
        case "v": text = "CREATE OR REPLACE VIEW "
        default:
            context.writeError("\"\(row[0] ?? "").\(row[1] ?? "")\" is not a view")
            throw CatalogCommandFailed()
        }
        text += row[6] ?? ""
        if let options = row[4], !options.isEmpty {
            text += "\n WITH (" + options.split(separator: "\n").map(quotedOption).joined(separator: ", ") + ")"
        }
        var definition = row[3] ?? ""
        if definition.hasSuffix(";") { definition.removeLast() }
        text += " AS\n" + definition
        if let check = row[5] { text += "\n WITH " + check + " CHECK OPTION" }
        return text
    }

    /// The whole argument line (psql reads it verbatim: quotes and argument types
    /// included); reports `missing` when it is empty.
    static func objectName(_ invocation: CommandInvocation, missing: String, context: CommandContext) throws -> String {
        let name = invocation.arguments.trimmingWhitespace()
        if name.isEmpty {
            context.writeError(missing)
            throw CatalogCommandFailed()
        }
        return name
    }

    /// The object's OID from a `::regproc`/`::regprocedure`/`::regclass` cast; the
    /// server's error, reported as psql does (`ERROR:  function "f" does not exist`).
    static func lookup(_ name: String, type: String, context: CommandContext) async throws -> String {
        let literal = "'" + name.replacingEvery("'", with: "''") + "'"
        do {
            let r = try await context.session.query("SELECT \(literal)::pg_catalog.\(type)::pg_catalog.oid")
            return r.rows.first?[0] ?? "0"
        } catch let error as QueryError {
            context.writeError("ERROR:  " + error.message)
            throw CatalogCommandFailed()
        }
    }

    /// `name=value` with the value as a string literal (`security_barrier='true'`).
    static func quotedOption(_ option: Substring) -> String {
        guard let eq = option.firstIndex(of: "=") else { return String(option) }
        let value = option[option.index(after: eq)...].replacingEvery("'", with: "''")
        return option[..<eq] + "='" + value + "'"
    }

    /// Prints the definition; with `numbered`, lines numbered from 1 — a function's
    /// header lines (before the one that starts `AS `, `BEGIN ` or `RETURN `) unnumbered.
    static func show(_ text: String, numbered: Bool, isFunction: Bool, title: String, context: CommandContext) async throws {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        if numbered {
            var inHeader = isFunction
            var number = 0
            lines = lines.map { line in
                if inHeader, line.hasPrefix("AS ") || line.hasPrefix("BEGIN ") || line.hasPrefix("RETURN ") { inHeader = false }
                if inHeader { return "        " + line }
                number += 1
                let label = String(number)
                return label + String(repeating: " ", count: max(0, 7 - label.count)) + " " + line
            }
        }
        try await context.show(TextPane(title: title, lines: lines))
    }
}
