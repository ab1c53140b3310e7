import PsqluiPluginAPI

/// One setting psqlui reads from a config file: its dotted name (`display.border`
/// is `border` in the `[display]` table), what values it takes, and its default.
public struct ConfigKey: Sendable {
    /// The values a setting takes.
    public enum Kind: Sendable {
        case string
        case bool
        case integer(ClosedRange<Int>)
        case choice([String])
        /// `expanded`: true, false or "auto".
        case expanded
    }

    /// The dotted name.
    public let name: String
    /// The values it takes.
    public let kind: Kind
    /// The built-in default (nil: none; the environment or psqlui decides).
    public let defaultValue: ConfigValue?

    public static let displayNull = ConfigKey(name: "display.null", kind: .string, defaultValue: .string(""))
    public static let displayBorder = ConfigKey(name: "display.border", kind: .integer(0...2), defaultValue: .integer(1))
    public static let displayFormat = ConfigKey(name: "display.format", kind: .choice(["aligned", "unaligned"]), defaultValue: .string("aligned"))
    public static let displayExpanded = ConfigKey(name: "display.expanded", kind: .expanded, defaultValue: .bool(false))
    public static let displayFooter = ConfigKey(name: "display.footer", kind: .bool, defaultValue: .bool(true))
    /// Colour at a terminal (`NO_COLOR` still turns it off).
    public static let displayColor = ConfigKey(name: "display.color", kind: .bool, defaultValue: .bool(true))
    public static let displayTiming = ConfigKey(name: "display.timing", kind: .bool, defaultValue: .bool(false))
    public static let pager = ConfigKey(name: "pager", kind: .string, defaultValue: nil)
    public static let editor = ConfigKey(name: "editor", kind: .string, defaultValue: nil)
    public static let historySize = ConfigKey(name: "history.size", kind: .integer(0...1_000_000), defaultValue: .integer(2000))
    public static let historyPath = ConfigKey(name: "history.path", kind: .string, defaultValue: nil)
    public static let prompt1 = ConfigKey(name: "prompt.prompt1", kind: .string, defaultValue: nil)
    public static let prompt2 = ConfigKey(name: "prompt.prompt2", kind: .string, defaultValue: nil)
    public static let warnDestructive = ConfigKey(name: "warn_destructive", kind: .bool, defaultValue: .bool(true))

    /// Every setting, in the order `--print-config` lists them.
    public static let all: [ConfigKey] = [
        displayNull, displayBorder, displayFormat, displayExpanded, displayFooter, displayColor, displayTiming,
        pager, editor, historySize, historyPath, prompt1, prompt2, warnDestructive,
    ]

    /// The tables that hold settings (`[display]`, …); other tables are unknown.
    public static let sections: Set<String> = Set(all.compactMap { key in
        key.name.split(separator: ".").count == 2 ? String(key.name.split(separator: ".")[0]) : nil
    })

    /// The setting called `name`, if psqlui knows it.
    public static func named(_ name: String) -> ConfigKey? { all.first { $0.name == name } }

    /// `value` in this setting's canonical form, or what was expected instead.
    public func validate(_ value: ConfigValue) -> Result<ConfigValue, ConfigValueError> {
        switch (kind, value) {
        case (.string, .string): return .success(value)
        case (.string, _): return .failure(ConfigValueError(expected: "a string"))
        case (.bool, .bool): return .success(value)
        case (.bool, _): return .failure(ConfigValueError(expected: "true or false"))
        case (.integer(let range), .integer(let i)) where range.contains(i): return .success(value)
        case (.integer(let range), _):
            return .failure(ConfigValueError(expected: "an integer from \(range.lowerBound) to \(range.upperBound)"))
        case (.choice(let choices), .string(let s)) where choices.contains(s): return .success(value)
        case (.choice(let choices), _): return .failure(ConfigValueError(expected: "one of " + choices.map { "\"\($0)\"" }.joined(separator: ", ")))
        case (.expanded, .bool), (.expanded, .string("auto")): return .success(value)
        case (.expanded, _): return .failure(ConfigValueError(expected: "true, false or \"auto\""))
        }
    }
}

/// A config value of the wrong type: what the setting expected.
public struct ConfigValueError: Error, Sendable, Equatable {
    /// What the setting takes, in words ("true or false").
    public let expected: String
}
