package io.github.padlock.demo;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Opaque access tokens for the password flow: 256 random bits, kept in memory for 30 minutes with the user and the
 * scopes granted (those requested that the user may have). Signed JWTs replace them when Padlock's JWT support
 * arrives.
 */
@Component
class DemoTokens {

    static final Duration TIME_TO_LIVE = Duration.ofMinutes(30);

    private final SecureRandom random = new SecureRandom();

    private final Map<String, Grant> grants = new ConcurrentHashMap<>();

    private final Clock clock = Clock.systemUTC();

    String issue(DemoUser user, List<String> requestedScopes) {
        byte[] bytes = new byte[32];
        this.random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = this.clock.instant();
        this.grants.values().removeIf((grant) -> grant.expiresAt().isBefore(now));
        List<String> granted = requestedScopes.stream().filter(user.scopes()::contains).distinct().toList();
        this.grants.put(token, new Grant(user.username(), granted, now.plus(TIME_TO_LIVE)));
        return token;
    }

    /**
     * @return the grant behind a token that exists and has not expired
     */
    Optional<Grant> find(String token) {
        Grant grant = this.grants.get(token);
        return (grant != null && grant.expiresAt().isAfter(this.clock.instant())) ? Optional.of(grant)
                : Optional.empty();
    }

    /**
     * @param username whose token it is
     * @param scopes the scopes granted
     * @param expiresAt when it stops working
     */
    record Grant(String username, List<String> scopes, Instant expiresAt) {
    }
}
