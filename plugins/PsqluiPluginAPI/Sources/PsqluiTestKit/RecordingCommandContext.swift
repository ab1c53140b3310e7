import PsqluiPluginAPI
import Synchronization

/// A `CommandContext` that records output lines, errors and panes (rendered at
/// `paneWidth`), keeps settings and variables in memory, and answers `confirm` with
/// a fixed answer.
public final class RecordingCommandContext: CommandContext {
    private struct State {
        var lines: [String] = []
        var errors: [String] = []
        var panes: [(title: String, lines: [String])] = []
        var settings: [String: String]
        var variables: [String: String] = [:]
        var prompts: [String] = []
    }
    private let state: Mutex<State>

    public let session: QueryService
    public let queryBuffer: String
    public let previousStatement: String?
    public let isInteractive: Bool
    /// What `confirm` answers when interactive (batch always answers false).
    public let confirmAnswer: Bool
    /// The width panes are rendered at.
    public let paneWidth: Int
    /// The export formats `exportFormat(named:)` finds.
    public let formats: [ExporterSpec]

    /// A context whose queries go to `session`, offering `formats` to `exportFormat(named:)`.
    public init(session: QueryService = FakeQueryService(tables: [:]), queryBuffer: String = "",
                previousStatement: String? = nil, settings: [String: String] = [:],
                isInteractive: Bool = false, confirmAnswer: Bool = true, paneWidth: Int = 80,
                formats: [ExporterSpec] = []) {
        self.formats = formats
        self.session = session
        self.queryBuffer = queryBuffer
        self.previousStatement = previousStatement
        self.isInteractive = isInteractive
        self.confirmAnswer = confirmAnswer
        self.paneWidth = paneWidth
        self.state = Mutex(State(settings: settings))
    }

    /// Lines written with `write`.
    public var lines: [String] { state.withLock { $0.lines } }
    /// Lines written with `writeError`.
    public var errors: [String] { state.withLock { $0.errors } }
    /// Panes shown, rendered at `paneWidth`.
    public var panes: [(title: String, lines: [String])] { state.withLock { $0.panes } }
    /// Prompts passed to `confirm`.
    public var prompts: [String] { state.withLock { $0.prompts } }

    public func write(_ line: String) { state.withLock { $0.lines.append(line) } }
    public func writeError(_ line: String) { state.withLock { $0.errors.append(line) } }

    public func show(_ pane: Pane) async throws {
        let rendered = (title: pane.title, lines: pane.render(width: paneWidth))
        state.withLock { $0.panes.append(rendered) }
    }

    public func displaySetting(_ name: String) -> String? { state.withLock { $0.settings[name] } }
    public func setDisplaySetting(_ name: String, to value: String) throws { state.withLock { $0.settings[name] = value } }
    public func variable(_ name: String) -> String? { state.withLock { $0.variables[name] } }
    public func setVariable(_ name: String, to value: String?) throws { state.withLock { $0.variables[name] = value } }

    public func confirm(_ prompt: String) async -> Bool {
        state.withLock { $0.prompts.append(prompt) }
        return isInteractive && confirmAnswer
    }

    public func exportFormat(named name: String) async throws -> ExporterSpec {
        guard let spec = formats.first(where: { $0.name == name.lowercased() }) else {
            throw QueryError(message: "unknown format \"\(name)\"; formats: " + formats.map(\.name).joined(separator: ", "))
        }
        return spec
    }
}
