import FoundationEssentials
import Glibc
import PsqluiCore
import PsqluiPluginAPI

/// `\getenv VARIABLE ENVVAR`: copies an environment variable into a psql variable
/// (nothing happens when it is not set), as psql 15 does.
struct GetenvCommand: REPLCommand {
    let about = CommandDescription(name: "\\getenv", summary: "copy an environment variable into a variable",
                                   usage: "\\getenv VARIABLE ENVVAR", group: "Variables")
    let grammar = ArgumentGrammar.psql
    let argumentLimit: Int? = 2

    func run(_ call: CommandCall, in env: CommandEnvironment) -> StepResult {
        guard call.words.count >= 2 else {
            env.evaluator.reportError("\\getenv: missing required argument")
            return .failed
        }
        let name = call.words[0]
        guard let value = getenv(call.words[1]).map({ String(cString: $0) }) else { return .ok }
        guard VariableName.isValid(name) else {
            env.evaluator.reportError("invalid variable name: \"\(name)\"")
            return .failed
        }
        env.variables[name] = BuiltinVariables.substitute(name, value) ?? value
        return .ok
    }
}

/// `\setenv NAME [VALUE]`: sets (or, without a value, unsets) an environment variable
/// for this process and the commands it starts (`\!`, pagers, `\g |cmd`).
struct SetenvCommand: REPLCommand {
    let about = CommandDescription(name: "\\setenv", summary: "set or unset an environment variable",
                                   usage: "\\setenv NAME [VALUE]", group: "Variables")
    let grammar = ArgumentGrammar.psql
    let argumentLimit: Int? = 2

    func run(_ call: CommandCall, in env: CommandEnvironment) -> StepResult {
        guard let name = call.words.first else {
            env.evaluator.reportError("\\setenv: missing required argument")
            return .failed
        }
        if name.contains("=") {
            env.evaluator.reportError("\\setenv: environment variable name must not contain \"=\"")
            return .failed
        }
        if call.words.count > 1 { setenv(name, call.words[1], 1) } else { unsetenv(name) }
        return .ok
    }
}

/// `\cd [DIR]`: changes the working directory (to `$HOME`, else the user's home
/// directory, without an argument), as psql does; later relative file names (`\i`, `\o`, `\copy`) use it.
struct ChangeDirectoryCommand: REPLCommand {
    let about = CommandDescription(name: "\\cd", summary: "change the current working directory",
                                   usage: "\\cd [DIR]", group: "Variables", completion: .files)
    let grammar = ArgumentGrammar.psql

    func run(_ call: CommandCall, in env: CommandEnvironment) -> StepResult {
        // No argument: the home directory (`$HOME`, else the passwd entry).
        let directory = UserPath.expand(call.words.first ?? "~")
        guard directory != "~" || call.words.first != nil else {
            env.evaluator.reportError("could not get home directory for user ID \(geteuid()): \(String(cString: strerror(errno)))")
            return .failed
        }
        guard chdir(directory) == 0 else {
            env.evaluator.reportError("\\cd: could not change directory to \"\(directory)\": \(String(cString: strerror(errno)))")
            return .failed
        }
        return .ok
    }
}
