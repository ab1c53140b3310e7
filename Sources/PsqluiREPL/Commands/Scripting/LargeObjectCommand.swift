import FoundationEssentials
import Glibc
import PsqluiCore
import PsqluiPluginAPI

/// `\lo_import FILE [COMMENT]`, `\lo_export LOBJID FILE` and `\lo_unlink LOBJID`: large
/// objects moved between a client-side file and the server, one type for the three.
/// psql calls libpq's `lo_import`/`lo_export`; psqlui sends the bytes through
/// `lo_from_bytea`/`lo_get` on the user's session (the file is the client's either
/// way) and prints psql's `lo_import OID` / `lo_export` / `lo_unlink OID` lines to the
/// query output unless QUIET; `\lo_import` sets `LASTOID`.
struct LargeObjectCommand: REPLCommand {
    enum Action { case importFile, exportFile, unlink }

    let about: CommandDescription
    let action: Action
    let grammar = ArgumentGrammar.psql

    static let all: [LargeObjectCommand] = [
        LargeObjectCommand(about: CommandDescription(name: "\\lo_import", summary: "import a client file as a large object (sets LASTOID)",
                                                     usage: "\\lo_import FILE [COMMENT]", group: "Large objects", completion: .files),
                           action: .importFile),
        LargeObjectCommand(about: CommandDescription(name: "\\lo_export", summary: "write a large object to a client file",
                                                     usage: "\\lo_export LOBJID FILE", group: "Large objects", completion: .files),
                           action: .exportFile),
        LargeObjectCommand(about: CommandDescription(name: "\\lo_unlink", summary: "delete a large object",
                                                     usage: "\\lo_unlink LOBJID", group: "Large objects"),
                           action: .unlink),
    ]

    /// A problem psql reports as a plain message (a server error, a file it could not open).
    struct Problem: Error { let message: String }

    func run(_ call: CommandCall, in env: CommandEnvironment) -> StepResult {
        let words = call.words
        guard words.count >= (action == .exportFile ? 2 : 1) else {
            env.evaluator.reportError("\\\(call.name): missing required argument")
            return .failed
        }
        var problem: String?
        var line = ""
        let result = SpecCommand.runThroughContext(call, in: env) { [action] _, context in
            do {
                line = try await Self.perform(action, words, context: context, env: env)
                return true
            } catch let p as Problem {
                problem = p.message
            } catch {
                problem = "\(error)"
            }
            return false
        }
        if let problem {
            env.evaluator.report(problem)
            return .failed
        }
        guard result == .ok, !env.evaluator.quiet else { return result }
        do {
            try env.evaluator.queryOutput.write(line + "\n")
            try env.evaluator.queryOutput.flush()
            return .ok
        } catch OutputWriteError.brokenPipe {
            return .brokenPipe
        } catch {
            return .failed
        }
    }

    static func perform(_ action: Action, _ words: [String], context: CommandContext, env: CommandEnvironment) async throws -> String {
        switch action {
        case .importFile:
            let path = UserPath.expand(words[0])
            guard let data = FileManager.default.contents(atPath: path) else {
                throw Problem(message: "could not open file \"\(words[0])\": \(String(cString: strerror(errno == 0 ? ENOENT : errno)))")
            }
            let hex = data.map { NumberText.hex($0) }.joined()
            let oid = try await value("SELECT pg_catalog.lo_from_bytea(0, '\\x\(hex)'::pg_catalog.bytea)", context: context)
            if words.count > 1 {
                _ = try await value("COMMENT ON LARGE OBJECT \(oid) IS " + SQLNamePattern.literal(words[1]), context: context)
            }
            env.variables["LASTOID"] = oid
            return "lo_import \(oid)"
        case .exportFile:
            let hex = try await value("SELECT pg_catalog.encode(pg_catalog.lo_get(\(SQLNamePattern.literal(words[0]))::pg_catalog.oid), 'hex')",
                                      context: context)
            var bytes = [UInt8]()
            bytes.reserveCapacity(hex.utf8.count / 2)
            var high: UInt8?
            for c in hex.utf8 {
                let v: UInt8 = c <= 0x39 ? c &- 0x30 : c &- 0x61 &+ 10
                if let h = high { bytes.append(h << 4 | v); high = nil } else { high = v }
            }
            let path = UserPath.expand(words[1])
            guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
                throw Problem(message: "could not open file \"\(words[1])\": \(String(cString: strerror(errno)))")
            }
            return "lo_export"
        case .unlink:
            _ = try await value("SELECT pg_catalog.lo_unlink(\(SQLNamePattern.literal(words[0]))::pg_catalog.oid)", context: context)
            return "lo_unlink \(words[0])"
        }
    }

    /// The first value of `sql`'s result; the server's error as psql prints it.
    static func value(_ sql: String, context: CommandContext) async throws -> String {
        do {
            return try await context.session.query(sql).rows.first?[0] ?? ""
        } catch let error as QueryError {
            throw Problem(message: "ERROR:  " + error.message)
        }
    }
}
