/// Text that does not fit a line — a plan tree, a description, a list — rendered to
/// lines for a given width. The host pages it like a result: through the pager when
/// it is taller or wider than the terminal, plainly when output is not a terminal.
public protocol Pane: AnyObject {
    /// A short title (the pager's prompt, the first line in batch output).
    var title: String { get }
    /// The pane's lines for a terminal `width` columns wide (no trailing newlines).
    /// Lines may be longer than `width` when truncating would lose meaning; the pager
    /// scrolls sideways.
    func render(width: Int) -> [String]
}

/// A pane of fixed lines: the simplest `Pane`.
public final class TextPane: Pane {
    /// The title.
    public let title: String
    /// The lines, returned as they are for every width.
    public let lines: [String]

    /// Creates a pane showing `lines`.
    public init(title: String, lines: [String]) {
        self.title = title
        self.lines = lines
    }

    /// Returns `lines`.
    public func render(width: Int) -> [String] { lines }
}

/// Declares a named pane a plugin offers, and how to make it.
public struct PaneSpec: Sendable {
    /// The pane's name (declared in `PluginDescriptor.declaredPanes`).
    public var name: String
    /// One line of help.
    public var summary: String
    /// Makes the pane, with access to the session through the command context.
    public var make: @Sendable (CommandContext) async throws -> Pane

    /// Creates a pane declaration.
    public init(name: String, summary: String, make: @escaping @Sendable (CommandContext) async throws -> Pane) {
        self.name = name
        self.summary = summary
        self.make = make
    }
}
