import Testing
@testable import PsqluiCore

/// Issue 9 items 13 and 14: one rule for secret names, used by history and config.
@Suite struct SecretFilterTests {
    @Test(arguments: [
        ("\\set PASSWORD x", true),
        ("\\set my_token abc", true),
        (":set PASSWORD x", true),
        (":set api_secret x", true),
        ("\\setenv PGPASSWORD x", true),
        ("  \\setenv GITHUB_TOKEN=x", true),
        ("\\set ON_ERROR_STOP 1", false),
        (":set AUTOCOMMIT off", false),
        ("\\setenv PAGER less", false),
        ("alter user bob password 'x'", true),
        ("select 1", false),
    ])
    func historyFiltersSecretVariablesAndEnvironment(_ line: String, _ secret: Bool) {
        #expect(SecretFilter.containsSecret(line) == secret)
    }

    @Test(arguments: [("password", false, true), ("Token", false, true), ("client_secret", false, true),
                      ("api_key", true, true), ("api_key", false, false), ("endpoint", true, false)])
    func secretNames(_ name: String, _ includingKey: Bool, _ secret: Bool) {
        #expect(SecretFilter.isSecretName(name, includingKey: includingKey) == secret)
    }
}
