package io.github.padlock.demo;

import java.util.List;
import java.util.Objects;

import io.github.padlock.PadlockException;
import io.github.padlock.Verifier;
import io.github.padlock.credentials.ApiKeyAuthenticator;
import io.github.padlock.credentials.StoredUser;
import io.github.padlock.credentials.UserPrincipal;
import io.github.padlock.credentials.UserStore;
import io.github.padlock.jwt.JwtPrincipal;
import io.github.padlock.scheme.ApiKeyHeader;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * The verifiers that are the application's own, on top of the schemes and built-in verifiers of
 * {@code application.yml}: the seed's {@code get_current_username} and {@code verify_api_key}, and FastAPI's tutorial
 * chain {@code get_current_user} → {@code get_current_active_user}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** The seed's {@code get_current_username}, over the built-in user verifier. */
    @Bean
    Verifier<String> currentUsername(Verifier<UserPrincipal> basicUser) {
        return Verifier.of(basicUser, (user, scopes) -> Objects.requireNonNull(user).username());
    }

    /**
     * The seed's {@code verify_api_key}: 403 {@code X-API-KEY header missing} or {@code Invalid API Key}, the key
     * checked by the built-in API-key check against {@code padlock.api-keys}.
     */
    @Bean
    Verifier<String> verifiedApiKey(ApiKeyHeader apiKeyHeader, ApiKeyAuthenticator apiKeys) {
        return Verifier.of(apiKeyHeader, (key, scopes) -> {
            if (key == null) {
                throw new PadlockException(HttpStatus.FORBIDDEN, "X-API-KEY header missing", List.of());
            }
            var stored = apiKeys.check(key);
            if (stored == null) {
                throw new PadlockException(HttpStatus.FORBIDDEN, "Invalid API Key", List.of());
            }
            return stored.id();
        });
    }

    /**
     * FastAPI's {@code get_current_active_user} over {@code get_current_user} (the built-in JWT verifier): the
     * token's user must still exist and be enabled — 400 {@code Inactive user} otherwise.
     */
    @Bean
    Verifier<UserPrincipal> currentActiveUser(Verifier<JwtPrincipal> currentUser, UserStore users) {
        return Verifier.of(currentUser, (principal, scopes) -> {
            StoredUser user = users.findUser(Objects.requireNonNull(principal).subject());
            if (user == null || user.disabled()) {
                throw new PadlockException(HttpStatus.BAD_REQUEST, "Inactive user", List.of());
            }
            return new UserPrincipal(user.username(), principal.scopes());
        });
    }
}
