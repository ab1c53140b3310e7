import PsqluiCore

/// `\pset OPTION [VALUE]`: psql's print settings (null, border, format, tuples_only,
/// footer, expanded, fieldsep, recordsep).
struct PsetCommand: REPLCommand {
    let about = CommandDescription(name: "\\pset", summary: "set a print option (null, border, format, tuples_only, footer, …)",
                                   usage: "\\pset OPTION [VALUE]", group: "Display")
    let grammar = ArgumentGrammar.psql

    func run(_ call: CommandCall, in env: CommandEnvironment) -> StepResult {
        let evaluator = env.evaluator
        let args = call.words
        guard let option = args.first else {
            evaluator.reportError("\\pset: missing required argument")
            return .failed
        }
        let value = args.count > 1 ? args[1] : nil
        var s = evaluator.printSettings
        switch option {
        case "null": s.nullString = value ?? ""
        case "border": s.border = Int(value ?? "1") ?? 1
        case "format":
            guard let v = value, let f = PrintSettings.Format(rawValue: v) else {
                evaluator.reportError("\\pset: allowed formats are aligned, unaligned")
                return .failed
            }
            s.format = f
        case "tuples_only": s.tuplesOnly = value.flatMap(VariableStore.parseBool) ?? !s.tuplesOnly
        case "footer": s.footer = value.flatMap(VariableStore.parseBool) ?? !s.footer
        case "expanded", "x":
            if value == "auto" { s.expanded = .auto } else {
                s.expanded = (value.flatMap(VariableStore.parseBool) ?? (s.expanded != .on)) ? .on : .off
            }
        case "fieldsep": s.fieldSeparator = Array((value ?? "|").utf8)
        case "recordsep": s.recordSeparator = Array((value ?? "\n").utf8)
        default:
            evaluator.reportError("\\pset: unknown option: \(option)")
            return .failed
        }
        evaluator.printSettings = s
        return .ok
    }
}
