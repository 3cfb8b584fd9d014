package io.github.padlock.autoconfigure;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PadlockEnvironmentPostProcessor}: Padlock's defaults for Spring Boot's properties, which the application's
 * own settings override.
 */
class PadlockEnvironmentPostProcessorTests {

    private static final String TIMEOUT = "spring.datasource.hikari.connection-timeout";

    private static final String REDIS_TIMEOUT = "spring.data.redis.timeout";

    private static final String REDIS_CONNECT_TIMEOUT = "spring.data.redis.connect-timeout";

    @Test
    void defaultsWhenNothingSetThenMultipartLazyAndThePoolLeftAlone() {
        StandardEnvironment environment = environment(Map.of());
        assertThat(environment.getProperty("spring.servlet.multipart.resolve-lazily")).isEqualTo("true");
        assertThat(environment.getProperty(TIMEOUT)).isNull();
    }

    @Test
    void defaultsWhenAJdbcStoreIsEnabledThenThePoolWaitsTwoSecondsForAConnection() {
        assertThat(environment(Map.of("padlock.jdbc.users.enabled", "true")).getProperty(TIMEOUT)).isEqualTo("2000");
        StandardEnvironment keys = environment(Map.of("padlock.jdbc.api-keys.enabled", "true"));
        assertThat(keys.getProperty(TIMEOUT)).isEqualTo("2000");
        assertThat(keys.getProperty("spring.datasource.hikari.validation-timeout")).isEqualTo("1000");
        assertThat(environment(Map.of("padlock.jdbc.api-keys.enabled", "false")).getProperty(TIMEOUT)).isNull();
    }

    @Test
    void defaultsWhenTheTokenStoreIsJdbcThenThePoolWaitsTwoSecondsToo() {
        assertThat(environment(Map.of("padlock.token-endpoint.store", "jdbc")).getProperty(TIMEOUT)).isEqualTo("2000");
        assertThat(environment(Map.of("padlock.token-endpoint.store", "memory")).getProperty(TIMEOUT)).isNull();
    }

    @Test
    void defaultsWhenTheApplicationSetsThePoolsTimeoutThenItsOwnWins() {
        StandardEnvironment environment = environment(Map.of("padlock.jdbc.users.enabled", "true", TIMEOUT, "500"));
        assertThat(environment.getProperty(TIMEOUT)).isEqualTo("500");
    }

    @Test
    void defaultsWhenARedisStoreIsOnThenRedisWaitsHalfASecond() {
        StandardEnvironment limiter = environment(
                Map.of("padlock.brute-force.enabled", "true", "padlock.brute-force.store", "redis"));
        assertThat(limiter.getProperty(REDIS_TIMEOUT)).isEqualTo("500ms");
        assertThat(limiter.getProperty(REDIS_CONNECT_TIMEOUT)).isEqualTo("500ms");
        assertThat(environment(Map.of("padlock.brute-force.enabled", "true", "padlock.brute-force.store", "REDIS"))
            .getProperty(REDIS_TIMEOUT)).isEqualTo("500ms");
        StandardEnvironment tokens = environment(Map.of("padlock.token-endpoint.store", "redis"));
        assertThat(tokens.getProperty(REDIS_TIMEOUT)).isEqualTo("500ms");
        assertThat(tokens.getProperty(REDIS_CONNECT_TIMEOUT)).isEqualTo("500ms");
    }

    @Test
    void defaultsWhenNoRedisStoreIsOnThenRedisLeftAlone() {
        assertThat(environment(Map.of()).getProperty(REDIS_TIMEOUT)).isNull();
        assertThat(environment(Map.of("padlock.brute-force.enabled", "true")).getProperty(REDIS_TIMEOUT)).isNull();
        assertThat(environment(Map.of("padlock.brute-force.store", "redis")).getProperty(REDIS_TIMEOUT)).isNull();
        assertThat(environment(Map.of("padlock.brute-force.enabled", "true", "padlock.brute-force.store", "memory"))
            .getProperty(REDIS_CONNECT_TIMEOUT)).isNull();
    }

    @Test
    void defaultsWhenTheApplicationSetsRedisTimeoutsThenItsOwnWin() {
        StandardEnvironment environment = environment(Map.of("padlock.brute-force.enabled", "true",
                "padlock.brute-force.store", "redis", REDIS_TIMEOUT, "2s", REDIS_CONNECT_TIMEOUT, "3s"));
        assertThat(environment.getProperty(REDIS_TIMEOUT)).isEqualTo("2s");
        assertThat(environment.getProperty(REDIS_CONNECT_TIMEOUT)).isEqualTo("3s");
        StandardEnvironment oneOfThem = environment(Map.of("padlock.token-endpoint.store", "redis",
                "spring.data.redis.timeout", "1s"));
        assertThat(oneOfThem.getProperty(REDIS_TIMEOUT)).isEqualTo("1s");
        assertThat(oneOfThem.getProperty(REDIS_CONNECT_TIMEOUT)).isEqualTo("500ms");
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("application", properties));
        new PadlockEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }
}
