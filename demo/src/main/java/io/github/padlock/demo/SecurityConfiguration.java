package io.github.padlock.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
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
 * The seed's three examples — HTTP Basic with {@code get_current_username}, an API key in {@code X-API-KEY} with
 * {@code verify_api_key}, the OAuth2 password flow with {@code get_current_user} — and FastAPI's tutorial chain
 * {@code get_current_user} → {@code get_current_active_user}, with scopes checked by every user verifier.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** SHA-256 of the seed's API key, {@code SECRET_API_KEY}. */
    private static final byte[] API_KEY_SHA256 = HexFormat.of()
        .parseHex("e07d2d74b8e316e51eab6c3dd7d61422024fb11bfc869d0242d3755eb395dcc9");

    @Bean
    HttpBasic basicAuth() {
        return HttpBasic.builder().build();
    }

    /** The seed's {@code get_current_username}: 401 {@code Incorrect username or password} unless valid. */
    @Bean
    Verifier<String> currentUsername(HttpBasic basicAuth, DemoUsers users) {
        return Verifier.of(basicAuth, (credentials, scopes) -> {
            Objects.requireNonNull(credentials, "basicAuth has autoError on");
            return users.authenticate(credentials.username(), credentials.password())
                .orElseThrow(() -> new NotAuthenticatedException("Incorrect username or password",
                        basicAuth.challenge()))
                .username();
        });
    }

    /** The same user check, producing the user and checking the scopes required on the path against theirs. */
    @Bean
    Verifier<DemoUser> basicUser(HttpBasic basicAuth, DemoUsers users) {
        return Verifier.of(basicAuth, (credentials, scopes) -> {
            Objects.requireNonNull(credentials, "basicAuth has autoError on");
            DemoUser user = users.authenticate(credentials.username(), credentials.password())
                .orElseThrow(() -> new NotAuthenticatedException("Incorrect username or password",
                        basicAuth.challenge()));
            scopes.require(user.scopes());
            return user;
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
        Map<String, String> scopes = new LinkedHashMap<>();
        scopes.put("items:read", "Read items.");
        scopes.put("items:write", "Create and delete items.");
        return OAuth2PasswordBearer.builder("token").scopes(scopes).build();
    }

    /** FastAPI's {@code get_current_user}: the token's user, with the scopes required on the path granted. */
    @Bean
    Verifier<DemoUser> currentUser(OAuth2PasswordBearer oauth2Scheme, DemoTokens tokens, DemoUsers users) {
        return Verifier.of(oauth2Scheme, (token, scopes) -> {
            DemoTokens.Grant grant = tokens.find(Objects.requireNonNull(token, "oauth2Scheme has autoError on"))
                .orElseThrow(() -> new NotAuthenticatedException("Could not validate credentials", "Bearer"));
            scopes.require(grant.scopes());
            return users.find(grant.username())
                .orElseThrow(() -> new NotAuthenticatedException("Could not validate credentials", "Bearer"));
        });
    }

    /** FastAPI's {@code get_current_active_user}: 400 {@code Inactive user} for a disabled account. */
    @Bean
    Verifier<DemoUser> currentActiveUser(Verifier<DemoUser> currentUser) {
        return Verifier.of(currentUser, (user, scopes) -> {
            if (Objects.requireNonNull(user).disabled()) {
                throw new PadlockException(HttpStatus.BAD_REQUEST, "Inactive user", List.of());
            }
            return user;
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
