import FoundationEssentials
import PsqluiCore
import PsqluiPluginAPI
import PsqluiREPL

/// Writes `man/psqlui.1` (roff) from the real definitions: the options come from
/// swift-argument-parser's own description of the CLI (`--experimental-dump-help`),
/// the colon commands from the command registry (built-ins, no outside plugins)
/// plus the REPL's own meta-commands. `psqlui --generate-man-page` prints it.
enum ManPageWriter {
    /// One option as the argument parser describes it.
    struct Option {
        var names: [String]
        var valueName: String?
        var help: String
    }

    /// psql meta-commands with no colon form of their own.
    static let scriptOnlyCommands: [(String, String)] = [
        ("\\g [FILE|\\(bv|CMD], \\gx", "Run the query buffer (or the previous statement), to a file or a pipe."),
        ("\\o [FILE|\\(bv|CMD]", "Send all query results to a file or a pipe; alone, back to stdout."),
        ("\\if, \\elif, \\else, \\endif", "Conditional blocks, as in psql."),
    ]

    static func render(toolInfo: Data, commands: [CommandDescription]) throws -> String {
        let options = try parseOptions(toolInfo)
        var out = """
        .TH PSQLUI 1 "" "psqlui \(PsqluiCoreInfo.version)" "User Commands"
        .SH NAME
        psqlui \\- a PostgreSQL client for the terminal
        .SH SYNOPSIS
        .B psqlui
        [\\fIOPTION\\fR]... [\\fIDBNAME\\fR [\\fIUSERNAME\\fR]]
        .SH DESCRIPTION
        psqlui reads SQL at a prompt with completion and history, runs scripts with
        psql's meta-commands and exit codes, and exports results through exporters.
        It connects as psql does (libpq: PG* variables, ~/.pgpass, service files, URIs).
        .SH OPTIONS

        """
        for option in options {
            let names = option.names.map { escape($0) }.joined(separator: ", ")
            out += ".TP\n\\fB\(names)\\fR" + (option.valueName.map { " \\fI\(escape($0.uppercased()))\\fR" } ?? "") + "\n"
            out += escape(option.help) + "\n"
        }
        out += ".SH COMMANDS\nColon commands are typed at the start of a line; psql's backslash forms work too.\n"
        for (psql, summary) in scriptOnlyCommands {
            out += ".TP\n\\fB\(escape(psql))\\fR\n\(escape(summary))\n"
        }
        for spec in commands.sorted(by: { $0.name < $1.name }) {
            let aliases = spec.aliases.isEmpty ? "" : " (" + spec.aliases.map { $0.hasPrefix("\\") ? $0 : ":" + $0 }.joined(separator: ", ") + ")"
            out += ".TP\n\\fB\(escape(spec.usage.isEmpty ? spec.displayName : spec.usage))\\fR\(escape(aliases))\n\(escape(spec.summary))\n"
        }
        out += """
        .SH ENVIRONMENT
        .TP
        \\fBPGHOST\\fR, \\fBPGPORT\\fR, \\fBPGUSER\\fR, \\fBPGDATABASE\\fR, \\fBPGPASSWORD\\fR, ...
        Connection defaults, as for every libpq client.
        .TP
        \\fBPSQLUI_PAGER\\fR, \\fBPAGER\\fR
        The pager for results taller or wider than the terminal (else less \\-SRFX).
        .TP
        \\fBPSQLUI_EDITOR\\fR, \\fBEDITOR\\fR, \\fBVISUAL\\fR
        The editor for :edit.
        .TP
        \\fBPSQLUI_PLUGIN_PATH\\fR
        More directories with plugins.
        .TP
        \\fBXDG_CONFIG_HOME\\fR, \\fBXDG_STATE_HOME\\fR, \\fBXDG_DATA_HOME\\fR
        Where the config, the history and plugins live.
        .TP
        \\fBNO_COLOR\\fR
        No colour in output.
        .SH FILES
        .TP
        \\fI~/.config/psqlui/config.toml\\fR
        The user's config.
        .TP
        \\fI.psqlui/config.toml\\fR
        A project's config, in the current directory or a parent; read only once trusted (\\-\\-trust\\-project).
        .TP
        \\fI~/.local/share/psqlui/plugins\\fR
        Outside plugins.
        .SH EXIT STATUS
        0 success; 1 a fatal error or a failing \\-c; 2 the connection failed or was lost;
        3 a script error under ON_ERROR_STOP.
        .SH EXAMPLES
        .TP
        psqlui \\-\\-temp
        Try psqlui on a throwaway local database.
        .TP
        psqlui \\-Atc 'select count(*) from orders' app
        One value for a shell script.
        .TP
        psqlui \\-v ON_ERROR_STOP=1 \\-f migrate.sql
        Run a migration; stop at the first error (exit 3).
        .SH SEE ALSO
        psql(1)

        """
        return out
    }

    /// The part of swift-argument-parser's `--experimental-dump-help` JSON the man page uses.
    private struct DumpedHelp: Decodable {
        struct Command: Decodable { var arguments: [Argument]? }
        struct Argument: Decodable {
            struct Name: Decodable { var name: String?; var kind: String? }
            var shouldDisplay: Bool?
            var kind: String?
            var names: [Name]?
            var valueName: String?
            var abstract: String?
        }
        var command: Command?
    }

    static func parseOptions(_ data: Data) throws -> [Option] {
        let arguments = try JSONDecoder().decode(DumpedHelp.self, from: data).command?.arguments ?? []
        return arguments.compactMap { argument in
            guard argument.shouldDisplay != false, argument.kind != "positional", let names = argument.names else { return nil }
            let rendered = names.compactMap { n -> String? in
                guard let name = n.name else { return nil }
                return (n.kind == "long" ? "--" : "-") + name
            }
            let valueName = argument.kind == "option" ? argument.valueName : nil
            return Option(names: rendered, valueName: valueName, help: argument.abstract ?? "")
        }
    }

    /// roff escaping: backslashes and leading dots/quotes; `-` as `\-`.
    static func escape(_ s: String) -> String {
        var t = s.replacingEvery("\\", with: "\\e").replacingEvery("-", with: "\\-")
        t = t.replacingEvery("\\e(bv", with: "\\(bv")
        if t.hasPrefix(".") || t.hasPrefix("'") { t = "\\&" + t }
        return t
    }
}
