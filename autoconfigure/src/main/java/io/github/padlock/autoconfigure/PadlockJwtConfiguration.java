package io.github.padlock.autoconfigure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import io.github.padlock.credentials.BruteForceLimiter;
import io.github.padlock.credentials.UserAuthenticator;
import io.github.padlock.jwt.JwtDecoder;
import io.github.padlock.jwt.JwtIssuer;
import io.github.padlock.jwt.JwtSettings;
import io.github.padlock.oauth2.PasswordTokenEndpoint;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * JWT verification from {@code padlock.jwt}, and the password grant's token endpoint that issues them when
 * {@code padlock.token-endpoint.enabled} is set.
 */
@Configuration(proxyBeanMethods = false)
class PadlockJwtConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnPadlockEntries("padlock.jwt")
    JwtSettings padlockJwtSettings(PadlockProperties properties, ResourceLoader resourceLoader) {
        PadlockProperties.Jwt jwt = properties.getJwt();
        try {
            JwtSettings.Builder builder = JwtSettings.builder()
                .issuer(jwt.getIssuer())
                .audience(jwt.getAudience())
                .clockSkew(jwt.getClockSkew())
                .scopeClaim(jwt.getScopeClaim())
                .algorithms(jwt.getAlgorithms());
            if (jwt.getSecret() != null) {
                builder.secret(jwt.getSecret());
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
            // JwtSettings names the setting and never the key material.
            throw new InvalidConfigurationPropertyValueException("padlock.jwt", "(hidden)", ex.getMessage());
        }
    }

    @Bean
    @ConditionalOnBean(JwtSettings.class)
    @ConditionalOnMissingBean
    JwtDecoder padlockJwtDecoder(JwtSettings settings) {
        return new JwtDecoder(settings);
    }

    @Bean
    @ConditionalOnProperty("padlock.token-endpoint.enabled")
    @ConditionalOnMissingBean
    JwtIssuer padlockJwtIssuer(ObjectProvider<JwtSettings> settings) {
        JwtSettings jwt = settings.getIfAvailable();
        if (jwt == null) {
            throw new InvalidConfigurationPropertyValueException("padlock.token-endpoint.enabled", true,
                    "The token endpoint signs JWTs: set padlock.jwt.secret or padlock.jwt.private-key");
        }
        try {
            return new JwtIssuer(jwt);
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidConfigurationPropertyValueException("padlock.jwt", "(hidden)", ex.getMessage());
        }
    }

    @Bean
    @ConditionalOnProperty("padlock.token-endpoint.enabled")
    @ConditionalOnMissingBean
    PasswordTokenEndpoint padlockPasswordTokenEndpoint(ObjectProvider<UserAuthenticator> users, JwtIssuer issuer,
            PadlockProperties properties, ObjectProvider<BruteForceLimiter> limiter) {
        UserAuthenticator authenticator = users.getIfAvailable();
        if (authenticator == null) {
            throw new InvalidConfigurationPropertyValueException("padlock.token-endpoint.enabled", true,
                    "The token endpoint checks users: set padlock.users, or declare a UserStore bean");
        }
        return new PasswordTokenEndpoint(authenticator, issuer, properties.getTokenEndpoint().getAccessTokenTtl(),
                limiter.getIfAvailable());
    }

    /** A key given inline, or a resource location such as {@code classpath:jwt.pub}. */
    private static @Nullable String load(ResourceLoader resourceLoader, String property, @Nullable String value) {
        if (value == null || !(value.startsWith("classpath:") || value.startsWith("file:"))) {
            return value;
        }
        Resource resource = resourceLoader.getResource(value);
        try {
            return resource.getContentAsString(StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new InvalidConfigurationPropertyValueException(property, value, "The key cannot be read");
        }
    }
}
