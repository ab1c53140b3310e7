import Foundation
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
        guard cache.waitForLoads(1, timeout: 60), cache.snapshot.relations.count > 0 else {
            try? out.write("metadata did not load\n"); try? out.flush()
            return ExitCode.failure
        }
        let loadSeconds = seconds(since: started)
        let rssAfter = residentBytes()
        cache.stop()
        let sources = CompletionSources(snapshot: { cache.snapshot }, commands: commands, variables: VariableStore())
        var times: [Double] = []
        times.reserveCapacity(count)
        var emptyFrom: [Double] = []
        for i in 0..<max(count, 1) {
            let text = requests[i % requests.count]
            let t0 = DispatchTime.now()
            let found = sources.engine().complete(text: text, cursor: cursorFor(text), limit: bridgeLimit)
            let ms = seconds(since: t0) * 1000
            times.append(ms)
            if text == "select * from " { emptyFrom.append(ms) }
            if found.isEmpty && text == "select * from " { try? out.write("no candidates for \(text)\n") }
        }
        let report = """
            relations: \(cache.snapshot.relations.count)
            metadata load after connect: \(String(format: "%.3f", loadSeconds)) s
            cache memory (RSS growth): \(String(format: "%.1f", Double(rssAfter - rssBefore) / 1_048_576)) MiB
            completion p50: \(String(format: "%.3f", percentile(times, 0.50))) ms
            completion p99: \(String(format: "%.3f", percentile(times, 0.99))) ms
            completion after 'from ' p50: \(String(format: "%.3f", percentile(emptyFrom, 0.50))) ms
            requests: \(times.count)

            """
        try? out.write(report)
        try? out.flush()
        return ExitCode.success
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
