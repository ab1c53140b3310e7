import Foundation

/// Helpers shared by the issue-9 regression tests: live psql 15 as the reference,
/// scripts written to temporary files.
enum Hardening {
    /// psql 15 itself, not Debian's wrapper.
    static let psql15 = "/usr/lib/postgresql/15/bin/psql"

    static func psql(_ arguments: [String], database: String?, stdin: Data? = nil,
                     extraEnv: [String: String] = [:]) throws -> ProcessOutput {
        try ProcessRunner.run(psql15, arguments, environment: TestServer.environment(database: database, extra: extraEnv),
                              stdin: stdin)
    }

    static func script(_ bytes: [UInt8], name: String = "h") throws -> String {
        let path = NSTemporaryDirectory() + "\(name)-\(UUID().uuidString).sql"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func trimmed(_ s: String) -> String { s.trimmingCharacters(in: .whitespacesAndNewlines) }
}
