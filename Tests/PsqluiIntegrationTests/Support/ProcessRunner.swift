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
    /// `captureOutput: false` sends stdout/stderr to /dev/null. (Programs that leave a
    /// daemon behind — tmux new-session, pg_ctl start — must go through
    /// `ChildProcess`: the daemon inherits Process's exit-notification descriptor.)
    static func run(_ executable: String, _ arguments: [String], environment: [String: String],
                    stdin: Data? = nil, currentDirectory: String? = nil,
                    timeout: TimeInterval = 60, captureOutput: Bool = true) throws -> ProcessOutput {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        if let currentDirectory { process.currentDirectoryURL = URL(fileURLWithPath: currentDirectory) }
        let outPipe = Pipe(), errPipe = Pipe(), inPipe = Pipe()
        process.standardOutput = captureOutput ? outPipe : FileHandle.nullDevice
        process.standardError = captureOutput ? errPipe : FileHandle.nullDevice
        process.standardInput = stdin == nil ? FileHandle.nullDevice : inPipe
        let collected = Collected()
        let group = DispatchGroup()
        try process.run()
        if captureOutput {
            group.enter(); group.enter()
            // Blocking pipe I/O runs on threads of its own: the global dispatch queue is
            // as wide as the cores (2 here), and in the parallel suite its threads can
            // all be blocked elsewhere; a child whose pipe is never drained then stalls.
            Thread.detachNewThread { collected.setOut(outPipe.fileHandleForReading.readDataToEndOfFile()); group.leave() }
            Thread.detachNewThread { collected.setErr(errPipe.fileHandleForReading.readDataToEndOfFile()); group.leave() }
            try? outPipe.fileHandleForWriting.close()
            try? errPipe.fileHandleForWriting.close()
        }
        if let stdin {
            Thread.detachNewThread {
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
            _ = group.wait(timeout: .now() + 5)
            throw TestFailure("timed out after \(timeout)s: \(executable) \(arguments)\nstdout: \(String(decoding: collected.out, as: UTF8.self))\nstderr: \(String(decoding: collected.err, as: UTF8.self))")
        }
        process.waitUntilExit()
        // A grandchild that keeps the pipes open must not hang the test.
        if group.wait(timeout: .now() + 10) == .timedOut {
            throw TestFailure("output pipes of \(executable) stayed open after it exited")
        }
        return ProcessOutput(stdout: collected.out, stderr: collected.err, status: process.terminationStatus,
                             signaled: process.terminationReason == .uncaughtSignal)
    }

    /// Runs `/bin/sh -c SCRIPT` (for pipelines such as `psqlui … | head -1`).
    static func shell(_ script: String, environment: [String: String], timeout: TimeInterval = 60) throws -> ProcessOutput {
        try run("/bin/sh", ["-c", script], environment: environment, timeout: timeout)
    }
}

/// Output gathered by reader threads.
private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var _out = Data(), _err = Data()
    var out: Data { lock.lock(); defer { lock.unlock() }; return _out }
    var err: Data { lock.lock(); defer { lock.unlock() }; return _err }
    func setOut(_ d: Data) { lock.lock(); _out = d; lock.unlock() }
    func setErr(_ d: Data) { lock.lock(); _err = d; lock.unlock() }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
