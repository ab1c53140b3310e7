import Foundation
import PsqluiCore
import PsqluiPluginAPI

/// `:refresh`: reloads the metadata completion reads (it also reloads on its own
/// after DDL, COMMIT and `:connect`).
enum RefreshCommand {
    static func spec(cache: MetadataCache) -> CommandSpec {
        CommandSpec(
            name: "refresh",
            summary: "reload the catalog that Tab completion uses",
            usage: ":refresh",
            group: "Session",
            handler: { _, context in
                let before = cache.loadsCompleted
                cache.refresh()
                // Wait (without blocking a pool thread) so the next Tab sees the result.
                for _ in 0..<500 where cache.loadsCompleted <= before {
                    try await Task.sleep(nanoseconds: 10_000_000)
                }
                let s = cache.snapshot
                context.write("Metadata refreshed: \(s.relations.count) relations, \(s.functions.count) functions.")
            })
    }
}
