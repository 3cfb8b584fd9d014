package io.github.padlock.autoconfigure;

import java.time.Duration;

import io.github.padlock.AttemptLimiter;
import io.github.padlock.PadlockException;
import io.github.padlock.SecurityOutcome;
import io.github.padlock.credentials.BruteForceLimiter;
import io.github.padlock.credentials.RedisBruteForceLimiter;
import io.github.padlock.redis.RedisServer;
import io.lettuce.core.ClientOptions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * {@code padlock.brute-force.store}: the in-memory limiter by default, the Redis one on Spring Boot's connection with
 * {@code redis} (on a real Redis), start-up failures naming the property without Spring Data Redis or without a
 * connection factory, the counter of attempts let through while Redis does not answer, and Padlock's defaults of
 * Spring Boot's Redis timeouts, which an application's own settings override.
 */
class PadlockRedisBruteForceAutoConfigurationTests {

    private static final String[] REDIS_LIMITER = { "padlock.brute-force.enabled=true",
            "padlock.brute-force.store=redis" };

    private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(PadlockAutoConfiguration.class,
                PadlockRedisBruteForceAutoConfiguration.class));

    private final WebApplicationContextRunner withBootsRedis = this.contextRunner
        .withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class));

    private static RedisServer redis;

    @BeforeAll
    static void startRedis() {
        RedisServer.assumeInstalled();
        redis = RedisServer.shared();
        redis.flushAll();
    }

    @Test
    void storeWhenNotSetThenInMemoryLimiterEvenWithRedisAround() {
        this.withBootsRedis.withPropertyValues("padlock.brute-force.enabled=true", "spring.data.redis.url=" + redis.url())
            .run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(context).hasSingleBean(AttemptLimiter.class).hasSingleBean(BruteForceLimiter.class);
                assertThat(context).doesNotHaveBean(PadlockRedisBruteForceAutoConfiguration.class);
                assertThat(context.getBean(PadlockProperties.class).getBruteForce().getStore())
                    .isEqualTo(PadlockProperties.BruteForceStore.MEMORY);
            });
    }

    @Test
    void storeWhenRedisThenRedisLimiterOnBootsConnectionWithThePrefixAndSettings() throws Exception {
        this.withBootsRedis
            .withPropertyValues(REDIS_LIMITER)
            .withPropertyValues("spring.data.redis.url=" + redis.url(), "padlock.brute-force.max-failures=2",
                    "padlock.brute-force.window=90s", "padlock.brute-force.redis.key-prefix=autoconfig:")
            .run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(context).hasSingleBean(AttemptLimiter.class).hasSingleBean(RedisBruteForceLimiter.class);
                AttemptLimiter limiter = context.getBean(AttemptLimiter.class);
                limiter.record("10.1.0.1", SecurityOutcome.INVALID);
                limiter.check("10.1.0.1");
                limiter.record("10.1.0.1", SecurityOutcome.INVALID);
                PadlockException refused = catchThrowableOfType(PadlockException.class,
                        () -> limiter.check("10.1.0.1"));
                assertThat(refused).isNotNull();
                assertThat(refused.getHeaders().getFirst("Retry-After")).isEqualTo("90");
            });
        assertThat(redis.command("ZCARD", "autoconfig:10.1.0.1")).isEqualTo(":2");
    }

    @Test
    void storeWhenRedisWithoutAConnectionFactoryThenStartupFailsNamingTheProperty() {
        this.contextRunner.withPropertyValues(REDIS_LIMITER).run((context) -> {
            assertThat(context).hasFailed();
            assertThat(messages(context)).contains("padlock.brute-force.store")
                .contains("RedisConnectionFactory")
                .contains("spring-boot-starter-data-redis");
        });
    }

    @Test
    void storeWhenRedisWithoutSpringDataRedisThenStartupFailsNamingThePropertyAndTheDependency() {
        this.withBootsRedis.withClassLoader(new FilteredClassLoader("org.springframework.data.redis."))
            .withPropertyValues(REDIS_LIMITER)
            .run((context) -> {
                assertThat(context).hasFailed();
                assertThat(messages(context)).contains("padlock.brute-force.store")
                    .contains("add org.springframework.boot:spring-boot-starter-data-redis to the application")
                    .doesNotContain("NoClassDefFoundError");
            });
    }

    @Test
    void storeWhenMemoryWithoutSpringDataRedisThenInMemoryLimiter() {
        this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.data.redis."))
            .withPropertyValues("padlock.brute-force.enabled=true")
            .run((context) -> assertThat(context).hasSingleBean(BruteForceLimiter.class));
    }

    @Test
    void storeWhenRedisAndSettingsOutOfRangeThenStartupFailsNamingTheProperty() {
        WebApplicationContextRunner runner = this.withBootsRedis.withPropertyValues(REDIS_LIMITER)
            .withPropertyValues("spring.data.redis.url=" + redis.url());
        runner.withPropertyValues("padlock.brute-force.max-failures=101")
            .run((context) -> assertThat(messages(context)).contains("padlock.brute-force.max-failures"));
        runner.withPropertyValues("padlock.brute-force.window=2d")
            .run((context) -> assertThat(messages(context)).contains("padlock.brute-force.window"));
        runner.withPropertyValues("padlock.brute-force.redis.key-prefix=")
            .run((context) -> assertThat(messages(context)).contains("padlock.brute-force.redis.key-prefix"));
        runner.withPropertyValues("padlock.brute-force.store=mongo")
            .run((context) -> assertThat(messages(context)).contains("padlock.brute-force.store"));
    }

    @Test
    void storeWhenRedisButBruteForceNotEnabledThenNoLimiter() {
        this.withBootsRedis.withPropertyValues("padlock.brute-force.store=redis")
            .run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(context).doesNotHaveBean(AttemptLimiter.class);
            });
    }

    @Test
    void storeWhenRedisAndTheApplicationDeclaresALimiterThenItsOwnWins() {
        this.withBootsRedis.withPropertyValues(REDIS_LIMITER)
            .withBean("customLimiter", AttemptLimiter.class, () -> new BruteForceLimiter(5, Duration.ofSeconds(5)))
            .run((context) -> {
                assertThat(context).hasSingleBean(AttemptLimiter.class).hasBean("customLimiter");
                assertThat(context).doesNotHaveBean(RedisBruteForceLimiter.class);
            });
    }

    /** Redis stopped: the limiter lets the attempt through and the counter says so. */
    @Test
    void storeWhenRedisAndAMeterRegistryThenAttemptsLetThroughAreCounted() {
        try (RedisServer stopped = RedisServer.start()) {
            stopped.stop();
            this.withBootsRedis.withPropertyValues(REDIS_LIMITER)
                .withPropertyValues("spring.data.redis.url=" + stopped.url(), "spring.data.redis.timeout=500ms",
                        "spring.data.redis.connect-timeout=500ms")
                .withBean(SimpleMeterRegistry.class)
                .run((context) -> {
                    assertThat(context).hasNotFailed();
                    Counter counter = context.getBean(MeterRegistry.class)
                        .get(PadlockRedisBruteForceAutoConfiguration.STORE_ERRORS)
                        .counter();
                    assertThat(counter.count()).isZero();
                    AttemptLimiter limiter = context.getBean(AttemptLimiter.class);
                    limiter.check("10.1.0.2");
                    limiter.record("10.1.0.2", SecurityOutcome.INVALID);
                    assertThat(counter.count()).isEqualTo(2);
                });
        }
    }

    @Test
    void storeWhenRedisWithoutMicrometerThenLimiterWithoutCounter() {
        this.withBootsRedis.withClassLoader(new FilteredClassLoader("io.micrometer.core."))
            .withPropertyValues(REDIS_LIMITER)
            .withPropertyValues("spring.data.redis.url=" + redis.url())
            .run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(context).hasSingleBean(RedisBruteForceLimiter.class);
                assertThat(context).doesNotHaveBean(MeterRegistry.class);
            });
    }

    @Test
    void timeoutsWhenARedisStoreAndUnsetThenHalfASecondOnBootsConnection() {
        this.withBootsRedis.withInitializer(PadlockRedisBruteForceAutoConfigurationTests::postProcessEnvironment)
            .withPropertyValues(REDIS_LIMITER)
            .withPropertyValues("spring.data.redis.url=" + redis.url())
            .run((context) -> {
                LettuceClientConfiguration client = context.getBean(LettuceConnectionFactory.class)
                    .getClientConfiguration();
                assertThat(client.getCommandTimeout()).isEqualTo(Duration.ofMillis(500));
                assertThat(client.getClientOptions().map(ClientOptions::getSocketOptions))
                    .hasValueSatisfying((socket) -> assertThat(socket.getConnectTimeout())
                        .isEqualTo(Duration.ofMillis(500)));
            });
    }

    @Test
    void timeoutsWhenTheApplicationSetsThemThenItsOwnWin() {
        this.withBootsRedis.withInitializer(PadlockRedisBruteForceAutoConfigurationTests::postProcessEnvironment)
            .withPropertyValues(REDIS_LIMITER)
            .withPropertyValues("spring.data.redis.url=" + redis.url(), "spring.data.redis.timeout=3s",
                    "spring.data.redis.connect-timeout=4s")
            .run((context) -> {
                LettuceClientConfiguration client = context.getBean(LettuceConnectionFactory.class)
                    .getClientConfiguration();
                assertThat(client.getCommandTimeout()).isEqualTo(Duration.ofSeconds(3));
                assertThat(client.getClientOptions().map(ClientOptions::getSocketOptions))
                    .hasValueSatisfying((socket) -> assertThat(socket.getConnectTimeout())
                        .isEqualTo(Duration.ofSeconds(4)));
            });
    }

    @Test
    void timeoutsWhenNoRedisStoreThenLettucesOwn() {
        this.withBootsRedis.withInitializer(PadlockRedisBruteForceAutoConfigurationTests::postProcessEnvironment)
            .withPropertyValues("padlock.brute-force.enabled=true", "spring.data.redis.url=" + redis.url())
            .run((context) -> assertThat(context.getBean(LettuceConnectionFactory.class)
                .getClientConfiguration()
                .getCommandTimeout()).isEqualTo(Duration.ofSeconds(60)));
    }

    /** What {@code SpringApplication} does before the context is refreshed, which a context runner leaves out. */
    private static void postProcessEnvironment(
            org.springframework.context.ConfigurableApplicationContext context) {
        new PadlockEnvironmentPostProcessor().postProcessEnvironment(context.getEnvironment(),
                new SpringApplication());
    }

    private static String messages(AssertableWebApplicationContext context) {
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = context.getStartupFailure(); cause != null; cause = cause.getCause()) {
            messages.append(cause.getClass().getName()).append(": ").append(cause.getMessage()).append('\n');
        }
        return messages.toString();
    }
}
