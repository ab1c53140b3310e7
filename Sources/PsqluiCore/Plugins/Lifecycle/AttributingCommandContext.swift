import FoundationEssentials
import Glibc
import PsqluiPluginAPI

/// Wraps the context a plugin command gets so the host can tell whose error a thrown
/// error is: a `QueryError` that the user's session itself threw (the server refused
/// the user's SQL, as in `:explain selec 1`) is the user's, not a fault in the plugin's
/// code, and must not count toward disabling the plugin.
final class AttributingCommandContext: CommandContext, @unchecked Sendable {
    private let inner: CommandContext
    private let recording: RecordingQueryService

    init(_ inner: CommandContext) {
        self.inner = inner
        recording = RecordingQueryService(inner.session)
    }

    /// The fault `error`, thrown by plugin `plugin`'s command, amounts to.
    func fault(for error: Error, plugin: String) -> PluginFault {
        if let q = error as? QueryError, recording.threw(q) { return .userQueryFailed(plugin: plugin, error: q) }
        return .commandFailed(plugin: plugin, message: PluginHost.message(error))
    }

    var session: QueryService { recording }
    func write(_ line: String) { inner.write(line) }
    func writeError(_ line: String) { inner.writeError(line) }
    func writeWarning(_ line: String) { inner.writeWarning(line) }
    func show(_ pane: Pane) async throws { try await inner.show(pane) }
    var queryBuffer: String { inner.queryBuffer }
    var previousStatement: String? { inner.previousStatement }
    func displaySetting(_ name: String) -> String? { inner.displaySetting(name) }
    func setDisplaySetting(_ name: String, to value: String) throws { try inner.setDisplaySetting(name, to: value) }
    func variable(_ name: String) -> String? { inner.variable(name) }
    func setVariable(_ name: String, to value: String?) throws { try inner.setVariable(name, to: value) }
    func confirm(_ prompt: String) async -> Bool { await inner.confirm(prompt) }
    var isInteractive: Bool { inner.isInteractive }
    // Every requirement must be forwarded, also ones added later (a default would hide the host's).
    func exportFormat(named name: String) async throws -> ExporterSpec { try await inner.exportFormat(named: name) }
}

/// A `QueryService` that remembers the errors the real service threw.
final class RecordingQueryService: QueryService, @unchecked Sendable {
    private let inner: QueryService
    private let lock = Lock()
    private var thrown: [QueryError] = []

    init(_ inner: QueryService) { self.inner = inner }

    func query(_ sql: String) async throws -> QueryTable {
        do {
            return try await inner.query(sql)
        } catch let e as QueryError {
            lock.withLock { thrown.append(e) }
            throw e
        }
    }

    /// True when `error` is one the session threw during this command.
    func threw(_ error: QueryError) -> Bool { lock.withLock { thrown.contains(error) } }
}
