package io.github.padlock.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.padlock.NotAuthenticatedException;
import io.github.padlock.PadlockException;
import io.github.padlock.Verifier;
import io.github.padlock.scheme.ApiKeyHeader;
import io.github.padlock.scheme.HttpBasic;
import io.github.padlock.scheme.OAuth2PasswordBearer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * The seed's three examples: HTTP Basic with {@code get_current_username}, an API key in {@code X-API-KEY} with
 * {@code verify_api_key}, and the OAuth2 password flow with {@code get_current_user}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** The token {@code POST /token} hands out: a fixed demo value, as in the seed; JWTs come later. */
    static final String DEMO_TOKEN = "token_for_stanley";

    /** SHA-256 of the seed's API key, {@code SECRET_API_KEY}. */
    private static final byte[] API_KEY_SHA256 = HexFormat.of()
        .parseHex("e07d2d74b8e316e51eab6c3dd7d61422024fb11bfc869d0242d3755eb395dcc9");

    @Bean
    HttpBasic basicAuth() {
        return HttpBasic.builder().build();
    }

    /** The seed's {@code get_current_username}: 401 {@code Incorrect username or password} unless stanley's. */
    @Bean
    Verifier<String> currentUsername(HttpBasic basicAuth, DemoUsers users) {
        return Verifier.of(basicAuth, (credentials, scopes) -> {
            Objects.requireNonNull(credentials, "basicAuth has autoError on");
            if (!users.check(credentials.username(), credentials.password())) {
                throw new NotAuthenticatedException("Incorrect username or password", basicAuth.challenge());
            }
            return credentials.username();
        });
    }

    @Bean
    ApiKeyHeader apiKeyHeader() {
        return ApiKeyHeader.builder().name("X-API-KEY").autoError(false).build();
    }

    /** The seed's {@code verify_api_key}: 403 when the key is missing or wrong, compared as SHA-256 digests. */
    @Bean
    Verifier<String> verifiedApiKey(ApiKeyHeader apiKeyHeader) {
        return Verifier.of(apiKeyHeader, (key, scopes) -> {
            if (key == null) {
                throw new PadlockException(HttpStatus.FORBIDDEN, "X-API-KEY header missing", List.of());
            }
            if (!MessageDigest.isEqual(sha256(key), API_KEY_SHA256)) {
                throw new PadlockException(HttpStatus.FORBIDDEN, "Invalid API Key", List.of());
            }
            return "demo-key";
        });
    }

    @Bean
    OAuth2PasswordBearer oauth2Scheme() {
        return OAuth2PasswordBearer.builder("token").build();
    }

    /** The seed's {@code get_current_user}: the user behind the demo token, else 401 with the Bearer challenge. */
    @Bean
    Verifier<Map<String, String>> currentOAuthUser(OAuth2PasswordBearer oauth2Scheme) {
        return Verifier.of(oauth2Scheme, (token, scopes) -> {
            if (token == null || !MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                    DEMO_TOKEN.getBytes(StandardCharsets.UTF_8))) {
                throw new NotAuthenticatedException("Invalid authentication credentials", "Bearer");
            }
            return Map.of("username", "stanley", "email", "stanley@example.com");
        });
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("Every Java platform has SHA-256", ex);
        }
    }
}
