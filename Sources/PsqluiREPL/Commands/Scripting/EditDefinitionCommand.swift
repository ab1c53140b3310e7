import FoundationEssentials
import PsqluiCore
import PsqluiPluginAPI

/// `\ef [FUNCTION [LINE]]` (`:editfunction`) and `\ev [VIEW [LINE]]` (`:editview`): the
/// definition (`CREATE OR REPLACE …`, as `\sf`/`\sv` show it) or, without a name, an
/// empty template is edited in the editor as `\e` edits, and what the editor leaves is
/// the new input: a statement ending in `;` runs, the rest stays in the query buffer.
/// The whole line is the argument (no interpolation); a final number is the line to
/// open at (for a function, counted from the start of its body).
struct EditDefinitionCommand: REPLCommand {
    enum Kind { case function, view }

    let about: CommandDescription
    let kind: Kind
    let grammar = ArgumentGrammar.wholeLine

    static let all: [EditDefinitionCommand] = [
        EditDefinitionCommand(about: CommandDescription(name: "editfunction", aliases: ["\\ef"],
                                                        summary: "edit a function's definition (or a new one) in $EDITOR",
                                                        usage: ":editfunction [FUNCTION[(ARGTYPES)] [LINE]]", group: "Work",
                                                        completion: .relations),
                              kind: .function),
        EditDefinitionCommand(about: CommandDescription(name: "editview", aliases: ["\\ev"],
                                                        summary: "edit a view's definition (or a new one) in $EDITOR",
                                                        usage: ":editview [VIEW [LINE]]", group: "Work", completion: .relations),
                              kind: .view),
    ]

    /// psql's templates for `\ef` / `\ev` without a name.
    static let functionTemplate = "CREATE FUNCTION ( )\n RETURNS \n LANGUAGE \n -- common options:  IMMUTABLE  STABLE  STRICT  SECURITY DEFINER\nAS $function$\n\n$function$\n"
    static let viewTemplate = "CREATE VIEW  AS\n SELECT \n  -- something...\n"

    /// Splits psql's trailing line number off the argument: `f(int) 12` → ("f(int)", 12).
    static func nameAndLine(_ text: String) -> (name: String, line: String?) {
        let trimmed = text.trimmingWhitespace()
        guard let space = trimmed.lastIndex(where: { $0 == " " || $0 == "\t" }) else {
            return trimmed.allSatisfy(\.isNumber) && !trimmed.isEmpty ? ("", trimmed) : (trimmed, nil)
        }
        let last = trimmed[trimmed.index(after: space)...]
        guard !last.isEmpty, last.allSatisfy(\.isNumber) else { return (trimmed, nil) }
        return (trimmed[..<space].trimmingBlanks(), String(last))
    }

    func run(_ call: CommandCall, in env: CommandEnvironment) -> StepResult {
        let (name, lineText) = Self.nameAndLine(call.text)
        var line: Int?
        if let lineText {
            guard let n = Int(lineText), n > 0 else {
                env.evaluator.reportError("invalid line number: \(lineText)")
                return .failed
            }
            line = n
        }
        var text: String
        if name.isEmpty {
            text = kind == .function ? Self.functionTemplate : Self.viewTemplate
        } else {
            var definition = ""
            let kind = self.kind
            let result = SpecCommand.runThroughContext(call, in: env) { _, context in
                do {
                    definition = kind == .function
                        ? try await SourceCommands.functionDefinition(name, context: context)
                        : try await SourceCommands.viewDefinition(name, context: context)
                    return true
                } catch is CatalogCommandFailed {
                    return false
                } catch {
                    context.writeError("\(error)")
                    return false
                }
            }
            guard result == .ok else { return result }
            text = definition
            if !text.hasSuffix("\n") { text += "\n" }
            // psql counts a function's line from the start of its body.
            if kind == .function, let n = line {
                let header = text.split(separator: "\n", omittingEmptySubsequences: false)
                    .prefix { !($0.hasPrefix("AS ") || $0.hasPrefix("BEGIN ") || $0.hasPrefix("RETURN ")) }.count
                line = n + header
            }
        }
        return EditCommand.edit(text: Array(text.utf8), line: line, calledAt: call.line, in: env)
    }
}
