package io.github.padlock.oauth2;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.github.padlock.oauth2.TokenStore.RefreshGrant;
import io.github.padlock.oauth2.TokenStore.Rotation;
import io.github.padlock.oauth2.TokenStore.StoredRefreshToken;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link TokenStore} does, on the system clock: revocations of tokens and families, refresh tokens kept
 * by hash, rotation and reuse, and that of many threads presenting one refresh token exactly one rotates it.
 * Each store's test class runs it on its engine.
 */
abstract class TokenStoreContract {

    /** {@return a store on {@code clock}, empty of what other tests left} */
    abstract TokenStore store(Clock clock);

    private TokenStore store() {
        return store(Clock.systemUTC());
    }

    private static Instant inAnHour() {
        return Instant.now().plus(Duration.ofHours(1));
    }

    @Test
    void isRevokedWhenTokenRevokedThenItAloneIsRevoked() {
        TokenStore store = store();
        store.revokeToken("jti-1", inAnHour());
        assertThat(store.isRevoked("jti-1", null)).isTrue();
        assertThat(store.isRevoked("jti-1", "some-family")).isTrue();
        assertThat(store.isRevoked("jti-2", null)).isFalse();
        assertThat(store.isRevoked("jti-2", "some-family")).isFalse();
        assertThat(store.isRevoked(null, null)).isFalse();
    }

    @Test
    void isRevokedWhenFamilyRevokedThenEveryTokenOfItIsRevoked() {
        TokenStore store = store();
        store.revokeFamily("family-1", inAnHour());
        assertThat(store.isRevoked("any", "family-1")).isTrue();
        assertThat(store.isRevoked(null, "family-1")).isTrue();
        assertThat(store.isRevoked("any", "family-2")).isFalse();
        assertThat(store.isRevoked("family-1", null)).as("a jti is no family").isFalse();
    }

    @Test
    void revokeWhenUntilHasPassedThenNothingKept() {
        TokenStore store = store();
        store.revokeToken("jti-past", Instant.now().minusSeconds(1));
        store.revokeFamily("family-past", Instant.now().minusSeconds(1));
        assertThat(store.isRevoked("jti-past", "family-past")).isFalse();
    }

    @Test
    void revokeWhenIdIsLongOrHoldsAnyCharacterThenKeptByItsHash() {
        TokenStore store = store();
        String longId = "x".repeat(500);
        String oddId = "id with spaces, quotes \" and \u00e9\u0000";
        store.revokeToken(longId, inAnHour());
        store.revokeFamily(oddId, inAnHour());
        assertThat(store.isRevoked(longId, null)).isTrue();
        assertThat(store.isRevoked("x".repeat(499), null)).isFalse();
        assertThat(store.isRevoked(null, oddId)).isTrue();
        assertThat(store.isRevoked(OpaqueTokens.storeKey(longId), null)).as("a hash is not its id").isFalse();
    }

    @Test
    void findRefreshTokenWhenSavedThenFoundByHashUnused() {
        TokenStore store = store();
        String hash = OpaqueTokens.hash(OpaqueTokens.newRefreshToken());
        RefreshGrant grant = new RefreshGrant("stanley", List.of("items:read", "items:write"), "family-a");
        store.saveRefreshToken(hash, grant, inAnHour());
        assertThat(store.findRefreshToken(hash)).isEqualTo(new StoredRefreshToken(grant, false));
        assertThat(store.findRefreshToken(OpaqueTokens.hash("unknown"))).isNull();
        RefreshGrant noScopes = new RefreshGrant("alice", List.of(), "family-b");
        String other = OpaqueTokens.hash(OpaqueTokens.newRefreshToken());
        store.saveRefreshToken(other, noScopes, inAnHour());
        assertThat(store.findRefreshToken(other)).isEqualTo(new StoredRefreshToken(noScopes, false));
    }

    @Test
    void rotateWhenUnusedThenMarkedUsedAndSuccessorKeptWithTheSameGrant() {
        TokenStore store = store();
        RefreshGrant grant = new RefreshGrant("stanley", List.of("items:read"), "family-r");
        String first = OpaqueTokens.hash("first-" + OpaqueTokens.newRefreshToken());
        String second = OpaqueTokens.hash("second-" + OpaqueTokens.newRefreshToken());
        store.saveRefreshToken(first, grant, inAnHour());
        assertThat(store.rotateRefreshToken(first, "family-r", second, inAnHour(), inAnHour()))
            .isEqualTo(Rotation.ROTATED);
        assertThat(store.findRefreshToken(first)).isEqualTo(new StoredRefreshToken(grant, true));
        assertThat(store.findRefreshToken(second)).isEqualTo(new StoredRefreshToken(grant, false));
        assertThat(store.isRevoked(null, "family-r")).isFalse();
    }

    @Test
    void rotateWhenUsedAlreadyThenFamilyRevokedAndItsTokensRefused() {
        TokenStore store = store();
        RefreshGrant grant = new RefreshGrant("stanley", List.of("items:read"), "family-u");
        String first = OpaqueTokens.hash(OpaqueTokens.newRefreshToken());
        String second = OpaqueTokens.hash(OpaqueTokens.newRefreshToken());
        String third = OpaqueTokens.hash(OpaqueTokens.newRefreshToken());
        store.saveRefreshToken(first, grant, inAnHour());
        assertThat(store.rotateRefreshToken(first, "family-u", second, inAnHour(), inAnHour()))
            .isEqualTo(Rotation.ROTATED);
        assertThat(store.rotateRefreshToken(first, "family-u", third, inAnHour(), inAnHour()))
            .isEqualTo(Rotation.REUSED);
        assertThat(store.isRevoked("an-access-token", "family-u")).isTrue();
        assertThat(store.findRefreshToken(second)).as("the successor, of a revoked family").isNull();
        assertThat(store.findRefreshToken(third)).as("no successor for a reuse").isNull();
        assertThat(store.rotateRefreshToken(second, "family-u", third, inAnHour(), inAnHour()))
            .isEqualTo(Rotation.REFUSED);
    }

    @Test
    void rotateWhenUnknownOrOfAnotherFamilyOrFamilyRevokedThenRefusedAndNothingChanged() {
        TokenStore store = store();
        RefreshGrant grant = new RefreshGrant("stanley", List.of(), "family-x");
        String hash = OpaqueTokens.hash(OpaqueTokens.newRefreshToken());
        String next = OpaqueTokens.hash(OpaqueTokens.newRefreshToken());
        store.saveRefreshToken(hash, grant, inAnHour());
        assertThat(store.rotateRefreshToken(OpaqueTokens.hash("unknown"), "family-x", next, inAnHour(), inAnHour()))
            .isEqualTo(Rotation.REFUSED);
        assertThat(store.rotateRefreshToken(hash, "family-y", next, inAnHour(), inAnHour()))
            .isEqualTo(Rotation.REFUSED);
        assertThat(store.findRefreshToken(hash)).isEqualTo(new StoredRefreshToken(grant, false));
        assertThat(store.findRefreshToken(next)).isNull();
        store.revokeFamily("family-x", inAnHour());
        assertThat(store.findRefreshToken(hash)).isNull();
        assertThat(store.rotateRefreshToken(hash, "family-x", next, inAnHour(), inAnHour()))
            .isEqualTo(Rotation.REFUSED);
        assertThat(store.findRefreshToken(next)).isNull();
    }

    @Test
    void rotateWhenManyThreadsPresentOneTokenThenExactlyOneRotates() throws Exception {
        TokenStore store = store();
        RefreshGrant grant = new RefreshGrant("stanley", List.of("items:read"), "family-c");
        String hash = OpaqueTokens.hash(OpaqueTokens.newRefreshToken());
        store.saveRefreshToken(hash, grant, inAnHour());
        int threads = 16;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Rotation>> results = new ArrayList<>();
            List<String> successors = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String successor = OpaqueTokens.hash(OpaqueTokens.newRefreshToken());
                successors.add(successor);
                Callable<Rotation> rotation = () -> {
                    start.await();
                    return store.rotateRefreshToken(hash, "family-c", successor, inAnHour(), inAnHour());
                };
                results.add(executor.submit(rotation));
            }
            start.countDown();
            List<Rotation> rotations = new ArrayList<>();
            for (Future<Rotation> result : results) {
                rotations.add(result.get());
            }
            Map<Rotation, Long> counts = rotations.stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(counts.get(Rotation.ROTATED)).as("one winner, one successor").isEqualTo(1);
            // Every other use is a reuse: the first revokes the family, those after it find it revoked.
            assertThat(counts.get(Rotation.REUSED)).isGreaterThanOrEqualTo(1);
            assertThat(counts.getOrDefault(Rotation.REUSED, 0L) + counts.getOrDefault(Rotation.REFUSED, 0L))
                .isEqualTo(threads - 1);
            assertThat(store.isRevoked(null, "family-c")).isTrue();
            assertThat(successors.stream().filter((successor) -> store.findRefreshToken(successor) != null))
                .as("the successor belongs to the revoked family").isEmpty();
        }
        finally {
            executor.shutdownNow();
        }
    }
}
