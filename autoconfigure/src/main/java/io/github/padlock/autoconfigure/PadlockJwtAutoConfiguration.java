package io.github.padlock.autoconfigure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jwt.SignedJWT;
import io.github.padlock.AttemptLimiter;
import io.github.padlock.credentials.UserAuthenticator;
import io.github.padlock.jwt.JwtCacheSettings;
import io.github.padlock.jwt.JwtDecoder;
import io.github.padlock.jwt.JwtIssuer;
import io.github.padlock.jwt.JwtSettings;
import io.github.padlock.jwt.RevokedTokens;
import io.github.padlock.oauth2.PasswordTokenEndpoint;
import io.github.padlock.oauth2.RefreshTokens;
import io.github.padlock.oauth2.TokenRevocationEndpoint;
import io.github.padlock.oauth2.TokenStore;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Auto-configuration for JSON Web Tokens with nimbus-jose-jwt (an optional dependency of the auto-configuration
 * artifact, which the starter brings): the {@link JwtSettings} of {@code padlock.jwt}, the {@link JwtDecoder} that
 * {@code type: jwt} verifiers use, with the cache of verified tokens of {@code padlock.jwt.cache} (Caffeine, also
 * optional and brought by the starter), and, when {@code padlock.token-endpoint.enabled} is set, the {@link JwtIssuer} and
 * the password grant's {@link PasswordTokenEndpoint} that issues them to the users of
 * {@link PadlockUsersAutoConfiguration}, with the revocation endpoint ({@link TokenRevocationEndpoint}, RFC 7009) and
 * the decoder's revocation check on the {@link TokenStore} of {@link PadlockTokenStoreAutoConfiguration}, and, with
 * {@code padlock.token-endpoint.refresh-tokens.enabled}, {@link RefreshTokens}. Without the library, any of these properties fails the start-up naming the
 * dependency to add.
 */
@AutoConfiguration(after = { PadlockAutoConfiguration.class, PadlockUsersAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ DispatcherServlet.class, WebMvcConfigurer.class, SignedJWT.class })
@EnableConfigurationProperties(PadlockProperties.class)
public final class PadlockJwtAutoConfiguration {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)}");

    private static final String CACHE = "padlock.jwt.cache";

    private static final String REVOCATION = "padlock.token-endpoint.revocation.enabled";

    private static final String REFRESH_TOKENS = "padlock.token-endpoint.refresh-tokens";

    private static final Log logger = LogFactory.getLog(PadlockJwtAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnPadlockEntries("padlock.jwt")
    JwtSettings padlockJwtSettings(PadlockProperties properties, ResourceLoader resourceLoader) {
        PadlockProperties.Jwt jwt = properties.getJwt();
        try {
            JwtSettings.Builder builder = JwtSettings.builder()
                .type(jwt.getType())
                .issuer(jwt.getIssuer())
                .audience(jwt.getAudience())
                .audienceRequired(jwt.isAudienceRequired())
                .clockSkew(jwt.getClockSkew())
                .scopeClaim(jwt.getScopeClaim())
                .algorithms(jwt.getAlgorithms());
            if (jwt.getSecret() != null) {
                builder.secret(defined(jwt.getSecret()));
            }
            String publicKey = load(resourceLoader, "padlock.jwt.public-key", jwt.getPublicKey());
            if (publicKey != null) {
                builder.publicKey(publicKey);
            }
            String privateKey = load(resourceLoader, "padlock.jwt.private-key", jwt.getPrivateKey());
            if (privateKey != null) {
                builder.privateKey(privateKey);
            }
            if (jwt.getJwkSetUri() != null) {
                builder.jwkSetUri(jwt.getJwkSetUri());
            }
            return builder.build();
        }
        catch (IllegalArgumentException ex) {
            throw invalid(ex, jwt);
        }
    }

    @Bean
    @ConditionalOnBean(JwtSettings.class)
    @ConditionalOnMissingBean
    JwtDecoder padlockJwtDecoder(JwtSettings settings, PadlockProperties properties, Environment environment,
            ResourceLoader resourceLoader, ObjectProvider<TokenStore> tokenStore,
            ObjectProvider<RevokedTokens> revokedTokens) {
        RevokedTokens revoked = revocation(properties)
                ? tokenStore(properties, tokenStore, resourceLoader.getClassLoader()) : revokedTokens.getIfUnique();
        return new JwtDecoder(settings, cacheSettings(properties.getJwt().getCache(), environment,
                resourceLoader.getClassLoader()), revoked);
    }

    /**
     * The refresh tokens of {@code padlock.token-endpoint.refresh-tokens}, kept in the token store; they need
     * revocation, since a reused refresh token revokes the access tokens of its family.
     */
    @Bean
    @ConditionalOnProperty("padlock.token-endpoint.enabled")
    @ConditionalOnBooleanProperty(REFRESH_TOKENS + ".enabled")
    @ConditionalOnMissingBean
    RefreshTokens padlockRefreshTokens(PadlockProperties properties, ObjectProvider<TokenStore> tokenStore,
            ObjectProvider<JwtSettings> settings, ResourceLoader resourceLoader) {
        if (!revocation(properties)) {
            throw new InvalidConfigurationPropertyValueException(REFRESH_TOKENS + ".enabled", true,
                    "A reused refresh token revokes the access tokens of its family, which needs revocation: set "
                            + "padlock.token-endpoint.revocation.enabled to true, or turn refresh tokens off");
        }
        PadlockProperties.TokenEndpoint endpoint = properties.getTokenEndpoint();
        Duration timeToLive = endpoint.getRefreshTokens().getTimeToLive();
        TokenStore store = tokenStore(properties, tokenStore, resourceLoader.getClassLoader());
        JwtSettings jwt = settings.getIfAvailable();
        Duration clockSkew = (jwt != null) ? jwt.clockSkew() : Duration.ZERO;
        try {
            return new RefreshTokens(store, timeToLive, endpoint.getAccessTokenTtl(), clockSkew);
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidConfigurationPropertyValueException(REFRESH_TOKENS + ".time-to-live", timeToLive,
                    "A refresh token must live at least one minute");
        }
    }

    /** The revocation endpoint (RFC 7009) at the token endpoint's path + {@code /revoke}. */
    @Bean
    @ConditionalOnProperty("padlock.token-endpoint.enabled")
    @ConditionalOnBooleanProperty(name = REVOCATION, matchIfMissing = true)
    @ConditionalOnMissingBean
    TokenRevocationEndpoint padlockTokenRevocationEndpoint(ObjectProvider<JwtDecoder> decoder,
            ObjectProvider<JwtSettings> settings, PadlockProperties properties, ObjectProvider<TokenStore> tokenStore,
            ObjectProvider<RefreshTokens> refreshTokens, ObjectProvider<ObservationRegistry> observations,
            ResourceLoader resourceLoader) {
        JwtDecoder jwt = decoder.getIfUnique();
        JwtSettings jwtSettings = settings.getIfAvailable();
        if (jwt == null || jwtSettings == null) {
            throw new InvalidConfigurationPropertyValueException(REVOCATION, true,
                    "The revocation endpoint verifies the tokens it revokes: set padlock.jwt.secret or "
                            + "padlock.jwt.private-key, or declare one JwtDecoder bean");
        }
        TokenRevocationEndpoint endpoint = new TokenRevocationEndpoint(jwt,
                tokenStore(properties, tokenStore, resourceLoader.getClassLoader()), jwtSettings.clockSkew(),
                refreshTokens.getIfAvailable());
        endpoint.setObservationRegistry(observations.getIfUnique(() -> ObservationRegistry.NOOP));
        return endpoint;
    }

    /** Whether the token endpoint is on with revocation (on by default). */
    private static boolean revocation(PadlockProperties properties) {
        return properties.getTokenEndpoint().isEnabled() && properties.getTokenEndpoint().getRevocation().isEnabled();
    }

    /**
     * The store of {@code padlock.token-endpoint.store}, or a start-up failure naming the property and what is
     * missing: the library, or the store itself.
     */
    private static TokenStore tokenStore(PadlockProperties properties, ObjectProvider<TokenStore> tokenStore,
            @Nullable ClassLoader classLoader) {
        TokenStore store = tokenStore.getIfUnique();
        if (store != null) {
            return store;
        }
        PadlockProperties.TokenStoreType type = properties.getTokenEndpoint().getStore();
        String value = PropertyNames.spelling(type);
        OptionalLibraries library = switch (type) {
            case JDBC -> OptionalLibraries.SPRING_JDBC;
            case REDIS -> OptionalLibraries.SPRING_DATA_REDIS;
            case MEMORY -> OptionalLibraries.CAFFEINE;
        };
        library.require(classLoader, PadlockTokenStoreAutoConfiguration.STORE, value,
                "The " + value + " token store");
        throw new InvalidConfigurationPropertyValueException(PadlockTokenStoreAutoConfiguration.STORE, value,
                "No TokenStore bean for it: declare one TokenStore bean, or check the conditions report");
    }

    /**
     * The cache of {@code padlock.jwt.cache}, or none: when it is off, or when Caffeine is missing and nothing under
     * {@code padlock.jwt.cache} asked for it (then one INFO line says that every token is verified); asked for
     * without Caffeine, the start-up fails naming the dependency.
     */
    private static @Nullable JwtCacheSettings cacheSettings(PadlockProperties.Jwt.Cache cache, Environment environment,
            @Nullable ClassLoader classLoader) {
        if (!cache.isEnabled()) {
            return null;
        }
        if (!OptionalLibraries.CAFFEINE.isPresent(classLoader)) {
            if (OnPadlockEntriesCondition.hasEntries(environment, CACHE)) {
                throw new InvalidConfigurationPropertyValueException(CACHE + ".enabled", true,
                        OptionalLibraries.CAFFEINE.missing(CACHE) + ", or set " + CACHE + ".enabled to false");
            }
            logger.info("Every JWT is verified on every request: the cache of verified tokens (" + CACHE + ") needs "
                    + "com.github.ben-manes.caffeine:caffeine, which is not on the classpath; add it, or set " + CACHE
                    + ".enabled to false");
            return null;
        }
        try {
            return new JwtCacheSettings(cache.getMaximumSize(), cache.getMaximumAge(), cache.isRecordStats());
        }
        catch (IllegalArgumentException ex) {
            // JwtCacheSettings names the setting it refuses: "maximum-size: ..." or "maximum-age: ...".
            String message = String.valueOf(ex.getMessage());
            boolean size = message.startsWith("maximum-size: ");
            throw new InvalidConfigurationPropertyValueException(CACHE + (size ? ".maximum-size" : ".maximum-age"),
                    size ? cache.getMaximumSize() : cache.getMaximumAge(), message.substring(message.indexOf(": ") + 2));
        }
    }

    @Bean
    @ConditionalOnProperty("padlock.token-endpoint.enabled")
    @ConditionalOnMissingBean
    JwtIssuer padlockJwtIssuer(ObjectProvider<JwtSettings> settings, PadlockProperties properties) {
        JwtSettings jwt = settings.getIfAvailable();
        if (jwt == null) {
            throw new InvalidConfigurationPropertyValueException("padlock.token-endpoint.enabled", true,
                    "The token endpoint signs JWTs: set padlock.jwt.secret or padlock.jwt.private-key");
        }
        try {
            return new JwtIssuer(jwt);
        }
        catch (IllegalArgumentException ex) {
            throw invalid(ex, properties.getJwt());
        }
    }

    @Bean
    @ConditionalOnProperty("padlock.token-endpoint.enabled")
    @ConditionalOnMissingBean
    PasswordTokenEndpoint padlockPasswordTokenEndpoint(ObjectProvider<UserAuthenticator> users, JwtIssuer issuer,
            PadlockProperties properties, ObjectProvider<AttemptLimiter> limiter,
            ObjectProvider<ObservationRegistry> observations, ApplicationEventPublisher events,
            ObjectProvider<RefreshTokens> refreshTokens) {
        UserAuthenticator authenticator = users.getIfAvailable();
        if (authenticator == null) {
            throw new InvalidConfigurationPropertyValueException("padlock.token-endpoint.enabled", true,
                    "The token endpoint checks users: set padlock.users, or declare a UserStore bean (with "
                            + "spring-security-crypto on the classpath)");
        }
        Duration accessTokenTtl = properties.getTokenEndpoint().getAccessTokenTtl();
        PasswordTokenEndpoint endpoint;
        try {
            endpoint = new PasswordTokenEndpoint(authenticator, issuer, accessTokenTtl,
                    properties.getTokenEndpoint().isDownScope(), limiter.getIfAvailable());
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidConfigurationPropertyValueException("padlock.token-endpoint.access-token-ttl",
                    accessTokenTtl, "An access token must live at least one second and at most "
                            + PasswordTokenEndpoint.LONGEST_ACCESS_TOKEN_TTL.toDays() + " days");
        }
        endpoint.setRefreshTokens(refreshTokens.getIfAvailable());
        endpoint.setObservationRegistry(observations.getIfUnique(() -> ObservationRegistry.NOOP));
        if (properties.getEvents().isEnabled()) {
            endpoint.setEventPublisher(events);
        }
        return endpoint;
    }

    /**
     * The refusal of a {@code padlock.jwt} property. {@link JwtSettings} names the setting it refuses at the start of
     * its message ({@code secret: ...}) and never shows key material. A setting that may hold a secret (a key, or a
     * URL with credentials) is refused without its value; the claim settings with theirs, as Spring Boot does.
     */
    private static RuntimeException invalid(IllegalArgumentException ex, PadlockProperties.Jwt jwt) {
        String message = String.valueOf(ex.getMessage());
        int colon = message.indexOf(": ");
        String setting = (colon > 0) ? message.substring(0, colon) : "";
        String reason = message.substring(colon + 2);
        Object value = switch (setting) {
            case "type" -> jwt.getType();
            case "audience" -> jwt.getAudience();
            case "clock-skew" -> jwt.getClockSkew();
            case "scope-claim" -> jwt.getScopeClaim();
            case "algorithms" -> jwt.getAlgorithms();
            default -> null;
        };
        if (value != null) {
            return new InvalidConfigurationPropertyValueException("padlock.jwt." + setting, value, reason);
        }
        if (List.of("secret", "public-key", "private-key", "jwk-set-uri").contains(setting)) {
            return new SecretPropertyException("padlock.jwt." + setting, reason);
        }
        return new SecretPropertyException("padlock.jwt", message);
    }

    /** A key given inline, or a resource location such as {@code classpath:jwt.pub}. */
    /**
     * A secret that is still a {@code ${NAME}} placeholder was never defined (Spring keeps an unresolvable placeholder
     * as text): say which variable to set, rather than that 17 bytes are too short.
     */
    private static String defined(String secret) {
        Matcher placeholder = PLACEHOLDER.matcher(secret);
        if (placeholder.matches()) {
            throw new SecretPropertyException("padlock.jwt.secret", "It is the placeholder ${" + placeholder.group(1)
                    + "}, which nothing defines", "Set the environment variable " + placeholder.group(1)
                    + " (for example to the output of openssl rand -base64 48), or define padlock.jwt.secret.");
        }
        return secret;
    }

    private static @Nullable String load(ResourceLoader resourceLoader, String property, @Nullable String value) {
        if (value == null || !(value.startsWith("classpath:") || value.startsWith("file:"))) {
            return value;
        }
        Resource resource = resourceLoader.getResource(value);
        try {
            return resource.getContentAsString(StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new SecretPropertyException(property, "The key cannot be read from its location");
        }
    }
}
