package io.github.padlock.autoconfigure;

import com.nimbusds.jwt.SignedJWT;
import io.github.padlock.oauth2.InMemoryTokenStore;
import io.github.padlock.oauth2.RedisTokenStore;
import io.github.padlock.oauth2.TokenStore;

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
import org.springframework.core.io.ResourceLoader;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Auto-configuration for the token endpoint's {@link TokenStore}, where revoked tokens (RFC 7009) and refresh tokens
 * (RFC 6749 §6) are kept, as {@code padlock.token-endpoint.store} says: {@code memory} (the default, Caffeine, one
 * instance) or {@code redis} (through the application's {@link RedisConnectionFactory}, conditional on Spring Data
 * Redis by name, so an application without it starts); {@code jdbc} is {@link PadlockJdbcAutoConfiguration}'s. Only
 * with the token endpoint and {@code padlock.token-endpoint.revocation.enabled} (the default). An application's own
 * {@link TokenStore} bean wins. A store asked for whose library or connection is missing fails the start-up naming
 * {@code padlock.token-endpoint.store} ({@link PadlockJwtAutoConfiguration}, where the store is used).
 */
@AutoConfiguration(before = PadlockJwtAutoConfiguration.class,
        afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ DispatcherServlet.class, SignedJWT.class })
@ConditionalOnBooleanProperty("padlock.token-endpoint.enabled")
@ConditionalOnBooleanProperty(name = "padlock.token-endpoint.revocation.enabled", matchIfMissing = true)
@EnableConfigurationProperties(PadlockProperties.class)
public final class PadlockTokenStoreAutoConfiguration {

    static final String STORE = "padlock.token-endpoint.store";

    @Bean
    @ConditionalOnProperty(name = STORE, havingValue = "memory", matchIfMissing = true)
    @ConditionalOnMissingBean(TokenStore.class)
    InMemoryTokenStore padlockInMemoryTokenStore(ResourceLoader resourceLoader) {
        OptionalLibraries.CAFFEINE.require(resourceLoader.getClassLoader(), STORE, "memory",
                "The in-memory token store");
        return new InMemoryTokenStore();
    }

    /** The Redis store, only when Spring Data Redis is on the classpath. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.data.redis.connection.RedisConnectionFactory")
    @ConditionalOnProperty(name = STORE, havingValue = "redis")
    static class RedisStore {

        @Bean
        @ConditionalOnMissingBean(TokenStore.class)
        RedisTokenStore padlockRedisTokenStore(PadlockProperties properties,
                ObjectProvider<RedisConnectionFactory> connectionFactory) {
            RedisConnectionFactory redis = connectionFactory.getIfUnique();
            if (redis == null) {
                throw new InvalidConfigurationPropertyValueException(STORE, "redis", "The Redis token store needs "
                        + "one RedisConnectionFactory bean: add spring-boot-starter-data-redis and give "
                        + "spring.data.redis.host (or url), or declare a RedisConnectionFactory");
            }
            String prefix = properties.getTokenEndpoint().getRedis().getKeyPrefix();
            try {
                return new RedisTokenStore(redis, prefix);
            }
            catch (IllegalArgumentException ex) {
                throw new InvalidConfigurationPropertyValueException("padlock.token-endpoint.redis.key-prefix", prefix,
                        "The prefix must not be blank");
            }
        }
    }
}
