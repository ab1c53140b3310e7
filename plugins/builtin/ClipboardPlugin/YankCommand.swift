import Glibc
import PsqluiPluginAPI

/// `:yank [FORMAT]`: runs the query buffer (else the previous statement) and copies its
/// result, rendered in an export format (tsv by default: it pastes into spreadsheets
/// as cells), to the clipboard.
struct YankCommand {
    /// The plugin's settings (`[plugins.clipboard]`).
    struct Settings: Equatable {
        /// nil: choose at each copy (`ClipboardMethod.automatic`).
        var method: ClipboardMethod?
        var maxBytes = 1 << 20
        var format = "tsv"

        /// Reads `method`, `max_bytes` and `format`; a bad value is an activation error.
        init(config: [String: ConfigValue]) throws {
            if let m = config["method"] {
                guard let s = m.stringValue, s == "auto" || ClipboardMethod(rawValue: s) != nil else {
                    throw ClipboardError("[plugins.clipboard] method: expected auto, " + ClipboardMethod.allCases.map(\.rawValue).joined(separator: ", "))
                }
                method = ClipboardMethod(rawValue: s)
            }
            if let n = config["max_bytes"] {
                guard let i = n.integerValue, i > 0 else { throw ClipboardError("[plugins.clipboard] max_bytes: expected a positive number of bytes") }
                maxBytes = i
            }
            if let f = config["format"] {
                guard let s = f.stringValue, !s.isEmpty else { throw ClipboardError("[plugins.clipboard] format: expected a format name") }
                format = s
            }
        }
        init() {}
    }

    let settings: Settings
    let intel: SqlIntelService

    /// Statement kinds that only read: running them again for the copy is harmless.
    static let readOnlyKinds: Set<String> = ["select", "with", "values", "table", "show", "explain"]

    var spec: CommandSpec {
        CommandSpec(
            name: "yank",
            summary: "copy the query buffer's result (else the previous statement's) to the clipboard",
            usage: ":yank [FORMAT]",
            examples: [":yank            (tab-separated, pastes into a spreadsheet)", ":yank csv", ":yank markdown"],
            group: "Output",
            completion: .formats,
            handler: { invocation, context in try await self.run(invocation, context) })
    }

    func run(_ invocation: CommandInvocation, _ context: CommandContext) async throws {
        guard context.isInteractive else {
            throw ClipboardError(":yank copies at a terminal; in a script use :export FORMAT | wl-copy (or xclip, pbcopy)")
        }
        let words = invocation.words
        guard words.count <= 1 else { throw ClipboardError("usage: :yank [FORMAT]") }
        let format = try await context.exportFormat(named: words.first ?? settings.format)
        guard !format.isBinary else { throw ClipboardError("\(format.name) is binary; the clipboard takes text (use :export \(format.name) > FILE)") }
        let exporter = try format.make(ExportOptions())

        let sql = try await statement(context)
        let table = try await context.session.query(sql)
        var text: [UInt8] = []
        let limit = settings.maxBytes
        let output = OutputBuffer(capacity: 64 * 1024) { bytes in
            guard text.count + bytes.count <= limit else { throw YankTooLarge() }
            text.append(contentsOf: bytes)
        }
        do {
            try await table.export(through: exporter, into: output)
        } catch is YankTooLarge {
            throw ClipboardError("the result is over the clipboard limit of \(Self.size(limit)) ([plugins.clipboard] max_bytes); use :export \(format.name) > FILE")
        }
        let method = settings.method ?? ClipboardMethod.automatic(environment: Self.environment(), isInstalled: ClipboardWriter.isInstalled)
        try ClipboardWriter.copy(text, with: method)
        let rows = table.rows.count
        context.write("Copied \(rows) row\(rows == 1 ? "" : "s") (\(Self.size(text.count)), \(format.name)) to the clipboard (\(method.rawValue)).")
    }

    /// The query buffer, else the previous statement (asking first when that one may
    /// write), without trailing semicolons.
    private func statement(_ context: CommandContext) async throws -> String {
        var sql = Self.trimmed(context.queryBuffer)
        if sql.isEmpty {
            sql = Self.trimmed(context.previousStatement ?? "")
            guard !sql.isEmpty else { throw ClipboardError("nothing to copy: type a query (without ;) and :yank, or run one first") }
            let kind = intel.analyze(sql).statementKind
            if !Self.readOnlyKinds.contains(kind.split(separator: " ").first.map(String.init) ?? kind) {
                guard await context.confirm("The previous statement was not a query (\(kind)). Run it again to copy its result?") else {
                    throw ClipboardError("not copied: the previous statement (\(kind)) would run again")
                }
            }
        }
        while sql.hasSuffix(";") { sql = Self.trimmed(String(sql.dropLast())) }
        return sql
    }

    static func trimmed(_ s: String) -> String {
        var t = Substring(s)
        while let c = t.first, c.isWhitespace { t = t.dropFirst() }
        while let c = t.last, c.isWhitespace { t = t.dropLast() }
        return String(t)
    }

    /// `812 bytes`, `1.5 MiB`.
    static func size(_ n: Int) -> String {
        if n < 1024 { return "\(n) byte\(n == 1 ? "" : "s")" }
        if n < 1 << 20 { return "\((Double(n) / 1024 * 10).rounded() / 10) KiB" }
        return "\((Double(n) / Double(1 << 20) * 10).rounded() / 10) MiB"
    }

    static func environment() -> [String: String] {
        var env: [String: String] = [:]
        for key in ["TMUX", "SSH_TTY", "SSH_CONNECTION", "WAYLAND_DISPLAY", "DISPLAY"] {
            if let v = getenv(key) { env[key] = String(cString: v) }
        }
        return env
    }
}

/// The rendered result grew past `max_bytes` (stops the export early).
struct YankTooLarge: Error {}
