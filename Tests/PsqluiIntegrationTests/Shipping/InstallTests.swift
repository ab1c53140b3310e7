import Foundation
import Testing

/// `make install PREFIX=…` gives a psqlui that works on its own: the installed binary
/// finds its plugin API library through a `$ORIGIN`-relative run path (so the prefix
/// can move and the build folder is never used), runs a query, `man` finds its page,
/// and `make uninstall` removes every file. One test: it needs the one release build
/// of the suite (in its own scratch folder, `.build/install-test`, so it does not
/// fight the running `swift test` over `.build`). `PSQLUI_SKIP_INSTALL_TEST=1` skips it.
@Suite struct InstallTests {
    static let enabled = ProcessInfo.processInfo.environment["PSQLUI_SKIP_INSTALL_TEST"] != "1"

    static func make(_ args: [String]) throws -> ProcessOutput {
        try ProcessRunner.run("/usr/bin/make", ["-C", TestServer.packageRoot] + args,
                              environment: ProcessInfo.processInfo.environment, timeout: 1500)
    }

    static func files(under dir: String) -> [String] {
        guard let e = FileManager.default.enumerator(atPath: dir) else { return [] }
        return e.compactMap { $0 as? String }.filter { path in
            var isDir: ObjCBool = false
            return FileManager.default.fileExists(atPath: dir + "/" + path, isDirectory: &isDir) && !isDir.boolValue
        }
    }

    @Test(.enabled(if: enabled), .timeLimit(.minutes(30)))
    func installedBinaryRunsFromAMovedPrefixAndUninstallRemovesIt() throws {
        let root = NSTemporaryDirectory() + "psqlui-install-" + UUID().uuidString
        let prefix = root + "/prefix", moved = root + "/elsewhere"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }

        let install = try Self.make(["install", "PREFIX=" + prefix, "BUILD_DIR=.build/install-test"])
        try #require(install.status == 0, "\(install)")
        let installed = Set(Self.files(under: prefix))
        #expect(installed == ["bin/psqlui", "lib/psqlui/libPsqluiPluginAPI.so", "share/man/man1/psqlui.1",
                              "share/bash-completion/completions/psqlui", "share/zsh/site-functions/_psqlui",
                              "share/fish/vendor_completions.d/psqlui.fish"])

        let dynamic = try ProcessRunner.run("/usr/bin/readelf", ["-d", prefix + "/bin/psqlui"], environment: [:])
        #expect(dynamic.out.contains("$ORIGIN/../lib/psqlui"), "\(dynamic.out)")

        // Move the whole prefix: only a relative run path can still find the library.
        try FileManager.default.moveItem(atPath: prefix, toPath: moved)
        let binary = moved + "/bin/psqlui"
        let ldd = try ProcessRunner.run("/usr/bin/ldd", [binary], environment: [:])
        let apiLine = ldd.out.split(separator: "\n").first { $0.contains("libPsqluiPluginAPI.so") }.map(String.init) ?? ""
        #expect(apiLine.contains("=> " + moved + "/bin/../lib/psqlui/libPsqluiPluginAPI.so")
                || apiLine.contains("=> " + moved + "/lib/psqlui/libPsqluiPluginAPI.so"), "\(ldd.out)")
        #expect(!ldd.out.contains(TestServer.packageRoot + "/.build"), "\(ldd.out)")

        let db = try TestServer.makeDatabase(prefix: "inst")
        let query = "select count(*) as orders from orders"
        let ours = try ProcessRunner.run(binary, ["-X", "-c", query], environment: TestServer.environment(database: db))
        let psql = try TestServer.psql(["-X", "-c", query], database: db)
        #expect(ours.status == 0, "\(ours)")
        #expect(ours.out == psql.out)

        let manPath = try ProcessRunner.run("/usr/bin/man", ["-M", moved + "/share/man", "-w", "psqlui"], environment: ProcessInfo.processInfo.environment)
        #expect(manPath.out.trimmingCharacters(in: .whitespacesAndNewlines) == moved + "/share/man/man1/psqlui.1", "\(manPath)")
        var manEnv = ProcessInfo.processInfo.environment
        manEnv["MANPAGER"] = "cat"
        manEnv["MANWIDTH"] = "80"
        let page = try ProcessRunner.run("/usr/bin/man", ["-M", moved + "/share/man", "psqlui"], environment: manEnv)
        #expect(page.status == 0)
        #expect(page.out.contains("--print-config"), "\(page.out.prefix(500))")

        try FileManager.default.moveItem(atPath: moved, toPath: prefix)
        let uninstall = try Self.make(["uninstall", "PREFIX=" + prefix])
        #expect(uninstall.status == 0, "\(uninstall)")
        #expect(Self.files(under: prefix) == [], "left behind after uninstall")
    }
}
