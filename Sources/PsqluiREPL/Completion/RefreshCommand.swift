import FoundationEssentials
import Glibc
import PsqluiCore

/// `:refresh`: reloads the metadata completion reads (it also reloads on its own
/// after DDL, COMMIT and `:connect`). Outside the prompt there is no cache to reload.
struct RefreshCommand: REPLCommand {
    let about = CommandDescription(name: "refresh", summary: "reload the catalog that Tab completion uses",
                                   usage: ":refresh", group: "Session")
    let grammar = ArgumentGrammar.psql

    func run(_ call: CommandCall, in env: CommandEnvironment) -> StepResult {
        guard let cache = env.evaluator.metadataCache else {
            env.evaluator.reportError(":refresh: there is no completion catalog outside the interactive prompt")
            return .failed
        }
        let before = cache.loadsCompleted
        cache.refresh()
        // Wait so the next Tab sees the result.
        for _ in 0..<500 where cache.loadsCompleted <= before { usleep(10_000) }
        let s = cache.snapshot
        return env.say("Metadata refreshed: \(s.relations.count) relations, \(s.functions.count) functions.")
    }
}
