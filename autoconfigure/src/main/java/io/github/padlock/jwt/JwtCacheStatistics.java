package io.github.padlock.jwt;

/**
 * What a {@link JwtDecoder}'s cache of verified tokens counted since it was built, when
 * {@link JwtCacheSettings#recordStats()} is on: to size {@code padlock.jwt.cache.maximum-size} from the hit ratio.
 * A miss is any token not found verified in the cache, including the ones then refused.
 *
 * @param hits tokens answered from the cache
 * @param misses tokens verified, or refused, by nimbus-jose-jwt
 * @param evictions tokens dropped because the cache was full or they had expired (not those dropped when the keys
 * changed)
 * @param size about how many tokens the cache holds now
 */
public record JwtCacheStatistics(long hits, long misses, long evictions, long size) {

    /**
     * @return hits over lookups, from 0 to 1; 1 before any lookup, as Caffeine counts it
     */
    public double hitRatio() {
        long lookups = this.hits + this.misses;
        return (lookups == 0) ? 1.0 : (double) this.hits / lookups;
    }
}
