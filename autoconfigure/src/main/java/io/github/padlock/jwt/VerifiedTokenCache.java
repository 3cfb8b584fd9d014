package io.github.padlock.jwt;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import org.jspecify.annotations.Nullable;

/**
 * The tokens a {@link JwtDecoder} verified, in a bounded Caffeine cache, as API gateways keep them (Envoy's
 * {@code jwt_authn} has such a cache): what verification produced, the {@link JwtPrincipal}, under the SHA-256 of the
 * token.
 * <ul>
 * <li><b>The key is the token's SHA-256</b>, not the token: 48 bytes whatever the token's length, and no bearer token
 * kept in the heap for its lifetime, where a heap dump would hand it to whoever reads the dump (the principal's claims
 * are kept, but without the signature they are no credential). No string shares the bytes hashed for a token that
 * passed the checks ({@link Hasher#key}), and SHA-256's collision resistance keeps any other token from finding a
 * cached token's key.</li>
 * <li><b>Expiry</b>: an entry is refused from the first millisecond at which the decoder itself would refuse the token
 * as expired ({@code exp} plus the clock skew, read from the same clock), checked on every hit, and Caffeine drops it
 * then or after the maximum age, whichever comes first. A token is only kept once verified, so after its {@code nbf}.
 * </li>
 * <li><b>Bound</b>: at most {@code maximumSize} entries; Caffeine's W-TinyLFU admits a new token only when it is
 * likely to be used more than the one it would evict, so a burst of tokens seen once does not flush those in use.
 * Once the cache is full, a token is put only from its second check on ({@link Doorkeeper}): a token sent once would
 * only be evicted again, and inserting and evicting it cost, under load, as much as checking it.</li>
 * <li><b>Keys that change</b> ({@link #invalidateAll()}, when a JWK Set is fetched with other keys) empty the cache; a
 * check that started with the old keys does not put its result in the emptied cache, and an entry from before is
 * refused on a hit, by a generation count.</li>
 * </ul>
 * Only the decoder puts entries, and only for tokens that passed every check: a refused token costs a hash and a
 * lookup, and cannot evict anything.
 */
final class VerifiedTokenCache {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final Cache<TokenKey, Entry> cache;

    private final Clock clock;

    private final boolean recordStats;

    private final AtomicLong generation = new AtomicLong();

    private final Pool<Hasher> hashers = new Pool<>(Hasher::new);

    private final long maximumSize;

    private final Doorkeeper doorkeeper;

    /**
     * @param settings the bound and the maximum age
     * @param clock the clock that {@code exp} is compared with, the decoder's
     * @param ticker Caffeine's time source, in nanoseconds (the maximum age)
     * @param executor where Caffeine runs its maintenance (evictions): the decoder's default is the thread that wrote
     * ({@code Runnable::run}), since handing each batch of evictions to another thread (Caffeine's default, the common
     * pool) cost more than the evictions when every request is a miss: a thread woken up per batch, on a server whose
     * cores are busy serving requests (JMH, {@code docs/benchmarks.md})
     */
    VerifiedTokenCache(JwtCacheSettings settings, Clock clock, LongSupplier ticker, Executor executor) {
        this.clock = clock;
        this.recordStats = settings.recordStats();
        this.maximumSize = settings.maximumSize();
        this.doorkeeper = new Doorkeeper(settings.maximumSize());
        long maximumAgeNanos = settings.maximumAge().toNanos();
        Caffeine<Object, Object> builder = Caffeine.newBuilder()
            .maximumSize(settings.maximumSize())
            .ticker(ticker::getAsLong)
            .executor(executor);
        if (settings.recordStats()) {
            builder.recordStats();
        }
        this.cache = builder.expireAfter(new UntilExpired(clock, maximumAgeNanos)).build();
    }

    /**
     * @param token a bearer token as sent
     * @return its key, or {@code null} when it cannot be cached: empty or longer than {@link CompactJws#MAX_LENGTH},
     * which the decoder refuses anyway
     */
    @Nullable TokenKey key(String token) {
        if (token.isEmpty() || token.length() > CompactJws.MAX_LENGTH) {
            return null;
        }
        Hasher hasher = this.hashers.acquire();
        try {
            return hasher.key(token);
        }
        finally {
            this.hashers.release(hasher);
        }
    }

    /**
     * @param key a token's key
     * @return the principal of that token when it was verified, is not expired and was verified with the current
     * keys; {@code null} otherwise
     */
    @Nullable JwtPrincipal get(TokenKey key) {
        Entry entry = this.cache.getIfPresent(key);
        if (entry == null || entry.generation != this.generation.get() || this.clock.millis() >= entry.expiresAt) {
            return null;
        }
        return entry.principal;
    }

    /**
     * @return the current generation, to read before a token is verified and give to {@link #put}
     */
    long generation() {
        return this.generation.get();
    }

    /**
     * Keeps a verified token, unless the keys changed since its check started or it has just expired, or the cache is
     * full and this is the token's first check since the {@link Doorkeeper} last forgot.
     * @param key the token's key
     * @param principal what its verification produced
     * @param expiresAt the epoch millisecond from which the decoder refuses it: {@code exp} plus the clock skew
     * @param generation {@link #generation()} before the token was verified
     */
    void put(TokenKey key, JwtPrincipal principal, long expiresAt, long generation) {
        if (generation != this.generation.get() || this.clock.millis() >= expiresAt) {
            return;
        }
        if (this.cache.estimatedSize() >= this.maximumSize && !this.doorkeeper.seenBefore(key)) {
            return;
        }
        this.cache.put(key, new Entry(principal, expiresAt, generation));
    }

    /** Forgets every token: the keys they were verified with changed. */
    void invalidateAll() {
        this.generation.incrementAndGet();
        this.cache.invalidateAll();
        this.doorkeeper.clear();
    }

    /** Runs Caffeine's pending maintenance now (evictions), for tests and measurements. */
    void cleanUp() {
        this.cache.cleanUp();
    }

    /**
     * @return about how many tokens are kept
     */
    long size() {
        return this.cache.estimatedSize();
    }

    /**
     * @return the counts since the cache was built, or {@code null} when it does not record them
     */
    @Nullable JwtCacheStatistics statistics() {
        if (!this.recordStats) {
            return null;
        }
        CacheStats stats = this.cache.stats();
        return new JwtCacheStatistics(stats.hitCount(), stats.missCount(), stats.evictionCount(),
                this.cache.estimatedSize());
    }

    /**
     * A token's SHA-256 as four longs: 48 bytes of heap, compared by value.
     * @param first bytes 0 to 7
     * @param second bytes 8 to 15
     * @param third bytes 16 to 23
     * @param fourth bytes 24 to 31
     */
    record TokenKey(long first, long second, long third, long fourth) {

        @Override
        public int hashCode() {
            return Long.hashCode(this.first); // any 32 bits of a SHA-256 are uniform
        }
    }

    /** A verified token: its principal, when the decoder would refuse it as expired, and the keys' generation. */
    private record Entry(JwtPrincipal principal, long expiresAt, long generation) {
    }

    /** Caffeine's expiry: at {@code exp} plus the skew, or after the maximum age, whichever comes first. */
    private record UntilExpired(Clock clock, long maximumAgeNanos) implements Expiry<TokenKey, Entry> {

        @Override
        public long expireAfterCreate(TokenKey key, Entry entry, long currentTime) {
            long untilExpired = TimeUnit.MILLISECONDS.toNanos(Math.max(0, entry.expiresAt - this.clock.millis()));
            return Math.min(untilExpired, this.maximumAgeNanos);
        }

        @Override
        public long expireAfterUpdate(TokenKey key, Entry entry, long currentTime, long currentDuration) {
            return expireAfterCreate(key, entry, currentTime);
        }

        @Override
        public long expireAfterRead(TokenKey key, Entry entry, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }

    /** A SHA-256 digest and its output buffer, lent to one token at a time by {@link #hashers}. */
    private static final class Hasher {

        private static final int DIGEST_LENGTH = 32;

        private final MessageDigest digest = sha256();

        private final byte[] output = new byte[DIGEST_LENGTH];

        /**
         * The SHA-256 of the token's ISO-8859-1 bytes: a plain copy of a string of such characters, and a {@code ?}
         * for any other character. Two strings may share bytes only if one holds a character that is not base64url
         * (a {@code ?}, or a character outside ISO-8859-1), so no string shares the key of a token that passed the
         * checks, which are base64url characters and dots only.
         * @return the token's key
         */
        TokenKey key(String token) {
            try {
                this.digest.update(token.getBytes(StandardCharsets.ISO_8859_1));
                this.digest.digest(this.output, 0, DIGEST_LENGTH); // which also resets the digest for the next token
            }
            catch (DigestException ex) {
                this.digest.reset();
                throw new IllegalStateException("SHA-256 digests are 32 bytes", ex);
            }
            return new TokenKey((long) LONGS.get(this.output, 0), (long) LONGS.get(this.output, 8),
                    (long) LONGS.get(this.output, 16), (long) LONGS.get(this.output, 24));
        }

        private static MessageDigest sha256() {
            try {
                return MessageDigest.getInstance("SHA-256");
            }
            catch (NoSuchAlgorithmException ex) {
                throw new IllegalStateException("Every JDK has SHA-256", ex);
            }
        }
    }
}
