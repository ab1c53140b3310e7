import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The fixture plugin libraries (Tests/Fixtures/PluginFixtures), built once per test
/// run: the first test that needs them runs `swift build --package-path …` under a
/// file lock (several test processes may race), later ones reuse the result.
enum PluginFixtures {
    static let packagePath = TestServer.packageRoot + "/Tests/Fixtures/PluginFixtures"

    /// The directory holding `libNAME.so` for every fixture product.
    static let libraryDirectory: String = {
        let lockPath = packagePath + "/.build-lock"
        let fd = open(lockPath, O_CREAT | O_RDWR, 0o644)
        if fd >= 0 { flock(fd, LOCK_EX) }
        defer { if fd >= 0 { flock(fd, LOCK_UN); close(fd) } }
        let swift = ProcessInfo.processInfo.environment["SWIFT_EXEC_FOR_FIXTURES"] ?? "/usr/bin/env"
        let args = swift == "/usr/bin/env" ? ["swift", "build", "--package-path", packagePath] : ["build", "--package-path", packagePath]
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "SWIFTPM_PACKAGE_ROOT")
        let out = try? ProcessRunner.run(swift, args, environment: env, timeout: 900)
        guard let out, out.status == 0 else {
            fatalError("building the plugin fixtures failed: \(out.map { "\($0)" } ?? "could not run swift")")
        }
        return packagePath + "/.build/debug"
    }()

    /// The path of fixture product `name` (`GoodPlugin` → `…/libGoodPlugin.so`).
    static func library(_ name: String) -> String { libraryDirectory + "/lib\(name).so" }

    /// The text file named like a library.
    static var notALibrary: String { packagePath + "/NotALibrary/not-a-library.so" }

    /// A fresh directory with symlinks to the given fixture products (symlinks, not
    /// copies: the dynamic loader recognises an image already loaded by its inode,
    /// and a copy would load a second image of the same plugin).
    static func directory(with names: [String], notALibrary includeText: Bool = false) throws -> String {
        let dir = NSTemporaryDirectory() + "psqlui-plugins-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for n in names {
            try FileManager.default.createSymbolicLink(atPath: dir + "/lib\(n).so", withDestinationPath: library(n))
        }
        if includeText {
            try FileManager.default.createSymbolicLink(atPath: dir + "/not-a-library.so", withDestinationPath: notALibrary)
        }
        return dir
    }
}
