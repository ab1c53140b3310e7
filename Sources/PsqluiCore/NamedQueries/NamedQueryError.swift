/// Why a named query could not be listed, saved, deleted or run. Its
/// `description` is the message the commands print (after their prefix).
public enum NamedQueryError: Error, CustomStringConvertible, Equatable {
    /// No query is saved under the name.
    case notFound(name: String)
    /// `:save` without a name or without a query.
    case usage(String)
    /// A name with white space or nothing in it.
    case invalidName(String)
    /// The query uses `$N` but fewer arguments were given.
    case missingArgument(placeholder: String, query: String)
    /// More arguments than the query's placeholders take.
    case unusedArgument(position: Int, query: String)
    /// The store's file is not valid TOML, or its `[queries]` are not strings.
    case malformedFile(path: String, problem: String)
    /// The store's file could not be read or written.
    case file(FileError)

    public var description: String {
        switch self {
        case .notFound(let name): return "no named query \"\(name)\" (:saved lists them)"
        case .usage(let usage): return "usage: \(usage)"
        case .invalidName(let name): return "invalid name \"\(name)\": a name is one word"
        case .missingArgument(let placeholder, let query): return "no argument for \(placeholder) in: \(query)"
        case .unusedArgument(let position, let query):
            return "argument \(position) is not used: the query has no $\(position)\(position > 1 ? " and no $* or $@" : ""): \(query)"
        case .malformedFile(let path, let problem): return "\(path): \(problem)"
        case .file(let error): return error.description
        }
    }
}
