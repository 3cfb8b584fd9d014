package io.github.padlock.autoconfigure;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.github.padlock.AttemptLimiter;
import io.github.padlock.SecurityParam;
import io.github.padlock.credentials.ApiKeyHashes;
import io.github.padlock.credentials.ApiKeyPrincipal;
import io.github.padlock.jwt.JwtIssuer;
import io.github.padlock.jwt.JwtPrincipal;
import io.github.padlock.jwt.JwtSettings;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Without nimbus-jose-jwt, spring-security-crypto, spring-security-core and Spring Boot Actuator on the class path at
 * all — not hidden from the context as in {@link OptionalLibrariesTests}, but absent, so that any class of Padlock that
 * refers to them and gets loaded would fail with {@link NoClassDefFoundError} — an application with API keys (sha256)
 * starts and serves requests, even asking for the actuator endpoint (the bridge to Spring Security backs off), and the
 * properties that need a library fail the start-up naming it. Padlock, Spring and the test are loaded afresh from the
 * test class path less those jars, by a class loader that does not delegate to the one that found them, and
 * {@link Probe} runs there. Without Caffeine alone, {@link JwtProbe} shows that JWTs are verified without the cache
 * unless {@code padlock.jwt.cache} asks for it.
 */
class WithoutLibrariesTests {

    private static final List<String> LEFT_OUT = List.of("nimbus-jose-jwt-", "spring-security-crypto-",
            "spring-security-core-", "spring-boot-actuator-");

    private static final List<String> CAFFEINE = List.of("caffeine-");

    private static final List<String> REDIS = List.of("spring-data-redis-", "spring-boot-data-redis-",
            "lettuce-core-");

    private static final List<String> MICROMETER = List.of("micrometer-core-");

    @Test
    void startWhenNeitherLibraryOnTheClassPathThenApiKeysWorkAndTheRestFailsNamingTheDependency() throws Exception {
        try (URLClassLoader withoutLibraries = withoutLibraries(LEFT_OUT)) {
            assertThatExceptionOfType(ClassNotFoundException.class)
                .isThrownBy(() -> withoutLibraries.loadClass("com.nimbusds.jwt.SignedJWT"));
            assertThatExceptionOfType(ClassNotFoundException.class).isThrownBy(
                    () -> withoutLibraries.loadClass("org.springframework.security.crypto.password.PasswordEncoder"));
            assertThatExceptionOfType(ClassNotFoundException.class).isThrownBy(() -> withoutLibraries
                .loadClass("org.springframework.boot.actuate.endpoint.annotation.Endpoint"));
            assertThatExceptionOfType(ClassNotFoundException.class).isThrownBy(() -> withoutLibraries
                .loadClass("org.springframework.security.core.context.SecurityContextHolder"));
            Map<String, String> outcomes = run(withoutLibraries, Probe.class);
            String nimbus = "add com.nimbusds:nimbus-jose-jwt to the application";
            String crypto = "add org.springframework.security:spring-security-crypto to the application";
            assertThat(outcomes).containsEntry("api keys", "200 {\"id\":\"reporting\"}, 401")
                .hasEntrySatisfying("api key {bcrypt}", (message) -> assertThat(message)
                    .contains("Invalid value for configuration property 'padlock.api-keys.legacy.hash' (not shown: it is a secret)")
                    .contains(crypto)
                    .doesNotContain("$2a$"))
                .hasEntrySatisfying("padlock.users", (message) -> assertThat(message)
                    .contains("Property padlock.users ").contains(crypto))
                .hasEntrySatisfying("type: users", (message) -> assertThat(message)
                    .contains("Property padlock.verifiers.user.type with value 'users' is invalid").contains(crypto))
                .hasEntrySatisfying("type: jwt", (message) -> assertThat(message)
                    .contains("Property padlock.verifiers.token.type with value 'jwt' is invalid").contains(nimbus))
                .hasEntrySatisfying("padlock.jwt", (message) -> assertThat(message)
                    .contains("Property padlock.jwt ").contains(nimbus).doesNotContain("thirty-two"))
                .hasEntrySatisfying("token endpoint", (message) -> assertThat(message)
                    .contains("Property padlock.token-endpoint.enabled ").contains(nimbus));
            assertThat(outcomes.values()).noneMatch((outcome) -> outcome.contains("NoClassDefFoundError")
                    || outcome.contains("ClassNotFoundException") || outcome.contains("TypeNotPresent"));
        }
    }

    @Test
    void startWhenCaffeineNotOnTheClassPathThenJwtsAreVerifiedEveryTimeUnlessTheCacheIsAskedFor() throws Exception {
        try (URLClassLoader withoutCaffeine = withoutLibraries(CAFFEINE)) {
            assertThatExceptionOfType(ClassNotFoundException.class)
                .isThrownBy(() -> withoutCaffeine.loadClass("com.github.benmanes.caffeine.cache.Caffeine"));
            Map<String, String> outcomes = run(withoutCaffeine, JwtProbe.class);
            assertThat(outcomes).containsEntry("jwt", "200 {\"sub\":\"stanley\"}, 200, 401");
            assertThat(outcomes).hasEntrySatisfying("padlock.jwt.cache.maximum-size", (message) -> assertThat(message)
                .contains("Property padlock.jwt.cache.enabled ")
                .contains("add com.github.ben-manes.caffeine:caffeine to the application"));
            assertThat(outcomes.values()).noneMatch((outcome) -> outcome.contains("NoClassDefFoundError")
                    || outcome.contains("ClassNotFoundException") || outcome.contains("TypeNotPresent"));
        }
    }

    @Test
    void startWhenSpringDataRedisNotOnTheClassPathThenTheLimiterCountsInMemoryAndTheRedisStoreFailsNamingIt()
            throws Exception {
        try (URLClassLoader withoutRedis = withoutLibraries(REDIS)) {
            assertThatExceptionOfType(ClassNotFoundException.class).isThrownBy(() -> withoutRedis
                .loadClass("org.springframework.data.redis.connection.RedisConnectionFactory"));
            Map<String, String> outcomes = run(withoutRedis, RedisProbe.class);
            assertThat(outcomes).containsEntry("memory", "io.github.padlock.credentials.BruteForceLimiter")
                .hasEntrySatisfying("redis", (message) -> assertThat(message)
                    .contains("Property padlock.brute-force.store with value 'redis' is invalid")
                    .contains("add org.springframework.boot:spring-boot-starter-data-redis to the application"));
            assertThat(outcomes.values()).noneMatch((outcome) -> outcome.contains("NoClassDefFoundError")
                    || outcome.contains("ClassNotFoundException") || outcome.contains("TypeNotPresent"));
        }
    }

    @Test
    void startWhenMicrometerNotOnTheClassPathThenTheRedisLimiterWithoutItsCounter() throws Exception {
        try (URLClassLoader withoutMicrometer = withoutLibraries(MICROMETER)) {
            assertThatExceptionOfType(ClassNotFoundException.class)
                .isThrownBy(() -> withoutMicrometer.loadClass("io.micrometer.core.instrument.MeterRegistry"));
            Map<String, String> outcomes = run(withoutMicrometer, RedisProbe.class);
            assertThat(outcomes).containsEntry("memory", "io.github.padlock.credentials.BruteForceLimiter")
                .containsEntry("redis", "io.github.padlock.credentials.RedisBruteForceLimiter");
        }
    }

    /**
     * Runs a probe in the class loader: Spring loads classes by name, and makes the runner's assertable proxies, in
     * the thread's context class loader.
     */
    private static Map<String, String> run(URLClassLoader classLoader, Class<?> probeClass) throws Exception {
        Class<?> probe = classLoader.loadClass(probeClass.getName());
        assertThat(probe.getClassLoader()).as("the probe and Padlock load without them").isSameAs(classLoader);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try {
            thread.setContextClassLoader(classLoader);
            @SuppressWarnings("unchecked")
            Supplier<Map<String, String>> run = (Supplier<Map<String, String>>) probe.getDeclaredConstructor()
                .newInstance();
            return run.get();
        }
        finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * @param leftOutJars the beginnings of the names of the jars to leave out, each of which must be found once
     * @return a class loader over the test class path without those jars, whose parent (the platform class loader)
     * knows none of the application's classes
     */
    private static URLClassLoader withoutLibraries(List<String> leftOutJars) throws IOException {
        List<URL> urls = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            Path path = Path.of(entry);
            String name = path.getFileName().toString();
            if (leftOutJars.stream().anyMatch(name::startsWith)) {
                leftOut.add(name);
            }
            else {
                urls.add(path.toUri().toURL());
            }
        }
        assertThat(leftOut).as("the jars left out (Actuator's are two)").hasSizeGreaterThanOrEqualTo(leftOutJars.size());
        return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    /**
     * Runs inside the class loader without the libraries, and answers in JDK types only, which both class loaders
     * share: for each case, what the application answered, or why it did not start.
     */
    public static final class Probe implements Supplier<Map<String, String>> {

        private static final String KEY = "reporting.Qm9vayBvZiBrZXlzIGZvciB0ZXN0cw";

        private static final String KEY_HASH = ApiKeyHashes.hash(KEY);

        private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
                    HttpMessageConvertersAutoConfiguration.class, WebMvcAutoConfiguration.class,
                    PadlockAutoConfiguration.class, PadlockUsersAutoConfiguration.class,
                    PadlockJwtAutoConfiguration.class, PadlockTokenStoreAutoConfiguration.class,
                    PadlockEndpointAutoConfiguration.class,
                    PadlockSpringSecurityAutoConfiguration.class, PadlockObservationAutoConfiguration.class));

        @Override
        public Map<String, String> get() {
            Map<String, String> outcomes = new LinkedHashMap<>();
            this.contextRunner.withUserConfiguration(KeyController.class)
                .withPropertyValues("padlock.schemes.apiKey.type=api-key-header",
                        "padlock.schemes.apiKey.name=X-API-KEY", "padlock.api-keys.reporting.hash=" + KEY_HASH,
                        "padlock.verifiers.keyUser.type=api-keys", "padlock.verifiers.keyUser.scheme=apiKey",
                        "management.endpoints.web.exposure.include=padlock")
                .run((context) -> {
                    if (context.getStartupFailure() != null) {
                        outcomes.put("api keys", failure(context.getStartupFailure()));
                        return;
                    }
                    MockMvcTester mvc = MockMvcTester.from(context);
                    MvcTestResult right = mvc.get().uri("/reports").header("X-API-KEY", KEY).exchange();
                    MvcTestResult wrong = mvc.get().uri("/reports").header("X-API-KEY", KEY + "x").exchange();
                    outcomes.put("api keys", right.getResponse().getStatus() + " " + content(right) + ", "
                            + wrong.getResponse().getStatus());
                });
            failure(outcomes, "api key {bcrypt}",
                    "padlock.api-keys.legacy.hash={bcrypt}$2a$04$abcdefghijklmnopqrstuu"
                            + "NbJkPrhrDpEgfE1rO4T8x6U6rF0L9Ry");
            failure(outcomes, "padlock.users", "padlock.users.stanley.password={noop}pw");
            failure(outcomes, "type: users", "padlock.schemes.basic.type=http-basic",
                    "padlock.verifiers.user.type=users", "padlock.verifiers.user.scheme=basic");
            failure(outcomes, "type: jwt", "padlock.schemes.bearer.type=http-bearer",
                    "padlock.verifiers.token.type=jwt", "padlock.verifiers.token.scheme=bearer");
            failure(outcomes, "padlock.jwt", "padlock.jwt.secret=a-secret-of-at-least-thirty-two-bytes-long!");
            failure(outcomes, "token endpoint", "padlock.token-endpoint.enabled=true");
            return outcomes;
        }

        private void failure(Map<String, String> outcomes, String name, String... properties) {
            this.contextRunner.withPropertyValues(properties)
                .run((context) -> outcomes.put(name, (context.getStartupFailure() != null)
                        ? failure(context.getStartupFailure()) : "started"));
        }

        static String content(MvcTestResult result) {
            try {
                return result.getResponse().getContentAsString();
            }
            catch (IOException ex) {
                throw new IllegalStateException(ex);
            }
        }

        static String failure(Throwable failure) {
            StringBuilder messages = new StringBuilder();
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                messages.append(cause.getClass().getName()).append(": ").append(cause.getMessage()).append('\n');
            }
            return messages.toString();
        }
    }

    /**
     * Runs inside the class loader without Caffeine: a JWT verified twice, a request without one, and the cache asked
     * for.
     */
    public static final class JwtProbe implements Supplier<Map<String, String>> {

        private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
                    HttpMessageConvertersAutoConfiguration.class, WebMvcAutoConfiguration.class,
                    PadlockAutoConfiguration.class, PadlockJwtAutoConfiguration.class,
                    PadlockTokenStoreAutoConfiguration.class))
            .withPropertyValues("padlock.jwt.secret=a-secret-of-at-least-thirty-two-bytes-long!",
                    "padlock.schemes.bearer.type=http-bearer", "padlock.verifiers.token.type=jwt",
                    "padlock.verifiers.token.scheme=bearer");

        @Override
        public Map<String, String> get() {
            Map<String, String> outcomes = new LinkedHashMap<>();
            this.contextRunner.withUserConfiguration(TokenController.class).run((context) -> {
                if (context.getStartupFailure() != null) {
                    outcomes.put("jwt", Probe.failure(context.getStartupFailure()));
                    return;
                }
                String token = "Bearer " + new JwtIssuer(context.getBean(JwtSettings.class))
                    .issue("stanley", List.of(), Duration.ofMinutes(5))
                    .value();
                MockMvcTester mvc = MockMvcTester.from(context);
                MvcTestResult first = mvc.get().uri("/me").header("Authorization", token).exchange();
                MvcTestResult again = mvc.get().uri("/me").header("Authorization", token).exchange();
                MvcTestResult none = mvc.get().uri("/me").exchange();
                outcomes.put("jwt", first.getResponse().getStatus() + " " + Probe.content(first) + ", "
                        + again.getResponse().getStatus() + ", " + none.getResponse().getStatus());
            });
            this.contextRunner.withPropertyValues("padlock.jwt.cache.maximum-size=500")
                .run((context) -> outcomes.put("padlock.jwt.cache.maximum-size",
                        (context.getStartupFailure() != null) ? Probe.failure(context.getStartupFailure())
                                : "started"));
            return outcomes;
        }
    }

    /**
     * Runs inside a class loader without Spring Data Redis or without Micrometer: the limiter's bean with each store,
     * or why the application did not start. Redis is never asked (its URL names a port nobody listens on).
     */
    public static final class RedisProbe implements Supplier<Map<String, String>> {

        private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(configurations()))
            .withPropertyValues("padlock.brute-force.enabled=true", "spring.data.redis.url=redis://127.0.0.1:1");

        /** Padlock's, and Spring Boot's Redis auto-configuration when it is there. */
        private static Class<?>[] configurations() {
            List<Class<?>> configurations = new ArrayList<>(
                    List.of(PadlockRedisBruteForceAutoConfiguration.class, PadlockAutoConfiguration.class));
            try {
                configurations.add(Class.forName(
                        "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration", false,
                        RedisProbe.class.getClassLoader()));
            }
            catch (ClassNotFoundException ex) {
                // Without Spring Data Redis.
            }
            return configurations.toArray(Class<?>[]::new);
        }

        @Override
        public Map<String, String> get() {
            Map<String, String> outcomes = new LinkedHashMap<>();
            this.contextRunner.run((context) -> outcomes.put("memory", limiter(context)));
            this.contextRunner.withPropertyValues("padlock.brute-force.store=redis")
                .run((context) -> outcomes.put("redis", limiter(context)));
            return outcomes;
        }

        private static String limiter(AssertableWebApplicationContext context) {
            return (context.getStartupFailure() != null) ? Probe.failure(context.getStartupFailure())
                    : context.getBean(AttemptLimiter.class).getClass().getName();
        }
    }

    @RestController
    static class TokenController {

        @GetMapping("/me")
        Map<String, Object> me(@SecurityParam("token") JwtPrincipal principal) {
            return Map.of("sub", principal.subject());
        }
    }

    @RestController
    static class KeyController {

        @GetMapping("/reports")
        Map<String, Object> reports(@SecurityParam("keyUser") ApiKeyPrincipal key) {
            return Map.of("id", key.id());
        }
    }
}
