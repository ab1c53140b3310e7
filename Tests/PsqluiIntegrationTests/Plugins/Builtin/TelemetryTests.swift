import Foundation
import Testing

/// The `telemetry` plugin against a real HTTP receiver (python3's http.server on
/// 127.0.0.1, started by the test): the POSTed OTLP/JSON is checked field by field,
/// a password literal never leaves, and a dead endpoint costs the session nothing
/// but a warning.
///
/// Nothing here blocks the cooperative pool (two threads on this machine): the
/// receiver and psqlui run and are waited for on threads of their own (`offPool`),
/// each with a deadline. (The first version hung: `Receiver.deinit` called
/// `waitUntilExit()` on a pool thread after `terminate()`, but a child spawned from
/// a dispatch worker thread inherits its blocked signal mask — SIGTERM included —
/// so python never died and the pool thread waited forever.)
@Suite(.serialized, .timeLimit(.minutes(2))) struct TelemetryTests {
    /// Records every POST body as DIR/N.json and answers 200; `blackhole` accepts
    /// connections but never reads or answers (a hung collector).
    static let receiver = #"""
        import sys, os, socket, signal, http.server
        signal.pthread_sigmask(signal.SIG_UNBLOCK, range(1, signal.NSIG))
        out, portfile, mode = sys.argv[1], sys.argv[2], sys.argv[3]
        if mode == "blackhole":
            s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(64)
            open(portfile, "w").write(str(s.getsockname()[1]))
            import time
            while True: time.sleep(1)
        n = [0]
        class H(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                n[0] += 1
                with open(os.path.join(out, "%04d.json" % n[0]), "wb") as f:
                    f.write(body)
                with open(os.path.join(out, "%04d.meta" % n[0]), "w") as f:
                    f.write(self.path + "\n" + self.headers.get("Content-Type", ""))
                self.send_response(200); self.send_header("Content-Length", "2"); self.end_headers(); self.wfile.write(b"{}")
            def log_message(self, *a): pass
        srv = http.server.HTTPServer(("127.0.0.1", 0), H)
        open(portfile, "w").write(str(srv.server_address[1]))
        srv.serve_forever()
        """#

    final class Receiver: @unchecked Sendable {
        let process = Process()
        let dir: String
        let port: Int
        init(mode: String = "record") throws {
            dir = NSTemporaryDirectory() + "psqlui-otlp-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            let script = dir + "/receiver.py", portFile = dir + "/port"
            try TelemetryTests.receiver.write(toFile: script, atomically: true, encoding: .utf8)
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", script, dir, portFile, mode]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let deadline = Date().addingTimeInterval(10)
            while !FileManager.default.fileExists(atPath: portFile) || ((try? String(contentsOfFile: portFile, encoding: .utf8)) ?? "").isEmpty {
                guard Date() < deadline else { throw TestFailure("receiver did not start") }
                usleep(20_000)
            }
            port = Int(try String(contentsOfFile: portFile, encoding: .utf8))!
        }
        /// Stops the receiver: SIGKILL (cannot be blocked), reaped within 5 s.
        func stop() {
            guard process.isRunning else { return }
            kill(process.processIdentifier, SIGKILL)
            let deadline = Date().addingTimeInterval(5)
            while process.isRunning && Date() < deadline { usleep(5_000) }
        }
        deinit { stop() }

        var bodies: [Data] {
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
            return names.compactMap { FileManager.default.contents(atPath: dir + "/" + $0) }
        }
        var metas: [String] {
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".meta") }.sorted()
            return names.compactMap { try? String(contentsOfFile: dir + "/" + $0, encoding: .utf8) }
        }
    }

    static func attributes(_ list: Any?) -> [String: Any] {
        var result: [String: Any] = [:]
        for item in (list as? [[String: Any]]) ?? [] {
            guard let key = item["key"] as? String, let value = item["value"] as? [String: Any] else { continue }
            result[key] = value["stringValue"] ?? value["intValue"] ?? value
        }
        return result
    }

    static let script = """
        select 1 as one;
        select 'hunter2-literal' as pw;
        create role telemetry_probe_\(getpid()) password 'S3cret-Passw0rd';
        select 1/0;
        select g from generate_series(1, 3) g;

        """

    @Test func spansArriveAsOTLPJSONWithRedactedStatements() async throws {
        let receiver = try await offPool { try Receiver() }
        defer { receiver.stop() }
        let db = try await offPool { try TestServer.makeDatabase(prefix: "otel") }
        let home = try TestServer.makeHome(config: "[plugins.telemetry]\nendpoint = \"http://127.0.0.1:\(receiver.port)/v1/traces\"\nflush_interval_ms = 50\n")
        let out = try await offPool { try TestServer.psqlui([], database: db, stdin: Data(Self.script.utf8), home: home, timeout: 30) }
        #expect(out.err.contains("division by zero"), "\(out)")
        #expect(!out.err.contains("telemetry"), "no delivery warning: \(out.err)")
        let bodies = receiver.bodies
        #expect(!bodies.isEmpty, "no POST arrived")
        for meta in receiver.metas { #expect(meta == "/v1/traces\napplication/json") }
        var spans: [[String: Any]] = []
        for body in bodies {
            let text = String(decoding: body, as: UTF8.self)
            #expect(!text.contains("hunter2-literal") && !text.contains("S3cret-Passw0rd"), "a literal left the machine: \(text)")
            let request = try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
            let resourceSpans = try #require(request["resourceSpans"] as? [[String: Any]])
            #expect(resourceSpans.count == 1)
            let resource = try #require(resourceSpans[0]["resource"] as? [String: Any])
            #expect(Self.attributes(resource["attributes"])["service.name"] as? String == "psqlui")
            let scopeSpans = try #require(resourceSpans[0]["scopeSpans"] as? [[String: Any]])
            let scope = try #require(scopeSpans[0]["scope"] as? [String: Any])
            #expect(scope["name"] as? String == "psqlui.telemetry")
            spans += try #require(scopeSpans[0]["spans"] as? [[String: Any]])
        }
        #expect(spans.count == 5, "one span per statement: \(spans.count)")
        #expect(spans.map { $0["name"] as? String } == ["SELECT", "SELECT", "CREATE ROLE", "SELECT", "SELECT"].map { Optional($0) }
                || spans.map { $0["name"] as? String } == ["SELECT", "SELECT", "CREATE", "SELECT", "SELECT"].map { Optional($0) },
                "\(spans.map { $0["name"] ?? "" })")
        let before = UInt64(Date().timeIntervalSince1970 * 1e9)
        for span in spans {
            let traceID = try #require(span["traceId"] as? String), spanID = try #require(span["spanId"] as? String)
            #expect(traceID.count == 32 && traceID.allSatisfy(\.isHexDigit) && spanID.count == 16 && spanID.allSatisfy(\.isHexDigit))
            #expect(span["kind"] as? Int == 3)   // SPAN_KIND_CLIENT
            let start = UInt64(try #require(span["startTimeUnixNano"] as? String))!, end = UInt64(try #require(span["endTimeUnixNano"] as? String))!
            #expect(start > before - 120_000_000_000 && start <= end && end <= before, "times in ns since 1970: \(start) \(end)")
            let a = Self.attributes(span["attributes"])
            #expect(a["db.system"] as? String == "postgresql")
            #expect(a["db.name"] as? String == db)
            #expect(a["db.user"] as? String == TestServer.user)
            #expect(a["server.address"] as? String == TestServer.host)
            #expect(a["server.port"] as? String == TestServer.port)
        }
        let statements = spans.map { Self.attributes($0["attributes"])["db.statement"] as? String ?? "" }
        #expect(statements[1].contains("select") && statements[1].contains("as pw") && !statements[1].contains("hunter2"), "\(statements[1])")
        #expect(Self.attributes(spans[0]["attributes"])["db.response.returned_rows"] as? String == "1")
        #expect(Self.attributes(spans[4]["attributes"])["db.response.returned_rows"] as? String == "3")
        let failed = spans[3]
        #expect(Self.attributes(failed["attributes"])["db.response.status_code"] as? String == "22012")
        let status = try #require(failed["status"] as? [String: Any])
        #expect(status["code"] as? Int == 2 && status["message"] as? String == "SQLSTATE 22012")
        #expect(spans[0]["status"] == nil)
    }

    @Test func aHungEndpointNeverStopsTheSessionAndTheLossIsReported() async throws {
        let receiver = try await offPool { try Receiver(mode: "blackhole") }
        defer { receiver.stop() }
        let home = try TestServer.makeHome(config: "[plugins.telemetry]\nendpoint = \"http://127.0.0.1:\(receiver.port)\"\nflush_interval_ms = 20\ntimeout_ms = 200\nqueue_limit = 5\nbatch_size = 2\n")
        let statements = (1...40).map { "select \($0) as n;" }.joined(separator: "\n") + "\n:telemetry\n"
        let out = try await offPool { try TestServer.psqlui(["-q"], database: "postgres", stdin: Data(statements.utf8), home: home, timeout: 30) }
        #expect(out.status == 0, "\(out)")
        #expect(out.out.contains("40"), "every statement ran")
        #expect(out.out.contains("telemetry: to http://127.0.0.1:\(receiver.port)/v1/traces"), "\(out.out)")
        #expect(out.out.contains("dropped") && out.out.contains("(queue full)"), "\(out.out)")
        #expect(out.err.contains("psqlui: telemetry:") && out.err.contains("not delivered"), "the loss is reported at exit: \(out.err)")
    }

    @Test func spansGoToAJSONLinesFileAndDisablingThePluginStopsThem() async throws {
        let path = NSTemporaryDirectory() + "psqlui-spans-" + UUID().uuidString + ".jsonl"
        let config = "[plugins.telemetry]\nfile = \"\(path)\"\n"
        let home = try TestServer.makeHome(config: config)
        let out = try await offPool { try TestServer.psqlui([], database: "postgres", stdin: Data("select 1;\nselect 2;\n:plugins\n".utf8), home: home, timeout: 30) }
        #expect(out.status == 0, "\(out)")
        // `:plugins` shows the plugin's counts under its row (the worker may not have written yet).
        let status = out.out.split(separator: "\n").first { $0.hasPrefix("    to ") }
        #expect(status.map { $0.hasPrefix("    to \(path): sent ") && $0.contains(", dropped 0, failed 0") } == true, "\(out.out)")
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        let spans = try lines.flatMap { line -> [Any] in
            let r = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            let rs = (r?["resourceSpans"] as? [[String: Any]])?.first
            return ((rs?["scopeSpans"] as? [[String: Any]])?.first?["spans"] as? [Any]) ?? []
        }
        #expect(spans.count == 2)
        try FileManager.default.removeItem(atPath: path)
        let offHome = try TestServer.makeHome(config: config + "enabled = false\n")
        let off = try await offPool { try TestServer.psqlui(["-c", "select 1", "-c", ":plugins"], database: "postgres", home: offHome, timeout: 30) }
        #expect(off.out.split(separator: "\n").contains { $0.contains("telemetry") && $0.contains("disabled") }, "\(off.out)")
        #expect(!FileManager.default.fileExists(atPath: path), "a disabled telemetry plugin exports nothing")
    }

    /// A TCP port on 127.0.0.1 nobody listens on (bound, then closed).
    static func closedPort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        withUnsafeMutablePointer(to: &addr) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { _ = bind(fd, $0, len); _ = getsockname(fd, $0, &len) }
        }
        close(fd)
        return Int(UInt16(bigEndian: addr.sin_port))
    }

    /// A dead endpoint (a closed port: every batch is refused) against no telemetry,
    /// in the same run: N statements piped into the REPL, each followed by the next
    /// prompt; the per-statement difference is what a statement's prompt waits for
    /// telemetry. Best of 3 rounds each, interleaved.
    @Test func aDeadEndpointDoesNotDelayThePrompt() async throws {
        let n = 300
        let input = Data(((1...n).map { "select \($0) as n;" }.joined(separator: "\n") + "\n").utf8)
        let dead = try TestServer.makeHome(config: "[plugins.telemetry]\nendpoint = \"http://127.0.0.1:\(Self.closedPort())\"\nflush_interval_ms = 10\nbatch_size = 8\n")
        let off = try TestServer.makeHome(config: "[plugins]\ntelemetry = false\n")
        func time(_ home: String) async throws -> (Double, ProcessOutput) {
            try await offPool {
                let t0 = Date()
                let out = try TestServer.psqlui(["-q"], database: "postgres", stdin: input, home: home, timeout: 60)
                return (Date().timeIntervalSince(t0), out)
            }
        }
        var best = (dead: Double.infinity, off: Double.infinity)
        for _ in 0..<3 {
            let (d, dOut) = try await time(dead)
            #expect(dOut.status == 0 && dOut.out.contains("300"), "\(dOut)")
            #expect(dOut.err.contains("psqlui: telemetry:") && dOut.err.contains("not delivered"), "the loss is reported: \(dOut.err)")
            let (o, oOut) = try await time(off)
            #expect(oOut.status == 0, "\(oOut)")
            best = (min(best.dead, d), min(best.off, o))
        }
        let perStatement = (best.dead - best.off) / Double(n) * 1000
        print("telemetry dead endpoint: \(n) statements \(Int(best.dead * 1000)) ms vs \(Int(best.off * 1000)) ms without telemetry: \(String(format: "%.3f", perStatement)) ms per statement")
        #expect(perStatement < 3, "a dead endpoint costs \(perStatement) ms per statement")
    }
}
