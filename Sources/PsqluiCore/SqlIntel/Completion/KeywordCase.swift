/// How completed keywords are spelt: psql's `COMP_KEYWORD_CASE` variable.
public enum KeywordCase: String, Sendable, CaseIterable {
    case lower, upper
    /// Follow the case of what was typed; lower case when nothing (or no letter) was typed.
    case preserveLower = "preserve-lower"
    /// Follow the case of what was typed; upper case when nothing was typed (psql's default).
    case preserveUpper = "preserve-upper"

    /// The mode a variable's value names; psql's default for an unknown or missing one.
    public init(variable value: String?) {
        self = value.flatMap { KeywordCase(rawValue: $0.lowercased()) } ?? .preserveUpper
    }

    /// True when keywords completing the word `typed` are written in lower case. The
    /// preserving modes look at the first character typed, as psql does.
    public func lowercase(typed: String) -> Bool {
        let first = typed.unicodeScalars.first
        let isLower = first.map { $0.properties.isLowercase } ?? false
        let isLetter = first.map { $0.properties.isAlphabetic } ?? false
        switch self {
        case .lower: return true
        case .upper: return false
        case .preserveUpper: return isLower
        case .preserveLower: return isLower || !isLetter
        }
    }
}
