import PsqluiCore
import Testing

/// The plugin lifecycle state machine, event by event (no plugin, no .so, no tasks).
struct PluginLifecycleTests {
    typealias L = PluginLifecycle

    @Test func firstUseStartsOneActivationOthersWaitThenUseProviders() {
        var l = L(enabled: true)
        #expect(l.phase == .declared)
        #expect(l.activate("p") == .startActivation(attempt: 1))
        #expect(l.phase == .activating(attempt: 1))
        #expect(l.activate("p") == .awaitActivation)
        #expect(l.activated(attempt: 1) == .useProviders)
        #expect(l.phase == .active(attempt: 1))
        #expect(l.activate("p") == .useProviders)
        #expect(l.failures == 0)
    }

    @Test func disabledByConfigRefusesUntilEnabled() {
        var l = L(enabled: false)
        #expect(l.activate("p") == .refuse(.isDisabled(plugin: "p")))
        #expect(l.disable("p") == .refuse(.notEnabled(plugin: "p")))
        #expect(l.enable("p") == .reset)
        #expect(l.activate("p") == .startActivation(attempt: 1))
    }

    @Test func aFailedActivationIsCountedAndRetriedOnNextUse() {
        var l = L(enabled: true)
        #expect(l.activate("p") == .startActivation(attempt: 1))
        #expect(l.activationFailed(attempt: 1) == .counted(disabledNow: false, shutDown: false))
        #expect(l.phase == .declared && l.failures == 1)
        #expect(l.activate("p") == .startActivation(attempt: 2))
    }

    @Test func theThirdFaultDisablesAndStopsAnActivePlugin() {
        var l = L(enabled: true, failureLimit: 3)
        _ = l.activate("p")
        _ = l.activated(attempt: 1)
        #expect(l.faulted() == .counted(disabledNow: false, shutDown: false))
        #expect(l.faulted() == .counted(disabledNow: false, shutDown: false))
        #expect(l.faulted() == .counted(disabledNow: true, shutDown: true))
        #expect(l.phase == .failed && l.failures == 3)
        #expect(l.activate("p") == .refuse(.wasDisabledAfterFailures(plugin: "p")))
        #expect(l.faulted() == .none, "a disabled plugin's late faults count no more")
        #expect(l.enable("p") == .reset)
        #expect(l.phase == .declared && l.failures == 0)
    }

    @Test func threeFailedActivationsDisableWithoutShutdown() {
        var l = L(enabled: true)
        for attempt in 1...2 {
            #expect(l.activate("p") == .startActivation(attempt: attempt))
            #expect(l.activationFailed(attempt: attempt) == .counted(disabledNow: false, shutDown: false))
        }
        #expect(l.activate("p") == .startActivation(attempt: 3))
        #expect(l.activationFailed(attempt: 3) == .counted(disabledNow: true, shutDown: false))
        #expect(l.phase == .failed)
    }

    @Test func aDependencyFailureIsNotCountedOnTheDependent() {
        var l = L(enabled: true)
        _ = l.activate("p")
        #expect(l.dependencyFailed(attempt: 1) == .none)
        #expect(l.phase == .declared && l.failures == 0)
    }

    @Test func disableWhileActivatingCancelsAndTheLateResultIsShutDown() {
        var l = L(enabled: true)
        _ = l.activate("p")
        #expect(l.disable("p") == .cancelActivation)
        #expect(l.phase == .disabled)
        #expect(l.activated(attempt: 1) == .shutDown, "plugin code ran: stop it")
        #expect(l.phase == .disabled)
        #expect(l.activationFailed(attempt: 1) == .none)
    }

    @Test func aStaleResultFromBeforeAReEnableIsNotUsed() {
        var l = L(enabled: true)
        _ = l.activate("p")
        _ = l.disable("p")
        _ = l.enable("p")
        #expect(l.activate("p") == .startActivation(attempt: 2))
        #expect(l.activated(attempt: 1) == .shutDown)
        #expect(l.phase == .activating(attempt: 2))
        #expect(l.activated(attempt: 2) == .useProviders)
    }

    @Test func disableAnActivePluginShutsItDown() {
        var l = L(enabled: true)
        _ = l.activate("p")
        _ = l.activated(attempt: 1)
        #expect(l.disable("p") == .shutDown)
        #expect(l.enable("p") == .reset)
        #expect(l.enable("p") == .refuse(.alreadyEnabled(plugin: "p")))
    }

    @Test func shutdownIsTerminal() {
        var active = L(enabled: true)
        _ = active.activate("p")
        _ = active.activated(attempt: 1)
        #expect(active.shutdown() == .shutDown)
        #expect(active.activate("p") == .refuse(.stopped(plugin: "p")))
        #expect(active.enable("p") == .refuse(.stopped(plugin: "p")))

        var activating = L(enabled: true)
        _ = activating.activate("p")
        #expect(activating.shutdown() == .cancelActivation)
        #expect(activating.activated(attempt: 1) == .shutDown)

        var idle = L(enabled: true)
        #expect(idle.shutdown() == .none, "never activated: no onShutdown")
    }

    @Test func aRefusedPluginStaysRefused() {
        var l = L(refused: "needs plugin \"x\"")
        #expect(l.activate("p") == .refuse(.notLoaded(plugin: "p", reason: "needs plugin \"x\"")))
        #expect(l.enable("p") == .refuse(.cannotEnableRefused(plugin: "p")))
        #expect(!l.isUsable)
    }
}

/// Which faults count toward disabling a plugin, and how each reads.
struct PluginFaultTests {
    @Test(arguments: [
        (PluginFault.commandFailed(plugin: "x", message: "boom"), true, "plugin \"x\": boom"),
        (.activationFailed(plugin: "x", message: "no"), true, "plugin \"x\": activation failed: no"),
        (.activationTimedOut(plugin: "x", seconds: 10), true, "plugin \"x\": activation did not finish within 10 s"),
        (.missingDeclared(plugin: "x", what: "format y"), true, "plugin \"x\": declared format y but did not provide it"),
        (.userQueryFailed(plugin: "x", error: .init(message: "syntax error at or near \"selec\"", sqlState: "42601")), false,
         "ERROR:  syntax error at or near \"selec\""),
        (.isDisabled(plugin: "x"), false, "plugin \"x\" is disabled; enable it with :plugins enable x"),
        (.shutdownOverran(plugin: "x", seconds: 2), false, "plugin \"x\" did not finish shutting down within 2 s"),
    ] as [(PluginFault, Bool, String)])
    func countsAndReads(fault: PluginFault, counts: Bool, line: String) {
        #expect(fault.countsAgainstPlugin == counts)
        #expect(fault.description == line)
    }
}
