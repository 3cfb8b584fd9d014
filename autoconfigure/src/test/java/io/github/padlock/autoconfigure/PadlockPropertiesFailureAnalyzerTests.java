package io.github.padlock.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Real start-ups with a misspelled {@code padlock.*} key or value: each fails, and the report speaks the README's
 * words — the key as written with the closest known one, the values as the README spells them — and never shows the
 * value of an unknown key, which may be a secret under a misspelled name.
 */
@ExtendWith(OutputCaptureExtension.class)
class PadlockPropertiesFailureAnalyzerTests {

    private static final String SECRET = "jwt-secret-that-is-long-enough-7Qm2Zk9xVb4nHt1sLp8d";

    @Test
    void startWhenJwtKeyIsMisspelledThenItFailsNamingTheClosestKey(CapturedOutput output) {
        assertFails(Map.of("padlock.jwt.secret", SECRET, "padlock.jwt.isuer", "https://issuer.example"));
        assertThat(output.getAll()).contains("padlock.jwt.isuer", "did you mean padlock.jwt.issuer?")
            .doesNotContain("issuer.example");
    }

    @Test
    void startWhenJwtCacheKeyIsMisspelledThenItFailsNamingTheClosestKey(CapturedOutput output) {
        assertFails(Map.of("padlock.jwt.secret", SECRET, "padlock.jwt.cache.maximum-sise", "500"));
        assertThat(output.getAll()).contains("padlock.jwt.cache.maximum-sise",
                "did you mean padlock.jwt.cache.maximum-size?");
    }

    @Test
    void startWhenSecretKeyIsMisspelledThenItsValueIsNotShown(CapturedOutput output) {
        assertFails(Map.of("padlock.jwt.secrett", SECRET));
        assertThat(output.getAll()).contains("padlock.jwt.secrett", "did you mean padlock.jwt.secret?")
            .doesNotContain("7Qm2Zk9x");
    }

    @Test
    void startWhenSchemeKeyIsMisspelledThenTheSuggestionKeepsTheSchemeName(CapturedOutput output) {
        assertFails(Map.of("padlock.schemes.basicAuth.type", "http-basic", "padlock.schemes.basicAuth.realmm",
                "x"));
        assertThat(output.getAll()).contains("padlock.schemes.basicAuth.realmm",
                "did you mean padlock.schemes.basicAuth.realm?");
    }

    @Test
    void startWhenTopLevelKeyIsMisspelledThenItFails(CapturedOutput output) {
        assertFails(Map.of("padlock.brute-forse.enabled", "true"));
        assertThat(output.getAll()).contains("did you mean padlock.brute-force.enabled?");
    }

    @Test
    void startWhenSchemeTypeIsMisspelledThenTheValuesAreTheReadmes(CapturedOutput output) {
        assertFails(Map.of("padlock.schemes.apiKey.type", "api-key-headr"));
        assertThat(output.getAll())
            .contains("'api-key-headr' is not a valid value of 'padlock.schemes.apiKey.type'",
                    "http-basic, http-bearer, http-digest, http-base, api-key-header, api-key-query, api-key-cookie,"
                            + " oauth2, oauth2-password-bearer, oauth2-authorization-code-bearer, openid-connect",
                    "did you mean api-key-header?")
            .doesNotContain("API_KEY_HEADER");
    }

    @Test
    void startWhenVerifierTypeIsMisspelledThenTheValuesAreTheReadmes(CapturedOutput output) {
        assertFails(Map.of("padlock.schemes.basicAuth.type", "http-basic", "padlock.verifiers.basicUser.type",
                "user", "padlock.verifiers.basicUser.scheme", "basicAuth"));
        assertThat(output.getAll()).contains("'user' is not a valid value of 'padlock.verifiers.basicUser.type'",
                "did you mean users?");
    }

    @Test
    void knownWhenReadFromThePropertiesThenMapKeysAreWildcardsAndFlowsTheirNames() {
        assertThat(PropertyNames.known()).contains("padlock.jwt.clock-skew", "padlock.schemes.*.realm",
                "padlock.schemes.*.flows.authorization-code.token-url", "padlock.users.*.password",
                "padlock.api-keys.*.hash", "padlock.verifiers.*.type", "padlock.brute-force.max-failures");
    }

    @Test
    void closestWhenCamelCaseThenComparedInTheCanonicalForm() {
        assertThat(PropertyNames.closest("padlock.tokenEndpoint.acessTokenTtl"))
            .isEqualTo("padlock.token-endpoint.access-token-ttl");
        assertThat(PropertyNames.closest("padlock.users.Alice.pasword")).isEqualTo("padlock.users.Alice.password");
    }

    private static void assertFails(Map<String, Object> properties) {
        SpringApplication application = new SpringApplication(App.class);
        application.setWebApplicationType(WebApplicationType.SERVLET);
        Map<String, Object> defaults = new LinkedHashMap<>(properties);
        defaults.put("server.port", "0");
        defaults.put("server.address", "127.0.0.1");
        defaults.put("spring.main.banner-mode", "off");
        application.setDefaultProperties(defaults);
        assertThat(catchThrowable(() -> application.run().close())).as("the start-up fails").isNotNull();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
    }
}
