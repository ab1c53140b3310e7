import Dispatch
import FoundationEssentials
import Glibc
import PsqluiCore

/// `psqlui --bench-completion N` (hidden): connects, loads the metadata cache as
/// the prompt would, then times N varied completion requests in-process, as the
/// libedit bridge makes them. Prints `name: value` lines for scripts/bench.
public enum CompletionBenchmark {
    /// What the bridge asks for: a screenful and then some.
    public static let bridgeLimit = 200

    static let requests = [
        "select * from ", "select * from ord", "select * from orders_12", "SELECT * FROM cust",
        "select  from orders_5 o where o.", "select * from orders_1 o join ", "select * from orders_1 o join customers_2 c on ",
        "sel", "select count(", "select 1::", "update ", "insert into cus", "delete from pay", "select * from public.",
        "select o. from orders_8 o", "with x as (select 1) select * from ", "alter table ", ":describe ", ":export ",
        "select * from ship", "select * from xyz", "select * from events_99", "grant select on ", "select fn_",
    ]

    public static func run(_ options: LaunchOptions, requests count: Int) -> Int32 {
        let out = FileDescriptorWriter(fileDescriptor: 1)
        let commands = App.startPlugins(skipConfig: true, builtins: options.builtinPlugins, report: { _ in })
        defer { App.stopPlugins(commands) }
        let cache = MetadataCache(registry: commands.plugins)
        let rssBefore = residentBytes()
        let started = DispatchTime.now()
        cache.connect(settings: options.connection)
        guard cache.waitForSnapshot(timeout: 120), cache.snapshot.relations.count > 0 else {
            try? out.write("metadata did not load\n"); try? out.flush()
            return ExitCode.failure
        }
        let readySeconds = seconds(since: started)
        let source = cache.lastSource
        let phases = cache.lastLoadPhases.map { "\($0.phase) \(NumberText.fixed($0.seconds, places: 3))" }.joined(separator: ", ")
        cache.waitForLoads(1, timeout: 60)
        let loadSeconds = seconds(since: started)
        let rssAfter = residentBytes()
        let sources = CompletionSources(snapshot: { cache.snapshot }, commands: commands, variables: VariableStore())
        // One relation's columns: in the snapshot (small catalog) or fetched on first use (large).
        let probe = cache.snapshot.relations.first { !MetadataSnapshot.isSystemSchema($0.schema) } ?? cache.snapshot.relations[0]
        let t0 = DispatchTime.now()
        let probeColumns = cache.snapshot.columns(of: probe).count
        let firstColumnsMs = seconds(since: t0) * 1000
        var times: [Double] = []
        times.reserveCapacity(count)
        var emptyFrom: [Double] = []
        var perRequest: [String: [Double]] = [:]
        for i in 0..<max(count, 1) {
            let text = requests[i % requests.count]
            let t0 = DispatchTime.now()
            let found = sources.engine().complete(text: text, cursor: cursorFor(text), limit: bridgeLimit)
            let ms = seconds(since: t0) * 1000
            times.append(ms)
            perRequest[text, default: []].append(ms)
            if text == "select * from " { emptyFrom.append(ms) }
            if found.isEmpty && text == "select * from " { try? out.write("no candidates for \(text)\n") }
        }
        // Another session's DDL changes the catalog: only when asked (a warm run after it would be cold).
        let measuresDDL = ProcessInfo.processInfo.environment["PSQLUI_BENCH_DDL"] == "1"
        let ddl = measuresDDL ? ddlSeconds(cache: cache, settings: options.connection) : nil
        cache.stop()
        let report = """
            relations: \(cache.snapshot.relations.count)
            columns: \(cache.snapshot.columnStore == nil ? "loaded with the catalog" : "per relation, on first use")
            metadata ready after connect: \(NumberText.fixed(readySeconds, places: 3)) s (from \(source))
            metadata ready phases (s): \(phases)
            metadata load after connect: \(NumberText.fixed(loadSeconds, places: 3)) s
            first columns of one relation: \(NumberText.fixed(firstColumnsMs, places: 3)) ms (\(probeColumns) columns)
            cache memory (RSS growth): \(NumberText.fixed(Double(rssAfter - rssBefore) / 1_048_576, places: 1)) MiB
            completion p50: \(NumberText.fixed(percentile(times, 0.50), places: 3)) ms
            completion p99: \(NumberText.fixed(percentile(times, 0.99), places: 3)) ms
            completion max: \(NumberText.fixed(times.max() ?? 0, places: 3)) ms
            completion after 'from ' p50: \(NumberText.fixed(percentile(emptyFrom, 0.50), places: 3)) ms
            slowest request by p50: \(perRequest.max { percentile($0.value, 0.5) < percentile($1.value, 0.5) }.map { "'\($0.key)' \(NumberText.fixed(percentile($0.value, 0.5), places: 3)) ms" } ?? "-")
            slowest request by p99: \(perRequest.max { percentile($0.value, 0.99) < percentile($1.value, 0.99) }.map { "'\($0.key)' \(NumberText.fixed(percentile($0.value, 0.99), places: 3)) ms" } ?? "-")
            requests: \(times.count)
            DDL by another session offered after the next prompt's check: \(ddl.map { NumberText.fixed($0, places: 3) + " s" } ?? (measuresDDL ? "not seen within 15 s" : "not measured in this phase (PSQLUI_BENCH_DDL=1)"))

            """
        try? out.write(report)
        if ProcessInfo.processInfo.environment["PSQLUI_BENCH_PER_REQUEST"] == "1" {
            for (text, t) in perRequest.sorted(by: { percentile($0.value, 0.99) > percentile($1.value, 0.99) }) {
                try? out.write("request p50 \(NumberText.fixed(percentile(t, 0.5), places: 3, width: 7)) p99 \(NumberText.fixed(percentile(t, 0.99), places: 3, width: 7)) ms '\(text)'\n")
            }
        }
        try? out.flush()
        return ExitCode.success
    }

    /// Another session creates a table; the prompt's fingerprint check
    /// (`checkForChanges`) runs at once, as at the next prompt: seconds until the table is offered.
    static func ddlSeconds(cache: MetadataCache, settings: ConnectionSettings) -> Double? {
        let other = PGSession(settings: settings)
        other.usesQueryCanceller = false
        guard (try? other.connect()) != nil else { return nil }
        defer { other.close() }
        // As a person at another prompt: not within a second of connecting (a session
        // that reported its counters under a second ago reports the next ones up to 10 s later).
        usleep(1_500_000)
        let name = "psqlui_bench_probe_\(getpid())"
        guard (try? other.query("CREATE TABLE \(name) (id int)")) != nil else { return nil }
        defer { _ = try? other.query("DROP TABLE IF EXISTS \(name)") }
        let started = DispatchTime.now()
        cache.checkForChanges()
        while seconds(since: started) < 15 {
            if cache.snapshot.relation(schema: nil, name: name) != nil { return seconds(since: started) }
            usleep(5_000)
        }
        return nil
    }

    /// The cursor before a trailing `from orders_8 o` style tail (`select o. from …`), else the end.
    static func cursorFor(_ text: String) -> Int {
        if text.hasPrefix("select o. from") { return "select o.".count }
        return text.count
    }

    static func percentile(_ values: [Double], _ p: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        return sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * p + 0.5))]
    }

    static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }

    /// VmRSS of this process, from /proc.
    static func residentBytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            let kb = line.split(separator: " ").compactMap { Int($0) }.first ?? 0
            return kb * 1024
        }
        return 0
    }
}
