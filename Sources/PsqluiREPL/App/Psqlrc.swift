import FoundationEssentials
import Glibc
import PsqluiCore

/// psql's start-up files, run after connecting unless `-X`: the system-wide
/// `psqlrc` in `sysconfdir` (Debian's `/etc/postgresql-common`; psql 15 as measured
/// here does not look at `PGSYSCONFDIR`), then the user's (`$PSQLRC`, else
/// `~/.psqlrc`). Of each, as psql does, the first readable of `FILE-MAJOR.MINOR`,
/// `FILE-MAJOR` and `FILE` is run (the version is the libpq psqlui runs on,
/// `VERSION_NAME`; Debian's psql puts its package suffix in the minor form too).
/// psqlui's own config.toml is applied after them.
enum Psqlrc {
    /// The files to run, in order, for `environment` and `version` (`15.20`).
    static func files(environment: [String: String], version: String, sysconfdir: String = "/etc/postgresql-common") -> [String] {
        var files: [String] = []
        if let f = versioned(sysconfdir + "/psqlrc", version: version) { files.append(f) }
        let user: String?
        if let rc = environment["PSQLRC"], !rc.isEmpty {
            user = UserPath.expand(rc, environment: environment)
        } else {
            user = UserPath.expand("~/.psqlrc", environment: environment)
        }
        if let user, let f = versioned(user, version: version) { files.append(f) }
        return files
    }

    /// `FILE-15.20`, else `FILE-15`, else `FILE`: the first that can be read.
    static func versioned(_ file: String, version: String) -> String? {
        let major = version.split(separator: ".").first.map(String.init) ?? version
        return [file + "-" + version, file + "-" + major, file].first { access($0, R_OK) == 0 }
    }

    /// Runs the start-up files as `\i` runs a script; the result of the last one (a
    /// `\q` in a psqlrc ends psqlui, as it ends psql).
    static func run(_ evaluator: Evaluator) -> StepResult {
        var result = StepResult.ok
        for path in files(environment: ProcessInfo.processInfo.environment, version: evaluator.variables["VERSION_NAME"] ?? "") {
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { continue }
            defer { close(fd) }
            result = ScriptRunner(evaluator: evaluator).run(source: ScriptInput(fileDescriptor: fd), origin: .file(path: path)).asIncludedStep
            if result.endsInput { return result }
        }
        return result
    }
}
