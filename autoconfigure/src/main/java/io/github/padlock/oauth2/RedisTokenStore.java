package io.github.padlock.oauth2;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import io.github.padlock.credentials.StoreUnavailableException;
import io.github.padlock.scheme.ScopeTokens;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The {@link TokenStore} of many instances on Redis ({@code padlock.token-endpoint.store: redis}), through the
 * application's {@link RedisConnectionFactory} (Spring Boot's {@code spring.data.redis.*}, Lettuce by default). Every
 * key is under a prefix ({@code padlock:token:} by default) and expires by itself, when the token it names would be
 * refused anyway:
 * <ul>
 * <li>{@code <prefix>revoked:jti:<jti>} and {@code <prefix>revoked:sid:<family>}: a revoked access token or family;
 * the revocation check of a JWT request is one round trip, {@code EXISTS} of both keys;</li>
 * <li>{@code <prefix>refresh:<SHA-256 of the token>}: a hash of the refresh token's {@code family}, {@code user},
 * {@code scopes} and {@code used}, never the token.</li>
 * </ul>
 * Rotation, and the revocation of the family on reuse, is one Lua script, atomic in Redis: of two uses of one token,
 * exactly one finds it unused. Scripts are sent by {@code EVALSHA} (by {@code EVAL} again after a Redis restart).
 * Standalone Redis or Sentinel: a rotation touches keys of two families' slots, which Redis Cluster refuses.
 * <p>
 * Redis that does not answer — refused connection, lost connection, or no answer within the client's timeout
 * ({@code spring.data.redis.timeout}) — is a {@link StoreUnavailableException}, 503 with {@code Retry-After}: the
 * check fails closed. After a failure, one request a second asks Redis again and the others are answered 503 at once:
 * during an outage, one request a second waits the client's timeout, not every request. The outage is
 * logged once at WARN when it starts and once at INFO when Redis answers again; the client reconnects by itself. An
 * error reply of Redis is a 503 too, logged the same way: the replies a working deployment meets are transient states
 * of the server — {@code LOADING} while a restarted Redis reads its data, {@code READONLY} from a replica during a
 * failover, {@code OOM} under {@code maxmemory}, {@code MISCONF} when it cannot persist — and revocation fails closed,
 * never with a 500.
 */
public final class RedisTokenStore implements TokenStore {

    /** The prefix of every key when none is given. */
    public static final String DEFAULT_PREFIX = "padlock:token:";

    private static final Log logger = LogFactory.getLog(RedisTokenStore.class);

    /** What a refused request is told to wait. */
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    /** How long after a failure Redis is not asked again, but by one request. */
    private static final Duration PAUSE = Duration.ofSeconds(1);

    /** Keeps the later of two revocations of one id. KEYS[1] the revocation; ARGV[1] its time to live, ms. */
    private static final RedisScript<Long> REVOKE = new DefaultRedisScript<>("""
            if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[1]) then
              redis.call('SET', KEYS[1], '1', 'PX', ARGV[1])
            end
            return 1
            """, Long.class);

    /** KEYS[1] the token; ARGV family, user, scopes, time to live in ms. */
    private static final RedisScript<Long> SAVE = new DefaultRedisScript<>("""
            redis.call('HSET', KEYS[1], 'family', ARGV[1], 'user', ARGV[2], 'scopes', ARGV[3], 'used', '0')
            redis.call('PEXPIRE', KEYS[1], ARGV[4])
            return 1
            """, Long.class);

    /**
     * KEYS[1] the presented token, KEYS[2] its successor, KEYS[3] the family's revocation; ARGV[1] the family,
     * ARGV[2] the successor's time to live, ARGV[3] the family revocation's, both ms. 1 rotated, 2 reused, 0 refused.
     */
    private static final RedisScript<Long> ROTATE = new DefaultRedisScript<>("""
            local token = redis.call('HMGET', KEYS[1], 'family', 'user', 'scopes', 'used')
            if token[1] ~= ARGV[1] or redis.call('EXISTS', KEYS[3]) == 1 then
              return 0
            end
            if token[4] ~= '0' then
              if redis.call('PTTL', KEYS[3]) < tonumber(ARGV[3]) then
                redis.call('SET', KEYS[3], '1', 'PX', ARGV[3])
              end
              return 2
            end
            redis.call('HSET', KEYS[1], 'used', '1')
            redis.call('HSET', KEYS[2], 'family', token[1], 'user', token[2], 'scopes', token[3], 'used', '0')
            redis.call('PEXPIRE', KEYS[2], ARGV[2])
            return 1
            """, Long.class);

    private final StringRedisTemplate redis;

    private final String prefix;

    private final String tokenPrefix;

    private final String familyPrefix;

    private final Clock clock;

    private final AtomicBoolean unavailable = new AtomicBoolean();

    /** When Redis is asked again after a failure ({@link System#nanoTime()}), or 0 while it answers. */
    private final AtomicLong askAgainAt = new AtomicLong();

    private final LongSupplier nanoTime = System::nanoTime;

    /**
     * Keys under {@value #DEFAULT_PREFIX}.
     * @param connectionFactory the application's Redis
     */
    public RedisTokenStore(RedisConnectionFactory connectionFactory) {
        this(connectionFactory, DEFAULT_PREFIX);
    }

    /**
     * @param connectionFactory the application's Redis
     * @param prefix the prefix of every key, not blank
     * @throws IllegalArgumentException when the prefix is blank
     */
    public RedisTokenStore(RedisConnectionFactory connectionFactory, String prefix) {
        this(connectionFactory, prefix, Clock.systemUTC());
    }

    RedisTokenStore(RedisConnectionFactory connectionFactory, String prefix, Clock clock) {
        if (prefix == null || prefix.isBlank()) {
            throw new IllegalArgumentException("key-prefix: must not be blank");
        }
        this.redis = new StringRedisTemplate(Objects.requireNonNull(connectionFactory));
        this.prefix = prefix;
        this.tokenPrefix = prefix + "revoked:jti:";
        this.familyPrefix = prefix + "revoked:sid:";
        this.clock = clock;
    }

    @Override
    public boolean isRevoked(@Nullable String tokenId, @Nullable String familyId) {
        List<String> keys = new ArrayList<>(2);
        if (tokenId != null) {
            keys.add(tokenKey(tokenId));
        }
        if (familyId != null) {
            keys.add(familyKey(familyId));
        }
        if (keys.isEmpty()) {
            return false;
        }
        Long count = call(() -> this.redis.countExistingKeys(keys));
        return count != null && count > 0;
    }

    @Override
    public void revokeToken(String tokenId, Instant until) {
        revoke(tokenKey(tokenId), until);
    }

    @Override
    public void revokeFamily(String familyId, Instant until) {
        revoke(familyKey(familyId), until);
    }

    @Override
    public void saveRefreshToken(String hash, RefreshGrant grant, Instant expiresAt) {
        long ttl = millisUntil(expiresAt);
        if (ttl > 0) {
            call(() -> this.redis.execute(SAVE, List.of(refreshKey(hash)), grant.familyId(), grant.username(),
                    ScopeTokens.join(grant.scopes()), Long.toString(ttl)));
        }
    }

    @Override
    public @Nullable StoredRefreshToken findRefreshToken(String hash) {
        List<Object> fields = call(() -> this.redis.opsForHash().multiGet(refreshKey(hash),
                List.of("family", "user", "scopes", "used")));
        if (fields == null || fields.size() != 4 || !(fields.get(0) instanceof String family)
                || !(fields.get(1) instanceof String user)) {
            return null;
        }
        if (isRevoked(null, family)) {
            return null;
        }
        String scopes = (fields.get(2) instanceof String value) ? value : "";
        return new StoredRefreshToken(new RefreshGrant(user, ScopeTokens.split(scopes), family),
                !"0".equals(fields.get(3)));
    }

    @Override
    public Rotation rotateRefreshToken(String hash, String familyId, String newHash, Instant newExpiresAt,
            Instant familyRevokedUntil) {
        long ttl = Math.max(1, millisUntil(newExpiresAt));
        long familyTtl = Math.max(1, millisUntil(familyRevokedUntil));
        Long result = call(() -> this.redis.execute(ROTATE,
                List.of(refreshKey(hash), refreshKey(newHash), familyKey(familyId)), familyId, Long.toString(ttl),
                Long.toString(familyTtl)));
        if (result == null || result == 0) {
            return Rotation.REFUSED;
        }
        return (result == 1) ? Rotation.ROTATED : Rotation.REUSED;
    }

    private void revoke(String key, Instant until) {
        long ttl = millisUntil(until);
        if (ttl > 0) {
            call(() -> this.redis.execute(REVOKE, List.of(key), Long.toString(ttl)));
        }
    }

    private long millisUntil(Instant instant) {
        return Duration.between(this.clock.instant(), instant).toMillis();
    }

    private String tokenKey(String tokenId) {
        return this.tokenPrefix + OpaqueTokens.storeKey(tokenId);
    }

    private String familyKey(String familyId) {
        return this.familyPrefix + OpaqueTokens.storeKey(familyId);
    }

    private String refreshKey(String hash) {
        return this.prefix + "refresh:" + hash;
    }

    /**
     * Runs a command, turning a Redis that does not answer into a 503, logged once per outage. After a failure, Redis
     * is asked again by one request a second ({@link #PAUSE}); the others are answered 503 at once rather than each
     * waiting the client's timeout, so that an outage does not hold the server's threads.
     */
    private <T> @Nullable T call(Supplier<@Nullable T> work) {
        long askAgainAt = this.askAgainAt.get();
        if (askAgainAt != 0) {
            long now = this.nanoTime.getAsLong();
            if (now - askAgainAt < 0 || !this.askAgainAt.compareAndSet(askAgainAt, now + PAUSE.toNanos())) {
                throw new StoreUnavailableException(RETRY_AFTER);
            }
        }
        T result;
        try {
            result = work.get();
        }
        catch (DataAccessResourceFailureException | TransientDataAccessException | RecoverableDataAccessException ex) {
            throw unavailable(ex);
        }
        catch (RedisSystemException ex) {
            // An error reply too (LOADING, READONLY, OOM, MISCONF): see the class's javadoc.
            throw unavailable(ex);
        }
        if (this.askAgainAt.get() != 0) {
            this.askAgainAt.set(0);
        }
        if (this.unavailable.get() && this.unavailable.compareAndSet(true, false)) {
            logger.info("The Redis of Padlock's token store answers again");
        }
        return result;
    }

    private StoreUnavailableException unavailable(RuntimeException ex) {
        this.askAgainAt.set(this.nanoTime.getAsLong() + PAUSE.toNanos());
        if (!this.unavailable.getAndSet(true)) {
            logger.warn("The Redis of Padlock's token store does not answer, or refuses its commands: JWT requests, the token endpoint and "
                    + "the revocation endpoint are refused with 503 until it does", ex);
        }
        else if (logger.isDebugEnabled()) {
            logger.debug("The Redis of Padlock's token store still does not answer: " + ex);
        }
        return new StoreUnavailableException(RETRY_AFTER);
    }
}
