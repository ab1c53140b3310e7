import Foundation

/// What a finished child process left behind.
struct ProcessOutput: CustomStringConvertible {
    var stdout: Data
    var stderr: Data
    var status: Int32
    /// True when the process ended by a signal (then `status` is the signal number).
    var signaled: Bool

    var out: String { String(decoding: stdout, as: UTF8.self) }
    var err: String { String(decoding: stderr, as: UTF8.self) }
    var description: String { "status \(status)\(signaled ? " (signal)" : "")\n--- stdout\n\(out)--- stderr\n\(err)" }
}

/// Runs programs for tests, always with a deadline so a hang fails instead of
/// stalling CI.
enum ProcessRunner {
    static func run(_ executable: String, _ arguments: [String], environment: [String: String],
                    stdin: Data? = nil, currentDirectory: String? = nil,
                    timeout: TimeInterval = 60) throws -> ProcessOutput {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        if let currentDirectory { process.currentDirectoryURL = URL(fileURLWithPath: currentDirectory) }
        let outPipe = Pipe(), errPipe = Pipe(), inPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        process.standardInput = stdin == nil ? FileHandle.nullDevice : inPipe
        var outData = Data(), errData = Data()
        let group = DispatchGroup()
        group.enter(); group.enter()
        DispatchQueue.global().async { outData = outPipe.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        DispatchQueue.global().async { errData = errPipe.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        try process.run()
        if let stdin {
            DispatchQueue.global().async {
                try? inPipe.fileHandleForWriting.write(contentsOf: stdin)
                try? inPipe.fileHandleForWriting.close()
            }
        }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(5_000) }
        if process.isRunning {
            process.terminate()
            usleep(200_000)
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            group.wait()
            throw TestFailure("timed out after \(timeout)s: \(executable) \(arguments)\nstdout: \(String(decoding: outData, as: UTF8.self))\nstderr: \(String(decoding: errData, as: UTF8.self))")
        }
        process.waitUntilExit()
        group.wait()
        return ProcessOutput(stdout: outData, stderr: errData, status: process.terminationStatus,
                             signaled: process.terminationReason == .uncaughtSignal)
    }

    /// Runs `/bin/sh -c SCRIPT` (for pipelines such as `psqlui … | head -1`).
    static func shell(_ script: String, environment: [String: String], timeout: TimeInterval = 60) throws -> ProcessOutput {
        try run("/bin/sh", ["-c", script], environment: environment, timeout: timeout)
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
