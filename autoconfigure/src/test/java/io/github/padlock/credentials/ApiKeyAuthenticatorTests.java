package io.github.padlock.credentials;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ApiKeyAuthenticator} and {@link ApiKeyGenerator}: {@code id.secret} keys against {@code sha256:} and encoder
 * hashes.
 */
class ApiKeyAuthenticatorTests {

    private static final PasswordEncoder ENCODER = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    private final ApiKeyGenerator.GeneratedKey reporting = ApiKeyGenerator.generate("reporting");

    private final ApiKeyAuthenticator authenticator = new ApiKeyAuthenticator(new InMemoryApiKeyStore(List.of(
            new StoredApiKey("reporting", this.reporting.hash(), List.of("reports:read")),
            new StoredApiKey("legacy", ENCODER.encode("legacy.s3cr3t"), List.of()))), ENCODER);

    @Test
    void generateWhenIdThenKeyStartsWithIdAndHashIsSha256() {
        assertThat(this.reporting.key()).startsWith("reporting.").hasSizeGreaterThan(50);
        assertThat(this.reporting.hash()).matches("sha256:[0-9a-f]{64}");
        assertThat(ApiKeyGenerator.generate("reporting").key()).isNotEqualTo(this.reporting.key());
    }

    @Test
    void checkWhenGeneratedKeyThenStoredKey() {
        assertThat(this.authenticator.check(this.reporting.key())).extracting(StoredApiKey::id).isEqualTo("reporting");
    }

    @Test
    void checkWhenSecretChangedThenNothing() {
        String key = this.reporting.key();
        String tampered = key.substring(0, key.length() - 1) + (key.endsWith("A") ? "B" : "A");
        assertThat(this.authenticator.check(tampered)).isNull();
    }

    @Test
    void checkWhenUnknownIdOrNoDotThenNothing() {
        assertThat(this.authenticator.check("nobody.whatever")).isNull();
        assertThat(this.authenticator.check("no-dot-at-all")).isNull();
        assertThat(this.authenticator.check(".leading-dot")).isNull();
        assertThat(this.authenticator.check("")).isNull();
    }

    @Test
    void checkWhenKeyStoredWithEncoderThenMatchedByEncoder() {
        assertThat(this.authenticator.check("legacy.s3cr3t")).extracting(StoredApiKey::id).isEqualTo("legacy");
        assertThat(this.authenticator.check("legacy.wrong")).isNull();
    }

    @Test
    void checkWhenBuiltWithoutEncoderThenSha256KeysMatchAndEncoderHashesNever() {
        ApiKeyAuthenticator sha256Only = new ApiKeyAuthenticator(new InMemoryApiKeyStore(List.of(
                new StoredApiKey("reporting", this.reporting.hash(), List.of()),
                new StoredApiKey("legacy", ENCODER.encode("legacy.s3cr3t"), List.of()))));
        assertThat(sha256Only.check(this.reporting.key())).extracting(StoredApiKey::id).isEqualTo("reporting");
        assertThat(sha256Only.check("legacy.s3cr3t")).isNull();
        assertThat(sha256Only.check("legacy.wrong")).isNull();
    }

    @Test
    void checkWhenStoredHashMalformedThenNeverMatches() {
        ApiKeyAuthenticator broken = new ApiKeyAuthenticator(new InMemoryApiKeyStore(List.of(
                new StoredApiKey("x", "sha256:zz", List.of()))), ENCODER);
        assertThat(broken.check("x.anything")).isNull();
    }

    @Test
    void storedApiKeyToStringLeavesTheHashOut() {
        assertThat(new StoredApiKey("reporting", this.reporting.hash(), List.of()).toString())
            .doesNotContain(this.reporting.hash());
    }
}
