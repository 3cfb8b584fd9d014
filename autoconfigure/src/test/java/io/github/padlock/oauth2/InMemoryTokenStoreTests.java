package io.github.padlock.oauth2;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.padlock.oauth2.TokenStore.RefreshGrant;
import io.github.padlock.oauth2.TokenStore.Rotation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link InMemoryTokenStore}: the contract, and each entry gone when its time has come, on a clock the test moves.
 */
class InMemoryTokenStoreTests extends TokenStoreContract {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    TokenStore store(Clock clock) {
        return new InMemoryTokenStore(clock);
    }

    @Test
    void isRevokedWhenUntilPassesThenNoLongerRevokedAndTheEntryDropped() {
        MovableClock clock = new MovableClock(START);
        InMemoryTokenStore store = new InMemoryTokenStore(clock);
        store.revokeToken("jti", START.plusSeconds(60));
        store.revokeFamily("family", START.plusSeconds(120));
        clock.advance(Duration.ofSeconds(59));
        assertThat(store.isRevoked("jti", null)).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(store.isRevoked("jti", null)).isFalse();
        assertThat(store.isRevoked(null, "family")).isTrue();
        clock.advance(Duration.ofSeconds(60));
        assertThat(store.isRevoked("jti", "family")).isFalse();
    }

    @Test
    void revokeWhenRevokedAgainThenTheLaterUntilHolds() {
        MovableClock clock = new MovableClock(START);
        InMemoryTokenStore store = new InMemoryTokenStore(clock);
        store.revokeFamily("family", START.plusSeconds(120));
        store.revokeFamily("family", START.plusSeconds(30));
        clock.advance(Duration.ofSeconds(60));
        assertThat(store.isRevoked(null, "family")).isTrue();
    }

    @Test
    void findRefreshTokenWhenExpiredThenNullAndNotRotated() {
        MovableClock clock = new MovableClock(START);
        InMemoryTokenStore store = new InMemoryTokenStore(clock);
        RefreshGrant grant = new RefreshGrant("stanley", List.of(), "family");
        store.saveRefreshToken("hash", grant, START.plusSeconds(60));
        clock.advance(Duration.ofSeconds(60));
        assertThat(store.findRefreshToken("hash")).isNull();
        assertThat(store.rotateRefreshToken("hash", "family", "next", START.plusSeconds(600),
                START.plusSeconds(600))).isEqualTo(Rotation.REFUSED);
        assertThat(store.findRefreshToken("next")).isNull();
    }
}
