package io.github.padlock.oauth2;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.padlock.PadlockException;
import io.github.padlock.credentials.StoredUser;
import io.github.padlock.credentials.UserAuthenticator;
import io.github.padlock.credentials.UserStore;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * {@link RefreshTokens} without a Spring context, over the in-memory store on a clock the test moves: a family's life
 * from the password grant to its revocation, and the family revocation outliving every token it could have issued.
 */
class RefreshTokensTests {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final MovableClock clock = new MovableClock(START);

    private final InMemoryTokenStore store = new InMemoryTokenStore(this.clock);

    private final RefreshTokens refreshTokens = new RefreshTokens(this.store, Duration.ofDays(14),
            Duration.ofMinutes(30), Duration.ofSeconds(60), this.clock);

    private final Map<String, StoredUser> users = new ConcurrentHashMap<>(Map.of("stanley",
            new StoredUser("stanley", "{noop}pw", List.of("items:read", "items:write"), false)));

    @SuppressWarnings("deprecation")
    private final UserAuthenticator authenticator = new UserAuthenticator(new MapUserStore(this.users),
            new DelegatingPasswordEncoder("noop", Map.of("noop", NoOpPasswordEncoder.getInstance())));

    @Test
    void refreshWhenPresentedThenSuccessorOfTheSameFamilyAndOnlyItsHashKept() {
        RefreshTokens.Issued first = this.refreshTokens.start("stanley", List.of("items:read", "items:write"));
        assertThat(first.token()).matches("[A-Za-z0-9_-]{43}");
        assertThat(first.familyId()).matches("[A-Za-z0-9_-]{22}");
        assertThat(first.toString()).doesNotContain(first.token());
        assertThat(this.store.findRefreshToken(first.token())).as("kept by its hash, never itself").isNull();
        RefreshTokens.Issued second = this.refreshTokens.refresh(first.token(), List.of("items:read"),
                this.authenticator);
        assertThat(second.familyId()).isEqualTo(first.familyId());
        assertThat(second.token()).isNotEqualTo(first.token());
        assertThat(second.scopes()).containsExactly("items:read");
        RefreshTokens.Issued third = this.refreshTokens.refresh(second.token(), List.of(), this.authenticator);
        assertThat(third.scopes()).as("the original grant's, not the narrowed one's")
            .containsExactly("items:read", "items:write");
    }

    @Test
    void refreshWhenReusedThenFamilyRevokedUntilItsLastTokenWouldHaveExpired() {
        RefreshTokens.Issued first = this.refreshTokens.start("stanley", List.of("items:read"));
        RefreshTokens.Issued second = this.refreshTokens.refresh(first.token(), List.of(), this.authenticator);
        assertThat(error(() -> this.refreshTokens.refresh(first.token(), List.of(), this.authenticator)))
            .isEqualTo("invalid_grant");
        assertThat(error(() -> this.refreshTokens.refresh(second.token(), List.of(), this.authenticator)))
            .isEqualTo("invalid_grant");
        // The longer of the refresh token's 14 days and the access token's 30 minutes, plus the 60-second skew.
        this.clock.advance(Duration.ofDays(14).plusSeconds(59));
        assertThat(this.store.isRevoked(null, first.familyId())).isTrue();
        this.clock.advance(Duration.ofSeconds(1));
        assertThat(this.store.isRevoked(null, first.familyId())).isFalse();
    }

    @Test
    void refreshWhenScopeWiderThanTheGrantThenInvalidScopeAndTheTokenStillUnused() {
        RefreshTokens.Issued first = this.refreshTokens.start("stanley", List.of("items:read"));
        assertThat(error(() -> this.refreshTokens.refresh(first.token(), List.of("items:read", "items:write"),
                this.authenticator))).isEqualTo("invalid_scope");
        assertThat(this.refreshTokens.refresh(first.token(), List.of(), this.authenticator).scopes())
            .containsExactly("items:read");
    }

    @Test
    void refreshWhenUserDisabledDeletedOrLostAScopeThenRefusedOrNarrowed() {
        RefreshTokens.Issued narrowed = this.refreshTokens.start("stanley", List.of("items:read", "items:write"));
        RefreshTokens.Issued disabled = this.refreshTokens.start("stanley", List.of("items:read"));
        this.users.put("stanley", new StoredUser("stanley", "{noop}pw", List.of("items:read"), false));
        RefreshTokens.Issued successor = this.refreshTokens.refresh(narrowed.token(), List.of(), this.authenticator);
        assertThat(successor.scopes()).containsExactly("items:read");
        this.users.put("stanley", new StoredUser("stanley", "{noop}pw", List.of("items:read"), true));
        assertThat(error(() -> this.refreshTokens.refresh(disabled.token(), List.of(), this.authenticator)))
            .isEqualTo("invalid_grant");
        assertThat(this.store.isRevoked(null, disabled.familyId())).isTrue();
        this.users.remove("stanley");
        assertThat(error(() -> this.refreshTokens.refresh(successor.token(), List.of(), this.authenticator)))
            .isEqualTo("invalid_grant");
        assertThat(this.store.isRevoked(null, successor.familyId())).as("the user is gone").isTrue();
    }

    @Test
    void refreshWhenExpiredOrUnknownThenInvalidGrant() {
        RefreshTokens.Issued first = this.refreshTokens.start("stanley", List.of());
        assertThat(error(() -> this.refreshTokens.refresh("unknown", List.of(), this.authenticator)))
            .isEqualTo("invalid_grant");
        this.clock.advance(Duration.ofDays(14));
        assertThat(error(() -> this.refreshTokens.refresh(first.token(), List.of(), this.authenticator)))
            .isEqualTo("invalid_grant");
    }

    @Test
    void revokeWhenRefreshTokenKnownThenItsFamilyRevokedElseNothing() {
        RefreshTokens.Issued first = this.refreshTokens.start("stanley", List.of());
        assertThat(this.refreshTokens.revoke("unknown")).isFalse();
        assertThat(this.refreshTokens.revoke(first.token())).isTrue();
        assertThat(this.store.isRevoked("any-access-token", first.familyId())).isTrue();
    }

    @Test
    void constructorWhenTimeToLiveUnderAMinuteThenRefused() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new RefreshTokens(this.store, Duration.ofSeconds(59), Duration.ofMinutes(30),
                    Duration.ZERO))
            .withMessageContaining("time-to-live");
    }

    private static @Nullable Object error(Runnable refresh) {
        PadlockException refused = catchThrowableOfType(PadlockException.class, refresh::run);
        return (refused != null && refused.getBody().getProperties() != null)
                ? refused.getBody().getProperties().get("error") : null;
    }

    private record MapUserStore(Map<String, StoredUser> users) implements UserStore {

        @Override
        public @Nullable StoredUser findUser(String username) {
            return this.users.get(username);
        }
    }
}
