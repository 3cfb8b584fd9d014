package io.github.padlock.jwt;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link JwtDecoder} keeps the tokens it verified, so that a client sending the same token again (an access
 * token is sent on every call for minutes or hours) is not verified again: the {@code padlock.jwt.cache} properties.
 * A token is kept until it expires ({@code exp} plus the clock skew, as the decoder checks it) or for
 * {@code maximumAge}, whichever comes first, and at most {@code maximumSize} tokens are kept (Caffeine's W-TinyLFU
 * chooses which; once that many are kept, a token is kept from its second check on); only tokens that passed every
 * check are kept. {@link JwtDecoder} describes what is cached and what
 * stays per request.
 *
 * @param maximumSize how many verified tokens are kept at most, at least 1; each costs about a kilobyte of heap
 * (docs/benchmarks.md measures it)
 * @param maximumAge how long a verified token is kept at most, positive and at most a day, even when it expires later
 * @param recordStats whether to count hits and misses, for {@link JwtDecoder#cacheStatistics()}
 */
public record JwtCacheSettings(long maximumSize, Duration maximumAge, boolean recordStats) {

    /**
     * The default bound: ten thousand tokens, about 10 MiB of heap when full, more distinct clients than most
     * services see within {@link #DEFAULT_MAXIMUM_AGE}.
     */
    public static final long DEFAULT_MAXIMUM_SIZE = 10_000;

    /** The default maximum age: five minutes, as long as a JWK Set is cached before it is fetched again. */
    public static final Duration DEFAULT_MAXIMUM_AGE = Duration.ofMinutes(5);

    /** The longest maximum age accepted. */
    static final Duration LONGEST_MAXIMUM_AGE = Duration.ofDays(1);

    /**
     * Refuses a bound that could not work, with a message naming the setting ({@code maximum-size: ...}).
     *
     * @param maximumSize how many verified tokens are kept at most, at least 1
     * @param maximumAge how long a verified token is kept at most, positive and at most a day
     * @param recordStats whether to count hits and misses
     */
    public JwtCacheSettings {
        Objects.requireNonNull(maximumAge, "maximumAge must not be null");
        if (maximumSize < 1) {
            throw new IllegalArgumentException("maximum-size: must be at least 1 (set enabled to false to verify "
                    + "every token)");
        }
        if (maximumAge.isNegative() || maximumAge.isZero() || maximumAge.compareTo(LONGEST_MAXIMUM_AGE) > 0) {
            throw new IllegalArgumentException("maximum-age: must be positive and at most a day");
        }
    }

    /**
     * @return the defaults: {@value #DEFAULT_MAXIMUM_SIZE} tokens, five minutes, no statistics
     */
    public static JwtCacheSettings defaults() {
        return new JwtCacheSettings(DEFAULT_MAXIMUM_SIZE, DEFAULT_MAXIMUM_AGE, false);
    }
}
