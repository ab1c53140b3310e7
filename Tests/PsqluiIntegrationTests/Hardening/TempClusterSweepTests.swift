import Foundation
import PsqluiCore
import Testing

/// Issue 9 item 10: `--temp` keeps its clusters in a private per-user directory, and
/// its sweep of abandoned clusters never touches another user's folder nor signals a
/// process whose data directory is not the swept folder's. A second OS user, made
/// here with `useradd`, plants the folders through `runuser`.
@Suite(.serialized) struct TempClusterSweepTests {
    @Test(.enabled(if: getuid() == 0, "needs root to create a second OS user"))
    func plantedFoldersAreNeverSweptAndTheirPidIsNeverSignalled() throws {
        let env = ProcessInfo.processInfo.environment
        func sh(_ script: String) throws -> ProcessOutput {
            let out = try ProcessRunner.shell(script, environment: env)
            guard out.status == 0 else { throw TestFailure("failed: \(script)\n\(out)") }
            return out
        }
        let planter = "psqlplant\(getpid())"
        try sh("useradd -M -r -s /bin/sh \(planter)")
        defer { _ = try? ProcessRunner.shell("pkill -u \(planter); userdel \(planter)", environment: env) }

        // The victim: a process of the other user's (it stands for their server).
        let pidFile = "/tmp/victim-\(UUID().uuidString)"
        defer { for f in [pidFile, pidFile + ".tmp"] { try? FileManager.default.removeItem(atPath: f) } }
        _ = try ChildProcess.spawn(["/usr/sbin/runuser", "-u", planter, "--", "/bin/sh", "-c", "echo $$ > \(pidFile).tmp; exec sleep 120"])
        try sh("for i in $(seq 50); do [ -s \(pidFile).tmp ] && break; sleep 0.1; done; cp \(pidFile).tmp \(pidFile)")
        let victim = try #require(Int32(try String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        defer { kill(victim, SIGKILL) }
        #expect(kill(victim, 0) == 0)

        // A: planted where --temp used to look, /tmp/psqlui-temp-*, its psqlui "gone".
        let plantA = "/tmp/psqlui-temp-plant\(getpid())"
        try sh("runuser -u \(planter) -- sh -c 'mkdir -p \(plantA)/data && echo 999999 > \(plantA)/owner.pid && printf \"\(victim)\\n\(plantA)/data\\n\" > \(plantA)/data/postmaster.pid'")
        defer { try? FileManager.default.removeItem(atPath: plantA) }

        // In the private base (as root: owned by the server's account, 0700):
        // B another user's folder, C ours but not 0700, D ours and 0700 whose pid file
        // names the victim with D's own data directory (the victim's cwd is not it).
        let pg = try #require(getpwnam("postgres")).pointee.pw_uid
        let base = "/tmp/psqlui-\(pg)"
        try sh("[ -d \(base) ] || { mkdir -m 700 \(base) && chown postgres \(base); }")
        func plant(_ tag: String, owner: String, mode: String) throws -> String {
            let dir = "\(base)/psqlui-temp-\(tag)\(getpid())"
            try sh("mkdir -p \(dir)/data && echo 999999 > \(dir)/owner.pid && printf '\(victim)\\n\(dir)/data\\n' > \(dir)/data/postmaster.pid"
                + " && chown -R \(owner) \(dir) && chmod \(mode) \(dir)")
            return dir
        }
        let plantB = try plant("b", owner: planter, mode: "700")
        let plantC = try plant("c", owner: "postgres", mode: "755")
        let plantD = try plant("d", owner: "postgres", mode: "700")
        defer { for d in [plantB, plantC, plantD] { try? FileManager.default.removeItem(atPath: d) } }

        var runEnv = TestServer.environment(database: nil)
        for key in ["PGHOST", "PGPORT", "PGUSER", "PGDATABASE"] { runEnv[key] = nil }
        let out = try ProcessRunner.run(TestServer.psqluiBinary, ["-X", "--temp", "-At", "-c", "select 'temp ok'"],
                                        environment: runEnv, timeout: 120)
        #expect(out.status == 0 && out.out.contains("temp ok"), "\(out)")
        #expect(out.err.contains("in \(base)/psqlui-temp-"), "the cluster lives in the private base: \(out.err)")

        #expect(kill(victim, 0) == 0, "the other user's process was signalled")
        for dir in [plantA, plantB, plantC] {
            #expect(FileManager.default.fileExists(atPath: dir + "/data/postmaster.pid"), "\(dir) was touched")
        }
        #expect(!FileManager.default.fileExists(atPath: plantD), "our own abandoned folder is swept")
        var st = stat()
        #expect(lstat(base, &st) == 0 && st.st_uid == pg && (st.st_mode & 0o7777) == 0o700)
    }

    @Test(.enabled(if: getuid() == 0, "needs root to create a second OS user"))
    func aBaseDirectoryMadeBySomeoneElseIsRefused() throws {
        // A non-root user whose /tmp/psqlui-UID was planted by another user.
        let env = ProcessInfo.processInfo.environment
        let user = "psqltmpu\(getpid())", planter = "psqltmpp\(getpid())"
        for u in [user, planter] { _ = try ProcessRunner.shell("useradd -M -r -s /bin/sh \(u)", environment: env) }
        defer { for u in [user, planter] { _ = try? ProcessRunner.shell("pkill -u \(u); userdel \(u)", environment: env) } }
        let uid = try #require(getpwnam(user)).pointee.pw_uid
        let base = "/tmp/psqlui-\(uid)"
        _ = try ProcessRunner.shell("runuser -u \(planter) -- mkdir -m 777 \(base)", environment: env)
        defer { try? FileManager.default.removeItem(atPath: base) }
        let out = try ProcessRunner.shell("cd / && runuser -u \(user) -- env -u XDG_RUNTIME_DIR \(TestServer.psqluiBinary) -X --temp -c 'select 1' 2>&1",
                                          environment: env, timeout: 60)
        #expect(out.status != 0, "\(out)")
        #expect(out.out.contains("\(base) is not a private directory"), "\(out)")
    }
}
