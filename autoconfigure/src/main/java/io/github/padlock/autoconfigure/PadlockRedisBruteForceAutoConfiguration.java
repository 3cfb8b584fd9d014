package io.github.padlock.autoconfigure;

import io.github.padlock.AttemptLimiter;
import io.github.padlock.credentials.RedisBruteForceLimiter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Auto-configuration of the brute-force limiter's Redis store ({@code padlock.brute-force.store: redis}, with
 * {@code padlock.brute-force.enabled}): a {@link RedisBruteForceLimiter} on the application's
 * {@link RedisConnectionFactory}, which Spring Boot declares from {@code spring.data.redis.*}, so that every instance
 * counts the same failures. It runs after Spring Boot's Redis auto-configuration and before
 * {@link PadlockAutoConfiguration}, whose in-memory limiter then backs off; without Spring Data Redis on the classpath
 * it does not apply, and {@link PadlockAutoConfiguration} fails the start-up naming {@code padlock.brute-force.store}.
 * With Micrometer and a {@code MeterRegistry} bean, the attempts let through while Redis does not answer are counted
 * as {@value #STORE_ERRORS}.
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
        before = PadlockAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(value = DispatcherServlet.class,
        name = { "org.springframework.data.redis.connection.RedisConnectionFactory",
                "org.springframework.data.redis.core.StringRedisTemplate" })
@ConditionalOnBooleanProperty(PadlockRedisBruteForceAutoConfiguration.ENABLED)
@ConditionalOnProperty(name = PadlockRedisBruteForceAutoConfiguration.STORE, havingValue = "redis")
@EnableConfigurationProperties(PadlockProperties.class)
public final class PadlockRedisBruteForceAutoConfiguration {

    static final String ENABLED = "padlock.brute-force.enabled";

    static final String STORE = "padlock.brute-force.store";

    /** The counter of the attempts let through while Redis does not answer. */
    static final String STORE_ERRORS = "padlock.brute-force.store.errors";

    @Bean
    @ConditionalOnMissingBean(AttemptLimiter.class)
    RedisBruteForceLimiter padlockBruteForceLimiter(PadlockProperties properties,
            ObjectProvider<RedisConnectionFactory> connectionFactory, ObjectProvider<StoreErrors> storeErrors) {
        PadlockProperties.BruteForce bruteForce = properties.getBruteForce();
        PadlockAutoConfiguration.checkBruteForce(bruteForce);
        String keyPrefix = bruteForce.getRedis().getKeyPrefix();
        try {
            RedisBruteForceLimiter.checkKeyPrefix(keyPrefix);
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidConfigurationPropertyValueException("padlock.brute-force.redis.key-prefix", keyPrefix,
                    ex.getMessage());
        }
        RedisConnectionFactory redis = connectionFactory.getIfUnique();
        if (redis == null) {
            throw new InvalidConfigurationPropertyValueException(STORE, "redis",
                    "The brute-force limiter's Redis store needs one RedisConnectionFactory bean: add "
                            + "org.springframework.boot:spring-boot-starter-data-redis, which declares it from "
                            + "spring.data.redis.*, or declare one (a primary one when there are several)");
        }
        Runnable onStoreError = storeErrors.getIfAvailable(() -> StoreErrors.NONE).increment();
        return new RedisBruteForceLimiter(redis, bruteForce.getMaxFailures(), bruteForce.getWindow(), keyPrefix,
                onStoreError);
    }

    /** What the limiter calls for each attempt it lets through while Redis does not answer. */
    record StoreErrors(Runnable increment) {

        static final StoreErrors NONE = new StoreErrors(() -> {
        });
    }

    /**
     * The counter {@value #STORE_ERRORS}, when Micrometer is on the classpath and the application has a
     * {@code MeterRegistry} (Actuator declares one); without either, nothing is counted.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
    static final class Metrics {

        @Bean
        StoreErrors padlockBruteForceStoreErrors(ObjectProvider<MeterRegistry> registry) {
            MeterRegistry meters = registry.getIfUnique();
            if (meters == null) {
                return StoreErrors.NONE;
            }
            Counter counter = Counter.builder(STORE_ERRORS)
                .description("Attempts the brute-force limiter let through without a limit because Redis did not "
                        + "answer")
                .register(meters);
            return new StoreErrors(counter::increment);
        }
    }
}
