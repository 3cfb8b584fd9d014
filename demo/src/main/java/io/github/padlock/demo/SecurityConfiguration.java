package io.github.padlock.demo;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import io.github.padlock.BearerTokenErrors;
import io.github.padlock.PadlockException;
import io.github.padlock.SecurityOutcome;
import io.github.padlock.Verifier;
import io.github.padlock.credentials.ApiKeyAuthenticator;
import io.github.padlock.credentials.StoredUser;
import io.github.padlock.credentials.UserPrincipal;
import io.github.padlock.credentials.UserStore;
import io.github.padlock.jwt.JwtPrincipal;
import io.github.padlock.scheme.ApiKeyHeader;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
import org.springframework.security.crypto.scrypt.SCryptPasswordEncoder;

/**
 * The verifiers that are the application's own, on top of the schemes and built-in verifiers of
 * {@code application.yml}: the seed's {@code get_current_username} and {@code verify_api_key}, and FastAPI's tutorial
 * chain {@code get_current_user} → {@code get_current_active_user}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /**
     * The encoding of passwords, which Padlock uses for new hashes and for the check an unknown user costs: Spring
     * Security's {@code DelegatingPasswordEncoder}, whose encoding for new passwords {@code demo.password-encoding}
     * chooses ({@code bcrypt} by default; also {@code pbkdf2@SpringSecurity_v5_8}, {@code argon2@SpringSecurity_v5_8},
     * ...) with bcrypt's cost from {@code demo.bcrypt-strength} (10). A stored hash of any id still matches, and one of
     * another encoding or a lower cost is re-encoded after a successful login.
     */
    @Bean
    PasswordEncoder passwordEncoder(@Value("${demo.password-encoding:bcrypt}") String encoding,
            @Value("${demo.bcrypt-strength:10}") int bcryptStrength) {
        Map<String, PasswordEncoder> encoders = Map.of("bcrypt", new BCryptPasswordEncoder(bcryptStrength), "pbkdf2",
                Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_5(), "pbkdf2@SpringSecurity_v5_8",
                Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8(), "argon2",
                Argon2PasswordEncoder.defaultsForSpringSecurity_v5_2(), "argon2@SpringSecurity_v5_8",
                Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(), "scrypt",
                SCryptPasswordEncoder.defaultsForSpringSecurity_v4_1(), "scrypt@SpringSecurity_v5_8",
                SCryptPasswordEncoder.defaultsForSpringSecurity_v5_8());
        if (!encoders.containsKey(encoding)) {
            throw new IllegalArgumentException("demo.password-encoding must be one of " + new TreeSet<>(
                    encoders.keySet()));
        }
        return new DelegatingPasswordEncoder(encoding, encoders);
    }

    /** The seed's {@code get_current_username}, over the built-in user verifier. */
    @Bean
    Verifier<String> currentUsername(Verifier<UserPrincipal> basicUser) {
        return Verifier.of(basicUser, (user, scopes) -> Objects.requireNonNull(user).username());
    }

    /**
     * The seed's {@code verify_api_key}: 403 {@code X-API-KEY header missing} or {@code Invalid API Key}, the key
     * checked by the built-in API-key check against the {@code padlock_api_keys} table. The outcomes are said, since a
     * 403 is otherwise taken for a permission refusal: a wrong key is a guess the brute-force limiter counts, no key is
     * not.
     */
    @Bean
    Verifier<String> verifiedApiKey(ApiKeyHeader apiKeyHeader, ApiKeyAuthenticator apiKeys) {
        return Verifier.of(apiKeyHeader, (key, scopes) -> {
            if (key == null) {
                throw new PadlockException(HttpStatus.FORBIDDEN, "X-API-KEY header missing", List.of(),
                        SecurityOutcome.MISSING);
            }
            var stored = apiKeys.check(key);
            if (stored == null) {
                throw new PadlockException(HttpStatus.FORBIDDEN, "Invalid API Key", List.of(),
                        SecurityOutcome.INVALID);
            }
            return stored.id();
        });
    }

    /**
     * FastAPI's {@code get_current_active_user} over {@code get_current_user} (the built-in JWT verifier): the
     * token's user must still exist — 401 {@code invalid_token} otherwise, as {@code get_current_user} answers a
     * token whose user is not found — and be enabled — 400 {@code Inactive user} otherwise.
     */
    @Bean
    Verifier<UserPrincipal> currentActiveUser(Verifier<JwtPrincipal> currentUser, UserStore users) {
        return Verifier.of(currentUser, (principal, scopes) -> {
            StoredUser user = users.findUser(Objects.requireNonNull(principal).subject());
            if (user == null) {
                throw BearerTokenErrors.invalidToken();
            }
            if (user.disabled()) {
                throw new PadlockException(HttpStatus.BAD_REQUEST, "Inactive user", List.of());
            }
            return new UserPrincipal(user.username(), principal.scopes());
        });
    }
}
