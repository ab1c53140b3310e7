/// How text reaches the clipboard.
enum ClipboardMethod: String, CaseIterable, Equatable {
    /// The OSC 52 escape sequence written to the terminal: the terminal (or tmux with
    /// `set-clipboard on`) sets its clipboard. Works over SSH.
    case osc52
    /// Wayland's `wl-copy`.
    case wlCopy = "wl-copy"
    /// X11's `xclip -selection clipboard`.
    case xclip
    /// macOS's `pbcopy`.
    case pbcopy

    /// The program and arguments for the external tools (nil for OSC 52).
    var command: [String]? {
        switch self {
        case .osc52: return nil
        case .wlCopy: return ["wl-copy"]
        case .xclip: return ["xclip", "-selection", "clipboard"]
        case .pbcopy: return ["pbcopy"]
        }
    }

    /// The method `auto` picks: OSC 52 inside tmux or over SSH (a local tool would
    /// set the wrong machine's clipboard), else the desktop's tool when it is
    /// installed, else OSC 52.
    static func automatic(environment: [String: String], isInstalled: (String) -> Bool) -> ClipboardMethod {
        if environment["TMUX"] != nil || environment["SSH_TTY"] != nil || environment["SSH_CONNECTION"] != nil { return .osc52 }
        if environment["WAYLAND_DISPLAY"] != nil, isInstalled("wl-copy") { return .wlCopy }
        if environment["DISPLAY"] != nil, isInstalled("xclip") { return .xclip }
        if isInstalled("pbcopy") { return .pbcopy }
        return .osc52
    }
}
