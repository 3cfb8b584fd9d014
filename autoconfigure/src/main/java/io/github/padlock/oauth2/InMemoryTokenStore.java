package io.github.padlock.oauth2;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.jspecify.annotations.Nullable;

/**
 * The {@link TokenStore} of one instance ({@code padlock.token-endpoint.store: memory}, the default): Caffeine caches
 * (revoked token ids, revoked families, refresh tokens) whose entries expire one by one, each when the token it names
 * would be refused anyway. Not shared: with several instances, a token revoked on one is still accepted by the others,
 * and a refresh token works only on the instance that issued it — use {@code jdbc} or {@code redis} there. Lost at a
 * restart.
 * <p>
 * No entry is ever evicted before its time, since a revocation that a full cache dropped would let its token in again:
 * the size follows the revocations and refresh tokens of the last token lifetime, and only holders of valid tokens can
 * add to it. Rotation is atomic by a compare-and-set on the token's {@code used} flag.
 */
public final class InMemoryTokenStore implements TokenStore {

    /** Revoked {@code jti}s, by {@link OpaqueTokens#storeKey}. */
    private final Cache<String, Instant> revokedTokens;

    /** Revoked families, likewise. */
    private final Cache<String, Instant> revokedFamilies;

    private final Cache<String, Refresh> refreshTokens;

    private final Clock clock;

    /** A store on the system clock. */
    public InMemoryTokenStore() {
        this(Clock.systemUTC());
    }

    InMemoryTokenStore(Clock clock) {
        this.clock = clock;
        this.revokedTokens = Caffeine.newBuilder()
            .expireAfter(new Until<String, Instant>(clock, (until) -> until))
            .build();
        this.revokedFamilies = Caffeine.newBuilder()
            .expireAfter(new Until<String, Instant>(clock, (until) -> until))
            .build();
        this.refreshTokens = Caffeine.newBuilder()
            .expireAfter(new Until<String, Refresh>(clock, Refresh::expiresAt))
            .build();
    }

    @Override
    public boolean isRevoked(@Nullable String tokenId, @Nullable String familyId) {
        return (tokenId != null && holds(this.revokedTokens.getIfPresent(OpaqueTokens.storeKey(tokenId))))
                || (familyId != null && holds(this.revokedFamilies.getIfPresent(OpaqueTokens.storeKey(familyId))));
    }

    @Override
    public void revokeToken(String tokenId, Instant until) {
        revoke(this.revokedTokens, OpaqueTokens.storeKey(tokenId), until);
    }

    @Override
    public void revokeFamily(String familyId, Instant until) {
        revoke(this.revokedFamilies, OpaqueTokens.storeKey(familyId), until);
    }

    @Override
    public void saveRefreshToken(String hash, RefreshGrant grant, Instant expiresAt) {
        this.refreshTokens.put(hash, new Refresh(grant, expiresAt, new AtomicBoolean()));
    }

    @Override
    public @Nullable StoredRefreshToken findRefreshToken(String hash) {
        Refresh refresh = live(hash);
        if (refresh == null || isRevoked(null, refresh.grant().familyId())) {
            return null;
        }
        return new StoredRefreshToken(refresh.grant(), refresh.used().get());
    }

    @Override
    public Rotation rotateRefreshToken(String hash, String familyId, String newHash, Instant newExpiresAt,
            Instant familyRevokedUntil) {
        Refresh refresh = live(hash);
        if (refresh == null || !refresh.grant().familyId().equals(familyId) || isRevoked(null, familyId)) {
            return Rotation.REFUSED;
        }
        if (!refresh.used().compareAndSet(false, true)) {
            revokeFamily(familyId, familyRevokedUntil);
            return Rotation.REUSED;
        }
        saveRefreshToken(newHash, refresh.grant(), newExpiresAt);
        return Rotation.ROTATED;
    }

    /** Runs Caffeine's pending maintenance (expired entries removed), for tests. */
    void cleanUp() {
        this.revokedTokens.cleanUp();
        this.revokedFamilies.cleanUp();
        this.refreshTokens.cleanUp();
    }

    /** {@return about how many revocations and refresh tokens are kept} */
    long size() {
        return this.revokedTokens.estimatedSize() + this.revokedFamilies.estimatedSize()
                + this.refreshTokens.estimatedSize();
    }

    private void revoke(Cache<String, Instant> revoked, String key, Instant until) {
        if (until.isAfter(this.clock.instant())) {
            revoked.asMap().merge(key, until, (old, given) -> old.isAfter(given) ? old : given);
        }
    }

    private @Nullable Refresh live(String hash) {
        Refresh refresh = this.refreshTokens.getIfPresent(hash);
        return (refresh != null && refresh.expiresAt().isAfter(this.clock.instant())) ? refresh : null;
    }

    private boolean holds(@Nullable Instant until) {
        return until != null && until.isAfter(this.clock.instant());
    }

    private record Refresh(RefreshGrant grant, Instant expiresAt, AtomicBoolean used) {
    }

    /** Caffeine's expiry: when the value says, read from the store's clock. */
    private record Until<K, V>(Clock clock, Function<V, Instant> expiry) implements Expiry<K, V> {

        @Override
        public long expireAfterCreate(K key, V value, long currentTime) {
            long millis = Math.max(0, expiry().apply(value).toEpochMilli() - this.clock.millis());
            return TimeUnit.MILLISECONDS.toNanos(millis);
        }

        @Override
        public long expireAfterUpdate(K key, V value, long currentTime, long currentDuration) {
            return expireAfterCreate(key, value, currentTime);
        }

        @Override
        public long expireAfterRead(K key, V value, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
