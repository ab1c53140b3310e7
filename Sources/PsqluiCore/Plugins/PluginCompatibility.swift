import PsqluiPluginAPI

/// Decides whether a plugin's minimum core version fits the running core (semver 2.0
/// precedence: `SemverPrecedence`).
public enum PluginCompatibility {
    /// The running core's version.
    public static var coreVersion: SemanticVersion {
        SemanticVersion(PsqluiCoreInfo.version) ?? SemanticVersion(0, 0, 0)
    }

    /// Nil when a plugin requiring `minimum` can run on `core`; otherwise why not.
    /// Compatible means: core ≥ minimum and the same major version (while the major
    /// version is 0, the same minor version too — 0.x releases may break the API).
    public static func problem(minimum: SemanticVersion, core: SemanticVersion = coreVersion) -> String? {
        if SemverPrecedence.isLower(core, than: minimum) { return "needs psqlui core \(minimum) or newer (this is \(core))" }
        if minimum.major != core.major || (minimum.major == 0 && minimum.minor != core.minor) {
            return "was built for psqlui core \(minimum), which is not compatible with \(core)"
        }
        return nil
    }
}
