import FoundationEssentials
import PsqluiPluginAPI

/// Hands statement analyses to the SQL assists one after another, in statement
/// order, on a task of its own: the statement run never waits for a plugin.
final class AssistDelivery: @unchecked Sendable {
    private let continuation: AsyncStream<AnalysisResult>.Continuation
    private let consumer: Task<Void, Never>

    /// Delivers through `deliver`, reporting its lines with `report`.
    init(deliver: @escaping @Sendable (AnalysisResult) async -> [String], report: @escaping @Sendable ([String]) -> Void) {
        let (stream, continuation) = AsyncStream<AnalysisResult>.makeStream(bufferingPolicy: .bufferingNewest(256))
        self.continuation = continuation
        consumer = Task {
            for await result in stream {
                let lines = await deliver(result)
                if !lines.isEmpty { report(lines) }
            }
        }
    }

    deinit {
        continuation.finish()
    }

    /// Delivers what is queued (within `seconds`), then stops.
    func drain(seconds: Double) async {
        continuation.finish()
        let consumer = self.consumer
        _ = await Deadline.run(seconds: seconds) { await consumer.value }
    }

    /// Queues `result` for the assists.
    func enqueue(_ result: AnalysisResult) { continuation.yield(result) }
}
