package io.github.padlock.autoconfigure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import io.github.padlock.oauth2.PasswordTokenEndpoint;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
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
 * {@link PadlockUsersAutoConfiguration}. Without the library, any of these properties fails the start-up naming the
 * dependency to add.
 */
@AutoConfiguration(after = { PadlockAutoConfiguration.class, PadlockUsersAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ DispatcherServlet.class, WebMvcConfigurer.class, SignedJWT.class })
@EnableConfigurationProperties(PadlockProperties.class)
public final class PadlockJwtAutoConfiguration {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)}");

    private static final String CACHE = "padlock.jwt.cache";

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
            ResourceLoader resourceLoader) {
        return new JwtDecoder(settings, cacheSettings(properties.getJwt().getCache(), environment,
                resourceLoader.getClassLoader()));
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
            ObjectProvider<ObservationRegistry> observations, ApplicationEventPublisher events) {
        UserAuthenticator authenticator = users.getIfAvailable();
        if (authenticator == null) {
            throw new InvalidConfigurationPropertyValueException("padlock.token-endpoint.enabled", true,
                    "The token endpoint checks users: set padlock.users, or declare a UserStore bean (with "
                            + "spring-security-crypto on the classpath)");
        }
        PasswordTokenEndpoint endpoint = new PasswordTokenEndpoint(authenticator, issuer,
                properties.getTokenEndpoint().getAccessTokenTtl(), properties.getTokenEndpoint().isDownScope(),
                limiter.getIfAvailable());
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
