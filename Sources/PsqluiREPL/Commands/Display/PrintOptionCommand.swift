import PsqluiCore
import PsqluiPluginAPI

/// A psql shortcut for one `\pset` option (`\x`, `\t`, `\a`, `\H`, `\C`, `\T`, `\f`):
/// its value comes from the call (or from the current settings, for a toggle) and is
/// applied through the settings model like `\pset NAME VALUE`.
struct PrintOptionCommand: REPLCommand {
    let about: CommandDescription
    let grammar = ArgumentGrammar.psql
    /// The `\pset` option it sets.
    let option: String
    /// The value to apply: the first argument, or a toggle of the current settings.
    let value: (PrintSettings, CommandCall) -> String?
    /// `\a` and `\H` take no argument, the others one.
    var argumentLimit: Int? { option == "format" ? 0 : 1 }

    /// Every shortcut, each registered once.
    static let all: [PrintOptionCommand] = [
        PrintOptionCommand(about: CommandDescription(name: "expanded", aliases: ["x", "\\x"], summary: "expanded (vertical) records",
                                                     usage: ":expanded [on|off|auto]", group: "Display"),
                           option: "expanded", value: { _, call in call.words.first }),
        PrintOptionCommand(about: CommandDescription(name: "\\t", summary: "show only rows (no header, no footer)",
                                                     usage: "\\t [on|off]", group: "Display"),
                           option: "tuples_only", value: { _, call in call.words.first }),
        PrintOptionCommand(about: CommandDescription(name: "\\a", summary: "toggle between aligned and unaligned output",
                                                     usage: "\\a", group: "Display"),
                           option: "format", value: { settings, _ in settings.format != .aligned ? "aligned" : "unaligned" }),
        PrintOptionCommand(about: CommandDescription(name: "\\H", aliases: ["\\html"], summary: "toggle HTML output",
                                                     usage: "\\H", group: "Display"),
                           option: "format", value: { settings, _ in settings.format == .html ? "aligned" : "html" }),
        PrintOptionCommand(about: CommandDescription(name: "\\C", summary: "set the table title, or unset it",
                                                     usage: "\\C [TITLE]", group: "Display"),
                           option: "title", value: { _, call in call.words.first }),
        PrintOptionCommand(about: CommandDescription(name: "\\T", summary: "set the HTML table tag's attributes, or unset them",
                                                     usage: "\\T [ATTRIBUTES]", group: "Display"),
                           option: "tableattr", value: { _, call in call.words.first }),
        PrintOptionCommand(about: CommandDescription(name: "\\f", summary: "show or set the field separator of unaligned output",
                                                     usage: "\\f [SEPARATOR]", group: "Display"),
                           option: "fieldsep", value: { _, call in call.words.first }),
    ]

    func run(_ call: CommandCall, in env: CommandEnvironment) -> StepResult {
        env.applyPrintOption(option, value(env.evaluator.printSettings, call))
    }
}

extension CommandEnvironment {
    /// Applies one `\pset` option through the settings model and prints psql's
    /// confirmation unless QUIET; an unknown option or bad value is reported.
    func applyPrintOption(_ name: String, _ value: String?) -> StepResult {
        do {
            let line = try evaluator.printSettings.applyPset(name, value)
            // A format set here replaces an export format of another name (`--csv`,
            // then `\pset format wrapped`), as psql's one format setting does.
            if name == "format", let format = evaluator.resultFormat, format.spec.name != evaluator.printSettings.format.rawValue {
                evaluator.resultFormat = nil
            }
            if let line { return confirm(line) }
            return .ok
        } catch let error as PrintSettings.PsetError {
            evaluator.reportError(error.description)
            return .failed
        } catch {
            evaluator.reportError("\\pset: \(error)")
            return .failed
        }
    }
}
