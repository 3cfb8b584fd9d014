package io.github.padlock.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.padlock.SecurityParam;
import io.github.padlock.Verifier;
import io.github.padlock.jwt.JwtCacheStatistics;
import io.github.padlock.jwt.JwtDecoder;
import io.github.padlock.jwt.JwtIssuer;
import io.github.padlock.jwt.JwtPrincipal;
import io.github.padlock.jwt.JwtSettings;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code padlock.jwt.cache}: on by default, off by a property, its bounds checked at start-up, left out without
 * Caffeine unless asked for; and on a cached token, what is per request stays per request: the scopes required on
 * the path and the verifiers above the JWT's.
 */
class PadlockJwtCacheTests {

    private static final String SECRET = "a-secret-of-at-least-thirty-two-bytes-long!";

    private static final FilteredClassLoader WITHOUT_CAFFEINE = new FilteredClassLoader(
            "com.github.benmanes.caffeine.");

    private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
                HttpMessageConvertersAutoConfiguration.class, WebMvcAutoConfiguration.class,
                PadlockAutoConfiguration.class, PadlockJwtAutoConfiguration.class,
                PadlockTokenStoreAutoConfiguration.class))
        .withPropertyValues("padlock.jwt.secret=" + SECRET, "padlock.schemes.bearer.type=http-bearer",
                "padlock.verifiers.tokenUser.type=jwt", "padlock.verifiers.tokenUser.scheme=bearer");

    @Test
    void cacheWhenNothingSetThenOnWithoutStatistics() {
        this.contextRunner.withUserConfiguration(ScopedController.class).run((context) -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(JwtDecoder.class).cacheStatistics()).as("no statistics by default").isNull();
            String token = token(context, List.of("items:read"));
            JwtDecoder decoder = context.getBean(JwtDecoder.class);
            assertThat(decoder.decode(token)).as("a hit").isSameAs(decoder.decode(token));
        });
    }

    @Test
    void cacheWhenRecordStatsThenCountsHitsOfRequests() {
        this.contextRunner.withUserConfiguration(ScopedController.class)
            .withPropertyValues("padlock.jwt.cache.record-stats=true")
            .run((context) -> {
                MockMvcTester mvc = MockMvcTester.from(context);
                String token = token(context, List.of("items:read"));
                for (int i = 0; i < 3; i++) {
                    assertThat(mvc.get().uri("/read").header("Authorization", "Bearer " + token)).hasStatusOk();
                }
                JwtCacheStatistics statistics = context.getBean(JwtDecoder.class).cacheStatistics();
                assertThat(statistics).isEqualTo(new JwtCacheStatistics(2, 1, 0, 1));
            });
    }

    @Test
    void cacheWhenDisabledThenEveryTokenVerified() {
        this.contextRunner
            .withPropertyValues("padlock.jwt.cache.enabled=false", "padlock.jwt.cache.record-stats=true")
            .run((context) -> {
                JwtDecoder decoder = context.getBean(JwtDecoder.class);
                String token = token(context, List.of());
                assertThat(decoder.decode(token)).isNotSameAs(decoder.decode(token));
                assertThat(decoder.cacheStatistics()).isNull();
            });
    }

    @Test
    void cacheWhenCachedTokenThenScopesAndVerifiersAboveCheckedOnEveryRequest() {
        this.contextRunner.withUserConfiguration(ScopedController.class)
            .withPropertyValues("padlock.jwt.cache.record-stats=true")
            .run((context) -> {
                MockMvcTester mvc = MockMvcTester.from(context);
                String token = "Bearer " + token(context, List.of("items:read"));
                for (int i = 0; i < 3; i++) {
                    assertThat(mvc.get().uri("/read").header("Authorization", token)).hasStatusOk();
                    assertThat(mvc.get().uri("/write").header("Authorization", token)).hasStatus(403);
                    assertThat(mvc.get().uri("/active").header("Authorization", token)).hasStatusOk()
                        .bodyJson()
                        .extractingPath("$.checks")
                        .isEqualTo(i + 1);
                }
                assertThat(context.getBean(JwtDecoder.class).cacheStatistics().hits()).isEqualTo(8);
                assertThat(context.getBean(ScopedController.class).activeChecks.get()).isEqualTo(3);
            });
    }

    @Test
    void cacheWhenMaximumSizeBelowOneThenStartUpFailsNamingIt() {
        this.contextRunner.withPropertyValues("padlock.jwt.cache.maximum-size=0")
            .run((context) -> assertThat(messages(context))
                .contains("Property padlock.jwt.cache.maximum-size with value '0' is invalid")
                .contains("must be at least 1"));
    }

    @Test
    void cacheWhenMaximumAgeLongerThanADayThenStartUpFailsNamingIt() {
        this.contextRunner.withPropertyValues("padlock.jwt.cache.maximum-age=2d")
            .run((context) -> assertThat(messages(context)).contains("Property padlock.jwt.cache.maximum-age ")
                .contains("must be positive and at most a day"));
    }

    @Test
    void cacheWhenCaffeineMissingAndNotAskedForThenEveryTokenVerified() {
        this.contextRunner.withClassLoader(WITHOUT_CAFFEINE)
            .withUserConfiguration(ScopedController.class)
            .run((context) -> {
                assertThat(context).hasNotFailed();
                MockMvcTester mvc = MockMvcTester.from(context);
                String token = "Bearer " + token(context, List.of("items:read"));
                assertThat(mvc.get().uri("/read").header("Authorization", token)).hasStatusOk();
                JwtDecoder decoder = context.getBean(JwtDecoder.class);
                assertThat(decoder.decode(token.substring(7))).isNotSameAs(decoder.decode(token.substring(7)));
            });
    }

    @Test
    void cacheWhenCaffeineMissingAndAskedForThenStartUpFailsNamingTheDependency() {
        this.contextRunner.withClassLoader(WITHOUT_CAFFEINE)
            .withPropertyValues("padlock.jwt.cache.maximum-size=500")
            .run((context) -> assertThat(messages(context))
                .contains("Property padlock.jwt.cache.enabled ")
                .contains("add com.github.ben-manes.caffeine:caffeine")
                .contains("or set padlock.jwt.cache.enabled to false"));
        this.contextRunner.withClassLoader(WITHOUT_CAFFEINE)
            .withPropertyValues("padlock.jwt.cache.enabled=false")
            .run((context) -> assertThat(context).hasNotFailed());
    }

    private static String token(AssertableWebApplicationContext context, List<String> scopes) {
        return new JwtIssuer(context.getBean(JwtSettings.class)).issue("stanley", scopes, Duration.ofMinutes(5))
            .value();
    }

    private static String messages(AssertableWebApplicationContext context) {
        assertThat(context).hasFailed();
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = context.getStartupFailure(); cause != null; cause = cause.getCause()) {
            messages.append(cause.getClass().getName()).append(": ").append(cause.getMessage()).append('\n');
        }
        return messages.toString();
    }

    @Configuration(proxyBeanMethods = false)
    @RestController
    static class ScopedController {

        final AtomicInteger activeChecks = new AtomicInteger();

        /** A verifier above the JWT's, as an application writes one: it must run on every request. */
        @Bean
        Verifier<JwtPrincipal> activeUser(Verifier<JwtPrincipal> tokenUser) {
            return Verifier.of(tokenUser, (principal, scopes) -> {
                this.activeChecks.incrementAndGet();
                return principal;
            });
        }

        @GetMapping("/read")
        Map<String, Object> read(@SecurityParam(value = "tokenUser", scopes = "items:read") JwtPrincipal user) {
            return Map.of("sub", user.subject());
        }

        @GetMapping("/write")
        Map<String, Object> write(@SecurityParam(value = "tokenUser", scopes = "items:write") JwtPrincipal user) {
            return Map.of("sub", user.subject());
        }

        @GetMapping("/active")
        Map<String, Object> active(@SecurityParam("activeUser") JwtPrincipal user) {
            return Map.of("sub", user.subject(), "checks", this.activeChecks.get());
        }
    }
}
