import PsqluiCore
import PsqluiPluginAPI

/// Completion of a saved query's name as a command's first argument.
enum NamedQueryNames {
    /// The store's names while the first word is typed; nothing after it.
    static let completion = ArgumentCompletion.custom { typed in
        typed.contains(where: { $0 == " " || $0 == "\t" }) ? [] : NamedQueryStore().names()
    }
}
