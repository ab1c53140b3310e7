import PsqluiPluginAPI
import Version

/// Decides whether a plugin's minimum core version fits the running core (semver, via
/// the `Version` package).
public enum PluginCompatibility {
    /// The running core's version.
    public static var coreVersion: SemanticVersion {
        SemanticVersion(PsqluiCoreInfo.version) ?? SemanticVersion(0, 0, 0)
    }

    /// Nil when a plugin requiring `minimum` can run on `core`; otherwise why not.
    /// Compatible means: core ≥ minimum and the same major version (while the major
    /// version is 0, the same minor version too — 0.x releases may break the API).
    public static func problem(minimum: SemanticVersion, core: SemanticVersion = coreVersion) -> String? {
        let min = version(minimum), cur = version(core)
        if cur < min { return "needs psqlui core \(minimum) or newer (this is \(core))" }
        if min.major != cur.major || (min.major == 0 && min.minor != cur.minor) {
            return "was built for psqlui core \(minimum), which is not compatible with \(core)"
        }
        return nil
    }

    static func version(_ v: SemanticVersion) -> Version {
        Version(v.major, v.minor, v.patch, pre: v.prerelease, build: v.build)
    }
}
