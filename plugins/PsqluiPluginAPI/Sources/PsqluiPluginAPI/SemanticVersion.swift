/// A semantic version (`MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]`, semver.org 2.0).
///
/// The API's own small value type, so that the API package has no dependencies; the
/// host may use a full semver library to decide compatibility.
public struct SemanticVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Incompatible API changes.
    public var major: Int
    /// Backwards-compatible additions.
    public var minor: Int
    /// Backwards-compatible fixes.
    public var patch: Int
    /// Pre-release identifiers (`["beta", "1"]` for `-beta.1`); empty for a release.
    public var prerelease: [String]
    /// Build metadata (`+build.5`); ignored for ordering and equality of precedence.
    public var build: [String]

    /// Creates a version from its parts.
    public init(_ major: Int, _ minor: Int, _ patch: Int, prerelease: [String] = [], build: [String] = []) {
        self.major = major
        self.minor = minor
        self.patch = patch
        self.prerelease = prerelease
        self.build = build
    }

    /// Parses `1.2.3`, `1.2.3-rc.1`, `1.2.3+abc`; nil for anything else (a missing
    /// part, a leading `v`, a negative or non-numeric number, an empty identifier).
    public init?(_ text: String) {
        var rest = Substring(text)
        var build: [String] = []
        if let plus = rest.firstIndex(of: "+") {
            build = rest[rest.index(after: plus)...].split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            rest = rest[..<plus]
            if build.contains(where: \.isEmpty) { return nil }
        }
        var prerelease: [String] = []
        if let dash = rest.firstIndex(of: "-") {
            prerelease = rest[rest.index(after: dash)...].split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            rest = rest[..<dash]
            if prerelease.contains(where: \.isEmpty) { return nil }
        }
        let parts = rest.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return nil }
        var numbers: [Int] = []
        for part in parts {
            guard !part.isEmpty, part.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(part) else { return nil }
            numbers.append(n)
        }
        self.init(numbers[0], numbers[1], numbers[2], prerelease: prerelease, build: build)
    }

    /// `1.2.3-rc.1+abc`.
    public var description: String {
        var s = "\(major).\(minor).\(patch)"
        if !prerelease.isEmpty { s += "-" + prerelease.joined(separator: ".") }
        if !build.isEmpty { s += "+" + build.joined(separator: ".") }
        return s
    }

    /// Semver precedence: numbers first; a pre-release sorts before its release;
    /// numeric identifiers compare numerically and sort before alphanumeric ones.
    public static func < (lhs: SemanticVersion, rhs: SemanticVersion) -> Bool {
        if lhs.major != rhs.major { return lhs.major < rhs.major }
        if lhs.minor != rhs.minor { return lhs.minor < rhs.minor }
        if lhs.patch != rhs.patch { return lhs.patch < rhs.patch }
        switch (lhs.prerelease.isEmpty, rhs.prerelease.isEmpty) {
        case (true, true), (true, false): return false
        case (false, true): return true
        case (false, false): break
        }
        for (a, b) in zip(lhs.prerelease, rhs.prerelease) where a != b {
            switch (Int(a), Int(b)) {
            case let (x?, y?): return x < y
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return a < b
            }
        }
        return lhs.prerelease.count < rhs.prerelease.count
    }
}
