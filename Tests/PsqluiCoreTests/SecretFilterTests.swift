import Testing
@testable import PsqluiCore

@Suite struct SecretNameTests {
    @Test(arguments: [
        ("PASSWORD", true), ("pgpassword", true), ("API_TOKEN", true), ("client_secret", true),
        ("PGPASSWD", true), ("ECHO", false), ("ON_ERROR_STOP", false), ("signing_key", false),
    ])
    func variableNames(_ name: String, _ secret: Bool) {
        #expect(SecretFilter.isSecretName(name) == secret)
    }

    @Test(arguments: [("signing_key", true), ("api_key", true), ("password", true), ("endpoint", false), ("host", false)])
    func configKeys(_ name: String, _ secret: Bool) {
        #expect(SecretFilter.isSecretConfigKey(name) == secret)
    }

    @Test(arguments: [
        ("\\set PASSWORD x", true), (":set API_TOKEN y", true), ("\\setenv PGPASSWORD z", true),
        ("select 1 \\set my_secret 2", true), ("\\set harmless 1", false), ("\\set", false),
        ("select 'pass' as word", false), ("ALTER ROLE r PASSWORD 'x'", true),
    ])
    func historyEntries(_ text: String, _ secret: Bool) {
        #expect(SecretFilter.containsSecret(text) == secret)
    }
}
