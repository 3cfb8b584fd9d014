package io.github.padlock.autoconfigure;

import java.util.List;
import java.util.Map;

import io.github.padlock.SecurityParam;
import io.github.padlock.Verifier;
import io.github.padlock.credentials.ApiKeyAuthenticator;
import io.github.padlock.credentials.ApiKeyHashes;
import io.github.padlock.credentials.ApiKeyPrincipal;
import io.github.padlock.credentials.ApiKeyStore;
import io.github.padlock.credentials.StoredApiKey;
import io.github.padlock.credentials.UserAuthenticator;
import io.github.padlock.credentials.UserStore;
import io.github.padlock.jwt.JwtDecoder;
import io.github.padlock.jwt.JwtIssuer;
import io.github.padlock.jwt.JwtSettings;
import io.github.padlock.oauth2.PasswordTokenEndpoint;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.ContextConsumer;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * nimbus-jose-jwt and spring-security-crypto are optional in the auto-configuration artifact: each part they serve
 * has its own auto-configuration that backs off without its library, an application with API keys only starts without
 * either, and a property that needs a missing library fails the start-up naming the property and the dependency to
 * add. The libraries are hidden from the context with a {@link FilteredClassLoader}; {@link WithoutLibrariesTests}
 * removes them from the class path for real.
 */
class OptionalLibrariesTests {

    private static final FilteredClassLoader WITHOUT_EITHER = new FilteredClassLoader("com.nimbusds.",
            "org.springframework.security.crypto.");

    private static final FilteredClassLoader WITHOUT_CRYPTO = new FilteredClassLoader(
            "org.springframework.security.crypto.");

    private static final FilteredClassLoader WITHOUT_NIMBUS = new FilteredClassLoader("com.nimbusds.");

    private static final String SECRET = "a-secret-of-at-least-thirty-two-bytes-long!";

    private static final String BCRYPT = "{bcrypt}" + new BCryptPasswordEncoder(4).encode("pw");

    private static final String KEY = "reporting.Qm9vayBvZiBrZXlzIGZvciB0ZXN0cw";

    private static final String KEY_HASH = ApiKeyHashes.hash(KEY);

    private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
                HttpMessageConvertersAutoConfiguration.class, WebMvcAutoConfiguration.class,
                PadlockAutoConfiguration.class, PadlockUsersAutoConfiguration.class,
                PadlockJwtAutoConfiguration.class, PadlockTokenStoreAutoConfiguration.class));

    @Test
    void autoConfigurationsWhenBothLibrariesPresentThenUsersAndJwtConfigured() {
        this.contextRunner
            .withPropertyValues("padlock.users.stanley.password=" + BCRYPT, "padlock.jwt.secret=" + SECRET,
                    "padlock.token-endpoint.enabled=true")
            .run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(context).hasSingleBean(UserStore.class).hasSingleBean(UserAuthenticator.class);
                assertThat(context).hasSingleBean(JwtSettings.class).hasSingleBean(JwtDecoder.class);
                assertThat(context).hasSingleBean(JwtIssuer.class).hasSingleBean(PasswordTokenEndpoint.class);
            });
    }

    @Test
    void apiKeysWhenNeitherLibraryThenStartsAndSha256KeysAreChecked() {
        this.contextRunner.withClassLoader(WITHOUT_EITHER)
            .withUserConfiguration(KeyController.class)
            .withPropertyValues("padlock.schemes.apiKey.type=api-key-header", "padlock.schemes.apiKey.name=X-API-KEY",
                    "padlock.api-keys.reporting.hash=" + KEY_HASH,
                    "padlock.api-keys.reporting.scopes=reports:read", "padlock.verifiers.keyUser.type=api-keys",
                    "padlock.verifiers.keyUser.scheme=apiKey")
            .run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(context).hasSingleBean(ApiKeyAuthenticator.class);
                assertThat(context.getBean("keyUser")).isInstanceOf(Verifier.class);
                assertThat(context).doesNotHaveBean(UserAuthenticator.class).doesNotHaveBean(JwtDecoder.class);
                assertThat(context).doesNotHaveBean(PadlockUsersAutoConfiguration.class)
                    .doesNotHaveBean(PadlockJwtAutoConfiguration.class);
                MockMvcTester mvc = MockMvcTester.from(context);
                assertThat(mvc.get().uri("/reports").header("X-API-KEY", KEY)).hasStatusOk()
                    .bodyJson()
                    .extractingPath("$.id")
                    .isEqualTo("reporting");
                assertThat(mvc.get().uri("/reports").header("X-API-KEY", KEY + "x"))
                    .hasStatus(HttpStatus.UNAUTHORIZED);
            });
    }

    @Test
    void apiKeysWhenEncoderHashWithoutCryptoThenFailsNamingThePropertyNotTheValue() {
        this.contextRunner.withClassLoader(WITHOUT_CRYPTO)
            .withPropertyValues("padlock.api-keys.legacy.hash=" + BCRYPT)
            .run((context) -> {
                assertThat(context).hasFailed();
                assertThat(messages(context)).contains("padlock.api-keys.legacy.hash")
                    .contains("org.springframework.security:spring-security-crypto")
                    .doesNotContain(BCRYPT)
                    .doesNotContain(BCRYPT.substring(8, 30))
                    .doesNotContain("NoClassDefFoundError");
            });
    }

    @Test
    void apiKeysWhenStoreOfTheApplicationHoldsAnEncoderHashWithoutCryptoThenThatKeyIsRefused() {
        this.contextRunner.withClassLoader(WITHOUT_CRYPTO).withUserConfiguration(LegacyKeys.class).run((context) -> {
            assertThat(context).hasNotFailed();
            ApiKeyAuthenticator authenticator = context.getBean(ApiKeyAuthenticator.class);
            assertThat(authenticator.check("legacy.pw")).isNull();
            assertThat(authenticator.check(KEY)).isNotNull();
        });
    }

    @Test
    void usersWhenCryptoMissingThenFailsNamingTheDependency() {
        this.contextRunner.withClassLoader(WITHOUT_CRYPTO)
            .withPropertyValues("padlock.users.stanley.password=" + BCRYPT)
            .run(failsNaming("padlock.users", "org.springframework.security:spring-security-crypto"));
    }

    @Test
    void verifiersWhenUsersTypeAndCryptoMissingThenFailsNamingTheDependency() {
        this.contextRunner.withClassLoader(WITHOUT_CRYPTO)
            .withPropertyValues("padlock.schemes.basic.type=http-basic", "padlock.verifiers.user.type=users",
                    "padlock.verifiers.user.scheme=basic")
            .run(failsNaming("padlock.verifiers.user.type", "org.springframework.security:spring-security-crypto"));
    }

    @Test
    void verifiersWhenJwtTypeAndNimbusMissingThenFailsNamingTheDependency() {
        this.contextRunner.withClassLoader(WITHOUT_NIMBUS)
            .withPropertyValues("padlock.schemes.bearer.type=http-bearer", "padlock.verifiers.token.type=jwt",
                    "padlock.verifiers.token.scheme=bearer")
            .run(failsNaming("padlock.verifiers.token.type", "com.nimbusds:nimbus-jose-jwt"));
    }

    @Test
    void jwtWhenNimbusMissingThenFailsNamingTheDependencyNotTheSecret() {
        this.contextRunner.withClassLoader(WITHOUT_NIMBUS)
            .withPropertyValues("padlock.jwt.secret=" + SECRET)
            .run((context) -> {
                failsNaming("padlock.jwt", "com.nimbusds:nimbus-jose-jwt").accept(context);
                assertThat(messages(context)).doesNotContain(SECRET);
            });
    }

    @Test
    void tokenEndpointWhenEitherLibraryMissingThenFailsNamingIt() {
        String[] properties = { "padlock.token-endpoint.enabled=true" };
        this.contextRunner.withClassLoader(WITHOUT_NIMBUS)
            .withPropertyValues(properties)
            .run(failsNaming("padlock.token-endpoint.enabled", "com.nimbusds:nimbus-jose-jwt"));
        this.contextRunner.withClassLoader(WITHOUT_CRYPTO)
            .withPropertyValues(properties)
            .run(failsNaming("padlock.token-endpoint.enabled", "org.springframework.security:spring-security-crypto"));
    }

    @Test
    void autoConfigurationsWhenLibraryMissingAndNotAskedForThenBackOff() {
        this.contextRunner.withClassLoader(WITHOUT_EITHER).run((context) -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(PadlockUsersAutoConfiguration.class)
                .doesNotHaveBean(PadlockJwtAutoConfiguration.class)
                .hasSingleBean(PadlockAutoConfiguration.class);
        });
    }

    private static ContextConsumer<AssertableWebApplicationContext> failsNaming(String property, String dependency) {
        return (context) -> {
            assertThat(context).hasFailed();
            assertThat(messages(context)).contains("Property " + property + " ")
                .contains("add " + dependency)
                .doesNotContain("NoClassDefFoundError")
                .doesNotContain("ClassNotFoundException");
        };
    }

    private static String messages(AssertableWebApplicationContext context) {
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = context.getStartupFailure(); cause != null; cause = cause.getCause()) {
            messages.append(cause.getClass().getName()).append(": ").append(cause.getMessage()).append('\n');
        }
        return messages.toString();
    }

    @RestController
    static class KeyController {

        @GetMapping("/reports")
        Map<String, Object> reports(@SecurityParam(value = "keyUser", scopes = "reports:read") ApiKeyPrincipal key) {
            return Map.of("id", key.id());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class LegacyKeys {

        @Bean
        ApiKeyStore legacyKeys() {
            StoredApiKey sha256 = new StoredApiKey("reporting", KEY_HASH, List.of());
            StoredApiKey encoded = new StoredApiKey("legacy", BCRYPT, List.of());
            return (id) -> id.equals("reporting") ? sha256 : id.equals("legacy") ? encoded : null;
        }
    }
}
