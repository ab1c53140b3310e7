import FoundationEssentials
import Glibc
@preconcurrency import CLibEdit
import PsqluiCore

/// Persistent history: one entry per statement or command, in
/// `$XDG_STATE_HOME/psqlui/history`, written atomically (temp file + rename), and
/// never holding a secret (see `SecretFilter`).
final class HistoryStore {
    let path: String
    let limit: Int32

    /// The history at `path` (the config's `history.path`), by default
    /// `$XDG_STATE_HOME/psqlui/history`, keeping the last `limit` entries.
    init(path: String? = nil, limit: Int32 = 2000) {
        let env = ProcessInfo.processInfo.environment
        let state = env["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? UserPath.expand("~/.local/state", environment: env)
        self.path = path ?? state + "/psqlui/history"
        self.limit = limit
    }

    func load() {
        using_history()
        stifle_history(limit)
        if FileManager.default.fileExists(atPath: path) { _ = read_history(path) }
    }

    /// The entries loaded or added so far, oldest first.
    func entries() -> [String] {
        var out: [String] = []
        let n = history_length
        guard n > 0 else { return out }
        out.reserveCapacity(Int(n))
        for i in 0..<n {
            if let e = history_get(history_base + i), let line = e.pointee.line { out.append(String(cString: line)) }
        }
        return out
    }

    /// Adds one entry (a whole statement) unless it carries a secret, and saves.
    func add(_ entry: String) {
        let trimmed = entry.trimmingWhitespace()
        guard !trimmed.isEmpty, !SecretFilter.containsSecret(trimmed) else { return }
        _ = add_history(trimmed)
        save()
    }

    private func save() {
        let dir = PathText.deletingLastComponent(path)
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let temp = path + ".tmp-\(getpid())"
        if write_history(temp) == 0 {
            rename(temp, path)
        } else {
            unlink(temp)
        }
    }
}
