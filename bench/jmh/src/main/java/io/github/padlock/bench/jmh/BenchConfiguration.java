package io.github.padlock.bench.jmh;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import io.github.padlock.NotAuthenticatedException;
import io.github.padlock.SecurityParam;
import io.github.padlock.Verifier;
import io.github.padlock.credentials.ApiKeyAuthenticator;
import io.github.padlock.credentials.ApiKeyPrincipal;
import io.github.padlock.credentials.InMemoryApiKeyStore;
import io.github.padlock.credentials.StoredApiKey;
import io.github.padlock.jwt.JwtCacheSettings;
import io.github.padlock.jwt.JwtDecoder;
import io.github.padlock.jwt.JwtIssuer;
import io.github.padlock.jwt.JwtPrincipal;
import io.github.padlock.jwt.JwtSettings;
import io.github.padlock.jwt.JwtVerifiers;
import io.github.padlock.scheme.ApiKeyHeader;
import io.github.padlock.scheme.HttpBasic;
import io.github.padlock.scheme.HttpBearer;
import io.github.padlock.scheme.OAuth2PasswordBearer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * The schemes and verifiers the benchmarks resolve, declared as an application would declare them, and one
 * controller with a handler per scheme. The verifiers are cheap on purpose (constant-time comparisons, a map
 * lookup, HS256): the benchmarks measure Padlock's path, not a password hash.
 */
@Configuration(proxyBeanMethods = false)
class BenchConfiguration {

    static final String USERNAME = "stanley";

    static final String PASSWORD = "password123";

    static final String API_KEY = "demo.X1Mc3thiRunnvxrdTEqXfiS8a_qyCRLIfkcgdMuNJ7c";

    static final String OPAQUE_TOKEN = "opaque-7Qx2rV9mWc4LkT1nHs8yBd3Fp6Zj0GaE";

    static final String JWT_SECRET = "benchmark-secret-with-more-than-32-bytes-of-key-material";

    private static final byte[] USERNAME_BYTES = USERNAME.getBytes(StandardCharsets.UTF_8);

    private static final byte[] PASSWORD_BYTES = PASSWORD.getBytes(StandardCharsets.UTF_8);

    private static final byte[] API_KEY_BYTES = API_KEY.getBytes(StandardCharsets.UTF_8);

    // --- HTTP Basic, with the README's constant-time check but no password hash ---

    @Bean
    HttpBasic basicAuth() {
        return HttpBasic.builder().build();
    }

    @Bean
    Verifier<String> basicUser(HttpBasic basicAuth) {
        return Verifier.of(basicAuth, (credentials, scopes) -> {
            boolean userOk = MessageDigest.isEqual(credentials.username().getBytes(StandardCharsets.UTF_8),
                    USERNAME_BYTES);
            boolean passwordOk = MessageDigest.isEqual(credentials.password().getBytes(StandardCharsets.UTF_8),
                    PASSWORD_BYTES);
            if (!(userOk & passwordOk)) {
                throw new NotAuthenticatedException("Incorrect username or password", basicAuth.challenge());
            }
            return credentials.username();
        });
    }

    // --- API key in a header: a constant-time comparison with one configured key ---

    @Bean
    ApiKeyHeader apiKeyHeader() {
        return ApiKeyHeader.builder().name("X-API-KEY").build();
    }

    @Bean
    Verifier<String> apiKeyUser(ApiKeyHeader apiKeyHeader) {
        return Verifier.of(apiKeyHeader, (key, scopes) -> {
            if (!MessageDigest.isEqual(key.getBytes(StandardCharsets.UTF_8), API_KEY_BYTES)) {
                throw new NotAuthenticatedException("Invalid API key", "APIKey");
            }
            return "demo";
        });
    }

    // --- API key in a header, checked by Padlock's built-in verifier (padlock.api-keys: sha256 of the key) ---

    @Bean
    ApiKeyAuthenticator apiKeyAuthenticator() {
        StoredApiKey key = new StoredApiKey("demo", "sha256:" + HexFormat.of().formatHex(sha256(API_KEY)),
                List.of("items:read"));
        return new ApiKeyAuthenticator(new InMemoryApiKeyStore(List.of(key)),
                PasswordEncoderFactories.createDelegatingPasswordEncoder());
    }

    @Bean
    Verifier<ApiKeyPrincipal> apiKeyPrincipal(ApiKeyAuthenticator apiKeyAuthenticator, ApiKeyHeader apiKeyHeader) {
        return apiKeyAuthenticator.over(apiKeyHeader);
    }

    // --- an opaque bearer token, looked up in a map ---

    @Bean
    HttpBearer bearerAuth() {
        return HttpBearer.builder().build();
    }

    @Bean
    Verifier<String> bearerUser(HttpBearer bearerAuth) {
        Map<String, String> tokens = Map.of(OPAQUE_TOKEN, USERNAME);
        return Verifier.of(bearerAuth, (credentials, scopes) -> {
            String user = tokens.get(credentials.credentials());
            if (user == null) {
                throw new NotAuthenticatedException("Invalid token", "Bearer");
            }
            return user;
        });
    }

    // --- an HS256 JWT from the OAuth2 password flow, checked by JwtDecoder without a cache: every token verified ---

    @Bean
    JwtSettings jwtSettings() {
        return JwtSettings.builder().secret(JWT_SECRET).issuer("padlock-bench").build();
    }

    @Bean
    JwtDecoder jwtDecoder(JwtSettings jwtSettings) {
        return new JwtDecoder(jwtSettings);
    }

    @Bean
    OAuth2PasswordBearer oauth2Scheme() {
        return OAuth2PasswordBearer.builder("/token").scopes(Map.of("items:read", "Read items.")).build();
    }

    @Bean
    Verifier<JwtPrincipal> jwtUser(OAuth2PasswordBearer oauth2Scheme, JwtDecoder jwtDecoder) {
        return JwtVerifiers.over(oauth2Scheme, jwtDecoder);
    }

    // --- the same, with the cache of verified tokens that padlock.jwt.cache configures by default ---

    @Bean
    JwtDecoder cachedJwtDecoder(JwtSettings jwtSettings) {
        return new JwtDecoder(jwtSettings, JwtCacheSettings.defaults());
    }

    @Bean
    Verifier<JwtPrincipal> cachedJwtUser(OAuth2PasswordBearer oauth2Scheme, JwtDecoder cachedJwtDecoder) {
        return JwtVerifiers.over(oauth2Scheme, cachedJwtDecoder);
    }

    /** A token valid for a day, longer than any benchmark run. */
    static String issueJwt(JwtSettings settings) {
        return new JwtIssuer(settings).issue(USERNAME, List.of("items:read"), Duration.ofDays(1)).value();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** One handler per benchmarked scheme; never called, only planned and resolved for. */
    static class BenchController {

        public String basic(@SecurityParam("basicUser") String user) {
            return user;
        }

        public String apiKey(@SecurityParam("apiKeyUser") String keyId) {
            return keyId;
        }

        public ApiKeyPrincipal apiKeyStore(@SecurityParam("apiKeyPrincipal") ApiKeyPrincipal key) {
            return key;
        }

        public String bearer(@SecurityParam("bearerUser") String user) {
            return user;
        }

        public JwtPrincipal jwt(@SecurityParam(value = "jwtUser", scopes = "items:read") JwtPrincipal principal) {
            return principal;
        }

        public JwtPrincipal jwtHit(
                @SecurityParam(value = "cachedJwtUser", scopes = "items:read") JwtPrincipal principal) {
            return principal;
        }
    }
}
