package io.github.padlock.credentials;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.github.padlock.AttemptLimiter;
import io.github.padlock.PadlockException;
import io.github.padlock.SecurityOutcome;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The brute-force limiter of {@link BruteForceLimiter}, with its counts in Redis, so that every instance of an
 * application counts the same failures: N instances allow {@code maxFailures} guesses per client and window, not N
 * times as many. The same rules: only {@link SecurityOutcome#INVALID} counts, a client is its parsed address
 * ({@link ClientKeys}), 429 {@value BruteForceLimiter#TOO_MANY} with {@code Retry-After} (RFC 6585 §4, RFC 9110
 * §10.2.3) until the client's oldest counted failure leaves the sliding window, and the check and the count of a
 * failure are one step.
 * <p>
 * Each client is one sorted set under {@code keyPrefix + client key} (an IPv4 address or an IPv6 /64, never the raw
 * string a request carried) holding the times of its last failures, at most {@code maxFailures} of them, and
 * expiring by itself one window after its latest failure ({@code PEXPIRE}). One Lua script, sent by its SHA-1
 * ({@code EVALSHA}), prunes, counts, adds and trims in one atomic step, with Redis's own clock ({@code TIME}): guesses
 * running at once on several instances are never answered more than {@code maxFailures} times, and instances whose
 * clocks disagree still agree on the window.
 * <p>
 * <strong>Fails open.</strong> When Redis does not answer (no connection, a command timeout, any error of Spring Data
 * Redis), the attempt is let through unlimited — its credentials are still checked — rather than locking every user
 * out: the limiter slows guessing down, it does not let anyone in. It says so once at WARN when Redis goes away and
 * once at INFO when it answers again, and tells {@code onStoreError} of every attempt let through. After a failure it
 * does not ask Redis again for {@value #RETRY_MILLIS} ms (one attempt then asks, the others go on), so that an outage
 * costs the requests of that second nothing and one request at most a command timeout.
 */
public final class RedisBruteForceLimiter implements AttemptLimiter {

    /** The key prefix when none is given. */
    public static final String DEFAULT_KEY_PREFIX = "padlock:brute-force:";

    /** How long, after Redis failed, the limiter lets attempts through without asking it. */
    static final long RETRY_MILLIS = 1000;

    /**
     * KEYS[1]: the client's sorted set of failure times (score: Redis's time in ms; member: unique per failure).
     * ARGV: the window in ms, maxFailures, and 1 to count a failure (0 to check only). Answers how many ms the
     * client had to wait before this call: 0 when it was under the limit.
     */
    private static final RedisScript<Long> SCRIPT = RedisScript.of("""
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
            local window = tonumber(ARGV[1])
            local max = tonumber(ARGV[2])
            local key = KEYS[1]
            redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
            local count = redis.call('ZCARD', key)
            local wait = 0
            if count >= max then
              local oldest = redis.call('ZRANGE', key, count - max, count - max, 'WITHSCORES')
              wait = tonumber(oldest[2]) + window - now
            end
            if ARGV[3] == '1' then
              local member = time[1] .. string.format('%06d', tonumber(time[2]))
              local candidate = member
              local n = 0
              while redis.call('ZADD', key, 'NX', now, candidate) == 0 do
                n = n + 1
                candidate = member .. '-' .. n
              end
              if count + 1 > max then
                redis.call('ZREMRANGEBYRANK', key, 0, count - max)
              end
              redis.call('PEXPIRE', key, window)
            end
            return wait
            """, Long.class);

    private static final Log logger = LogFactory.getLog(RedisBruteForceLimiter.class);

    private final StringRedisTemplate redis;

    private final String keyPrefix;

    private final String maxFailures;

    private final String windowMillis;

    private final Runnable onStoreError;

    private final AtomicBoolean unavailable = new AtomicBoolean();

    /** When ({@link System#nanoTime}) Redis may be asked again after a failure. */
    private final AtomicLong retryAt = new AtomicLong();

    /**
     * @param connectionFactory the application's connection to Redis, such as Spring Boot's
     * @param maxFailures failures within {@code window} after which a client is refused, 1 to
     * {@value BruteForceLimiter#MAX_FAILURES_LIMIT}
     * @param window how long a failure counts, positive and at most a day
     * @param keyPrefix what every key of the limiter starts with, not empty, such as {@value #DEFAULT_KEY_PREFIX}
     */
    public RedisBruteForceLimiter(RedisConnectionFactory connectionFactory, int maxFailures, Duration window,
            String keyPrefix) {
        this(connectionFactory, maxFailures, window, keyPrefix, () -> {
        });
    }

    /**
     * @param connectionFactory the application's connection to Redis, such as Spring Boot's
     * @param maxFailures failures within {@code window} after which a client is refused, 1 to
     * {@value BruteForceLimiter#MAX_FAILURES_LIMIT}
     * @param window how long a failure counts, positive and at most a day
     * @param keyPrefix what every key of the limiter starts with, not empty, such as {@value #DEFAULT_KEY_PREFIX}
     * @param onStoreError called for every attempt let through because Redis did not answer, such as a metric's
     * increment; it must not throw
     */
    public RedisBruteForceLimiter(RedisConnectionFactory connectionFactory, int maxFailures, Duration window,
            String keyPrefix, Runnable onStoreError) {
        BruteForceLimiter.checkMaxFailures(maxFailures);
        BruteForceLimiter.checkWindow(window);
        checkKeyPrefix(keyPrefix);
        this.redis = new StringRedisTemplate(Objects.requireNonNull(connectionFactory,
                "connectionFactory must not be null"));
        this.keyPrefix = keyPrefix;
        this.maxFailures = Integer.toString(maxFailures);
        this.windowMillis = Long.toString(window.toMillis());
        this.onStoreError = Objects.requireNonNull(onStoreError, "onStoreError must not be null");
    }

    /**
     * @param keyPrefix what every key of the limiter starts with
     * @throws IllegalArgumentException when it is empty
     */
    public static void checkKeyPrefix(String keyPrefix) {
        if (keyPrefix == null || keyPrefix.isEmpty()) {
            throw new IllegalArgumentException("The key prefix must not be empty: the limiter's keys would be bare "
                    + "addresses among the application's own keys");
        }
    }

    /**
     * Refuse a client that failed too often; call it before checking any credential. Lets it through when Redis
     * does not answer.
     * @param client the client, such as the request's remote address
     * @throws PadlockException 429 {@value BruteForceLimiter#TOO_MANY} with {@code Retry-After} when the client must
     * wait
     */
    @Override
    public void check(String client) {
        long waitMillis = ask(client, false);
        if (waitMillis > 0) {
            throw BruteForceLimiter.tooManyFailedAttempts(waitMillis);
        }
    }

    /**
     * Count the attempt as a failure when it ended {@link SecurityOutcome#INVALID}, and refuse it with 429 when the
     * client had reached the limit before it counted, in the same script call as the count; any other outcome is
     * checked as {@link #check} does. Lets it through when Redis does not answer.
     * @param client the client, such as the request's remote address
     * @param outcome how the attempt ended
     * @throws PadlockException 429 {@value BruteForceLimiter#TOO_MANY} with {@code Retry-After} when the client had
     * reached the limit
     */
    @Override
    public void record(String client, SecurityOutcome outcome) {
        long waitMillis = ask(client, outcome == SecurityOutcome.INVALID);
        if (waitMillis > 0) {
            throw BruteForceLimiter.tooManyFailedAttempts(waitMillis);
        }
    }

    /**
     * @param client the client, such as the request's remote address
     * @return the key the client is counted under in Redis
     */
    String key(String client) {
        return this.keyPrefix + ClientKeys.of(client);
    }

    /** Runs the script; how long the client had to wait before this call, or 0, also when Redis did not answer. */
    private long ask(String client, boolean countFailure) {
        if (!mayAsk()) {
            this.onStoreError.run();
            return 0;
        }
        Long waitMillis;
        try {
            waitMillis = this.redis.execute(SCRIPT, List.of(key(client)), this.windowMillis, this.maxFailures,
                    countFailure ? "1" : "0");
        }
        catch (DataAccessException ex) {
            failed(ex);
            return 0;
        }
        if (this.unavailable.get() && this.unavailable.compareAndSet(true, false)) {
            logger.info("Redis answers Padlock's brute-force limiter again: failed attempts are counted again");
        }
        return (waitMillis != null) ? waitMillis : 0;
    }

    /**
     * Whether to ask Redis: always while it answers; after a failure, once per {@link #RETRY_MILLIS}, by the one
     * attempt that claims the retry.
     */
    private boolean mayAsk() {
        if (!this.unavailable.get()) {
            return true;
        }
        long at = this.retryAt.get();
        long now = System.nanoTime();
        return now - at >= 0 && this.retryAt.compareAndSet(at, now + TimeUnit.MILLISECONDS.toNanos(RETRY_MILLIS));
    }

    private void failed(DataAccessException ex) {
        this.retryAt.set(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RETRY_MILLIS));
        if (!this.unavailable.getAndSet(true)) {
            // The exception tells which Redis and why (its address, a timeout); never a key, which holds a client.
            logger.warn("Redis does not answer Padlock's brute-force limiter: attempts are let through without a "
                    + "limit (credentials are still checked) until it does", ex);
        }
        else if (logger.isDebugEnabled()) {
            logger.debug("Redis still does not answer Padlock's brute-force limiter: " + ex.getClass().getName());
        }
        this.onStoreError.run();
    }
}
