import PsqluiCore
import PsqluiPluginAPI
import Testing

/// Semantic Versioning 2.0.0 precedence (semver.org §11) by table: each pair is
/// lower → higher, and the list of §11.4 is one ascending chain.
@Suite struct SemverPrecedenceTests {
    static func v(_ text: String) -> SemanticVersion { SemanticVersion(text)! }

    @Test(arguments: [
        ("1.0.0", "2.0.0"), ("2.0.0", "2.1.0"), ("2.1.0", "2.1.1"), ("0.9.9", "1.0.0"), ("1.9.0", "1.10.0"),
        ("1.0.9", "1.0.10"), ("0.0.1", "0.1.0"), ("1.99.99", "2.0.0"),
        ("1.0.0-alpha", "1.0.0"), ("1.0.0-rc.1", "1.0.0"), ("1.0.0-0", "1.0.0"), ("0.9.0", "1.0.0-alpha"),
        ("1.0.0-alpha", "1.0.0-alpha.1"), ("1.0.0-alpha.1", "1.0.0-alpha.beta"), ("1.0.0-alpha.beta", "1.0.0-beta"),
        ("1.0.0-beta", "1.0.0-beta.2"), ("1.0.0-beta.2", "1.0.0-beta.11"), ("1.0.0-beta.11", "1.0.0-rc.1"),
        ("1.0.0-1", "1.0.0-2"), ("1.0.0-2", "1.0.0-10"), ("1.0.0-9", "1.0.0-a"), ("1.0.0-999", "1.0.0--"),
        ("1.0.0-A", "1.0.0-a"), ("1.0.0-Z", "1.0.0-a"), ("1.0.0--", "1.0.0-0a"), ("1.0.0-a.b", "1.0.0-a-b"),
        ("1.0.0-rc.1", "1.0.0-rc.1.0"), ("1.0.0-x.7.z.92", "1.0.0-x.7.z.93"), ("1.0.0-x.7.z", "1.0.0-x.7.z.92"),
        ("1.0.0-99999999999999999999", "1.0.0-100000000000000000000"), ("1.0.0-1", "1.0.0-99999999999999999999"),
        ("1.0.0-99999999999999999999", "1.0.0-a"), ("1.0.0-alpha+build.9", "1.0.0-beta+build.1"),
    ])
    func lowerThenHigher(_ lower: String, _ higher: String) {
        #expect(SemverPrecedence.compare(Self.v(lower), Self.v(higher)) == .lower, "\(lower) < \(higher)")
        #expect(SemverPrecedence.compare(Self.v(higher), Self.v(lower)) == .higher, "\(higher) > \(lower)")
        #expect(SemverPrecedence.isLower(Self.v(lower), than: Self.v(higher)))
        #expect(!SemverPrecedence.isLower(Self.v(higher), than: Self.v(lower)))
    }

    @Test(arguments: [
        ("1.0.0", "1.0.0"), ("1.0.0+build", "1.0.0"), ("1.0.0+a", "1.0.0+b"), ("1.0.0-rc.1+x", "1.0.0-rc.1+y"),
        ("1.0.0-alpha", "1.0.0-alpha"), ("0.0.0", "0.0.0"),
    ])
    func buildMetadataDoesNotCount(_ a: String, _ b: String) {
        #expect(SemverPrecedence.compare(Self.v(a), Self.v(b)) == .same)
        #expect(!SemverPrecedence.isLower(Self.v(a), than: Self.v(b)))
    }

    @Test func theSpecsExampleChainAscends() {
        let chain = ["1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11",
                     "1.0.0-rc.1", "1.0.0"].map(Self.v)
        for (i, a) in chain.enumerated() {
            for (j, b) in chain.enumerated() {
                let expected: SemverPrecedence.Order = i < j ? .lower : i == j ? .same : .higher
                #expect(SemverPrecedence.compare(a, b) == expected, "\(a) vs \(b)")
            }
        }
    }

    @Test(arguments: [
        ("0.1.0", "0.1.0", nil), ("0.1.0", "0.1.5", nil), ("0.1.0", "0.2.0", "was built for psqlui core 0.1.0, which is not compatible with 0.2.0"),
        ("0.2.0", "0.1.0", "needs psqlui core 0.2.0 or newer (this is 0.1.0)"), ("1.0.0", "1.4.2", nil),
        ("1.0.0", "2.0.0", "was built for psqlui core 1.0.0, which is not compatible with 2.0.0"),
        ("1.0.0", "1.0.0-rc.1", "needs psqlui core 1.0.0 or newer (this is 1.0.0-rc.1)"), ("1.0.0-rc.1", "1.0.0", nil),
        ("0.1.0-beta", "0.1.0-alpha", "needs psqlui core 0.1.0-beta or newer (this is 0.1.0-alpha)"),
    ] as [(String, String, String?)])
    func pluginCompatibilityUsesThePrecedence(_ minimum: String, _ core: String, _ problem: String?) {
        #expect(PluginCompatibility.problem(minimum: Self.v(minimum), core: Self.v(core)) == problem)
    }
}
