import ArgumentParser
import PsqluiCore

/// `-P NAME=VALUE` (psql's `\pset` from the command line).
enum PsetOption {
    static func apply(name: String, value: String, to settings: inout PrintSettings) throws {
        switch name {
        case "null": settings.nullString = value
        case "border": settings.border = Int(value) ?? 1
        case "format":
            switch value {
            case "aligned": settings.format = .aligned
            case "unaligned": settings.format = .unaligned
            default: throw ValidationError("-P format: \(value) is not one of aligned, unaligned")
            }
        case "fieldsep": settings.fieldSeparator = Array(value.utf8)
        case "recordsep": settings.recordSeparator = Array(value.utf8)
        case "tuples_only", "t": settings.tuplesOnly = VariableStore.parseBool(value) ?? true
        case "footer": settings.footer = VariableStore.parseBool(value) ?? true
        case "expanded", "x":
            settings.expanded = value == "auto" ? .auto : ((VariableStore.parseBool(value) ?? true) ? .on : .off)
        default:
            throw ValidationError("-P: unknown option \(name)")
        }
    }
}
