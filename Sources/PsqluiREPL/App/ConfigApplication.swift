import FoundationEssentials
import Glibc
import PsqluiCore
import PsqluiPluginAPI

/// The config files' part of a run: loads them (none with `-X`), records which
/// settings the command line already decided, and applies the effective settings to
/// the evaluator. `--print-config` shows the same store.
public enum ConfigApplication {
    /// The config for `options`: files, then what the command line set.
    public static func load(_ options: LaunchOptions,
                            environment: [String: String] = ProcessInfo.processInfo.environment) -> ConfigStore {
        var config = ConfigStore.load(environment: environment, skipFiles: options.skipConfig)
        let print = options.printSettings
        for name in options.commandLineSettings {
            switch name {
            case ConfigKey.displayNull.name: config.setFromCommandLine(.displayNull, .string(print.nullString))
            case ConfigKey.displayBorder.name: config.setFromCommandLine(.displayBorder, .integer(print.border))
            case ConfigKey.displayFormat.name: config.setFromCommandLine(.displayFormat, .string(print.format.rawValue))
            case ConfigKey.displayFooter.name: config.setFromCommandLine(.displayFooter, .bool(print.footer))
            case ConfigKey.displayExpanded.name:
                config.setFromCommandLine(.displayExpanded, print.expanded == .auto ? .string("auto") : .bool(print.expanded == .on))
            default: break
            }
        }
        for (name, value) in options.variables {
            switch name {
            case "PROMPT1": config.setFromCommandLine(.prompt1, .string(value))
            case "PROMPT2": config.setFromCommandLine(.prompt2, .string(value))
            case DestructiveWarning.variable:
                config.setFromCommandLine(.warnDestructive, .bool(VariableStore.parseBool(value) ?? true))
            default: break
            }
        }
        return config
    }

    /// Applies every setting a file or the command line set (defaults are already in
    /// place). The pager and editor go in as `$PSQLUI_PAGER`/`$PSQLUI_EDITOR` unless
    /// those are set, so the environment still wins over a file.
    public static func apply(_ config: ConfigStore, to evaluator: Evaluator) {
        var print = evaluator.printSettings
        if config.isSet(.displayNull), let s = config.value(.displayNull)?.stringValue { print.nullString = s }
        if config.isSet(.displayBorder), let b = config.value(.displayBorder)?.integerValue { print.border = b }
        if config.isSet(.displayFormat), let f = config.value(.displayFormat)?.stringValue.flatMap(PrintSettings.Format.screenFormat(named:)) { print.format = f }
        if config.isSet(.displayFooter), let f = config.value(.displayFooter)?.boolValue { print.footer = f }
        if let c = config.value(.displayColor)?.boolValue { print.colorAllowed = c }
        if config.isSet(.displayExpanded), let x = config.value(.displayExpanded) {
            print.expanded = x == .string("auto") ? .auto : (x.boolValue == true ? .on : .off)
        }
        evaluator.printSettings = print
        if let t = config.value(.displayTiming)?.boolValue { evaluator.timing = t }
        if let pager = config.value(.pager)?.stringValue {
            if pager == "off" { evaluator.pager = .off } else { setenv("PSQLUI_PAGER", pager, 0) }
        }
        if let editor = config.value(.editor)?.stringValue { setenv("PSQLUI_EDITOR", editor, 0) }
        if let p = config.value(.prompt1)?.stringValue { evaluator.variables["PROMPT1"] = p }
        if let p = config.value(.prompt2)?.stringValue { evaluator.variables["PROMPT2"] = p }
        if config.isSet(.warnDestructive), let w = config.value(.warnDestructive)?.boolValue {
            evaluator.variables[DestructiveWarning.variable] = w ? "on" : "off"
        }
    }

    /// The history file for the interactive session.
    static func history(_ config: ConfigStore) -> HistoryStore {
        let limit = config.value(.historySize)?.integerValue ?? 2000
        let path = config.value(.historyPath)?.stringValue.map { UserPath.expand($0) }
        return HistoryStore(path: path, limit: Int32(clamping: limit))
    }

    /// `psqlui --print-config`: every effective setting and where it came from, on
    /// stdout; problems with the files on stderr.
    public static func printConfig(_ options: LaunchOptions) -> Int32 {
        let config = load(options)
        for message in config.messages { StandardStreams.writeError(message + "\n") }
        let text = config.printedLines().joined(separator: "\n") + "\n"
        StandardStreams.writeOutput(text)
        return ExitCode.success
    }
}
