import PsqluiPluginAPI

/// Semantic Versioning 2.0.0 precedence (semver.org §11), the core's one version
/// ordering: major, minor and patch numerically; a pre-release before its release;
/// pre-release identifiers left to right — numeric ones by value (any length),
/// alphanumeric ones in ASCII order, numeric before alphanumeric, and a longer list
/// after its own prefix. Build metadata is ignored.
public enum SemverPrecedence {
    /// The order of two versions by precedence.
    public enum Order: Sendable, Equatable { case lower, same, higher }

    /// How `a` compares with `b`.
    public static func compare(_ a: SemanticVersion, _ b: SemanticVersion) -> Order {
        for (x, y) in [(a.major, b.major), (a.minor, b.minor), (a.patch, b.patch)] where x != y {
            return x < y ? .lower : .higher
        }
        switch (a.prerelease.isEmpty, b.prerelease.isEmpty) {
        case (true, true): return .same
        case (true, false): return .higher
        case (false, true): return .lower
        case (false, false): break
        }
        for (x, y) in zip(a.prerelease, b.prerelease) {
            let order = compareIdentifiers(x, y)
            if order != .same { return order }
        }
        if a.prerelease.count == b.prerelease.count { return .same }
        return a.prerelease.count < b.prerelease.count ? .lower : .higher
    }

    /// True when `a` has lower precedence than `b`.
    public static func isLower(_ a: SemanticVersion, than b: SemanticVersion) -> Bool {
        compare(a, b) == .lower
    }

    private static func compareIdentifiers(_ x: String, _ y: String) -> Order {
        let xNumeric = isNumeric(x), yNumeric = isNumeric(y)
        switch (xNumeric, yNumeric) {
        case (true, false): return .lower
        case (false, true): return .higher
        case (true, true):
            // Digits only: by value, however long (leading zeros do not count).
            let xd = x.utf8.drop { $0 == UInt8(ascii: "0") }, yd = y.utf8.drop { $0 == UInt8(ascii: "0") }
            if xd.count != yd.count { return xd.count < yd.count ? .lower : .higher }
            return ascii(Array(xd), Array(yd))
        case (false, false):
            return ascii(Array(x.utf8), Array(y.utf8))
        }
    }

    private static func isNumeric(_ s: String) -> Bool {
        !s.isEmpty && s.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    /// Byte-wise (ASCII) order.
    private static func ascii(_ x: [UInt8], _ y: [UInt8]) -> Order {
        for (a, b) in zip(x, y) where a != b { return a < b ? .lower : .higher }
        if x.count == y.count { return .same }
        return x.count < y.count ? .lower : .higher
    }
}
