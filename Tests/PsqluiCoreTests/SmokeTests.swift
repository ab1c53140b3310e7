import Testing
@testable import PsqluiCore
@Test func coreVersion() { #expect(PsqluiCoreInfo.version == "0.1.0") }
