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

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("application", properties));
        new PadlockEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }
}
