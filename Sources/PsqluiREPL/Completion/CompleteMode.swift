import Foundation
import PsqluiCore

/// `psqlui --complete TEXT [--cursor N]`: prints the candidates for TEXT as
/// `KIND<TAB>CANDIDATE<TAB>START` lines, best first.
///
/// Connects with the usual options to load the catalog; if that fails (no
/// server, wrong password — it never prompts) it still completes keywords,
/// commands and files, and exits 0.
public enum CompleteMode {
    public static func run(_ options: LaunchOptions, text: String, cursor: Int?) -> Int32 {
        let stdout = FileDescriptorWriter(fileDescriptor: 1)
        let registry = App.startPlugins(skipConfig: options.skipConfig, builtins: options.builtinPlugins, report: { _ in })
        defer { App.stopPlugins(registry) }
        let cache = MetadataCache(registry: registry)
        var settings = options.connection
        settings.neverPrompt = true
        settings.forcePasswordPrompt = false
        let session = PGSession(settings: settings)
        session.usesQueryCanceller = false
        if (try? session.connect()) != nil {
            try? cache.loadNow(using: session)
            session.close()
        }
        let variables = VariableStore()
        for (name, value) in options.variables { variables[name] = value }
        let engine = CompletionSources(snapshot: { cache.snapshot }, registry: registry, variables: variables).engine()
        let candidates = engine.complete(text: text, cursor: cursor ?? text.count)
        try? stdout.write(CompletionOutput.format(candidates))
        try? stdout.flush()
        return ExitCode.success
    }
}
