import Foundation
import PsqluiCore
import Testing

/// The one blocking bridge (`BlockingAsync`) and the session executor: session work
/// that async code asks for runs on the thread that waits, in order; none runs when no
/// thread waits; a deadline gives up without waiting for the work. The waiting thread
/// is a Thread of its own, never a pool thread (the pool has 2 here).
@Suite struct SessionExecutorTests {
    /// Runs `body` on a new thread and returns its value without blocking the pool.
    private func onThread<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { c in Thread { c.resume(returning: body()) }.start() }
    }

    @Test func sessionWorkRunsOnTheWaitingThreadInOrder() async throws {
        let executor = SessionExecutor(session: PGSession(settings: ConnectionSettings()))
        // The thread is identified by pthread_self, not by its name: libdispatch may
        // rename a thread that drains its work (seen under the full suite's load).
        let (owner, ran) = await onThread { () -> (UInt, [String]) in
            let owner = UInt(pthread_self())
            let ran = try? BlockingAsync.run(serving: executor) { () async throws -> [String] in
                var names: [String] = []
                for i in 0..<3 {
                    names.append(try await executor.perform { _ in "\(UInt(pthread_self()) == owner ? "owner" : "other") \(i)" })
                }
                return names
            }
            return (owner, ran ?? [])
        }
        #expect(owner != 0)
        #expect(ran == ["owner 0", "owner 1", "owner 2"])
    }

    @Test func noSessionWorkRunsWhenNoThreadWaits() async {
        let executor = SessionExecutor(session: PGSession(settings: ConnectionSettings()))
        await #expect(throws: SessionExecutor.NotAvailable.self) { try await executor.perform { _ in 1 } }
    }

    @Test func aDeadlineReturnsWithoutWaitingForTheWork() async {
        let result = await onThread { () -> Int? in
            (try? BlockingAsync.run(timeout: 0.2) { () async -> Int in
                try? await Task.sleep(nanoseconds: 5_000_000_000)
                return 1
            }) ?? nil
        }
        #expect(result == nil)
    }

    @Test func errorsOfTheWorkAreRethrown() async {
        struct Boom: Error {}
        let threw = await onThread { () -> Bool in
            do { _ = try BlockingAsync.run { () async throws -> Int in throw Boom() }; return false } catch { return error is Boom }
        }
        #expect(threw)
    }
}
