package io.github.padlock.jwt;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import io.github.padlock.jwt.JwtTestSupport.CountingServer;
import org.junit.jupiter.api.Test;

import static io.github.padlock.jwt.JwtTestSupport.anyAudience;
import static io.github.padlock.jwt.JwtTestSupport.assertInvalidToken;
import static io.github.padlock.jwt.JwtTestSupport.hs256;
import static io.github.padlock.jwt.JwtTestSupport.rs256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link JwtDecoder} with its cache of verified tokens ({@link VerifiedTokenCache}): a hit is the same principal, an
 * entry is refused exactly when a new check would refuse the token as expired, a JWK Set with other keys empties the
 * cache, the bound holds, refused tokens are never kept, and concurrent hits and misses never cross principals. Time
 * is a clock the tests move, which also drives Caffeine's ticker; Caffeine maintains on the calling thread.
 */
class JwtDecoderCacheTests {

    /** Whole seconds, as {@code exp} is. */
    private static final Instant START = Instant.ofEpochSecond(Instant.now().getEpochSecond());

    private final MovableClock clock = new MovableClock(START);

    private final JwtSettings settings = JwtSettings.builder().secret(JwtTestSupport.SECRET).build();

    private final JwtDecoder decoder = cached(this.settings, new JwtCacheSettings(100, Duration.ofMinutes(5), true));

    @Test
    void decodeWhenSameTokenAgainThenSamePrincipalFromTheCache() {
        String token = token("johndoe", 300);
        JwtPrincipal first = this.decoder.decode(token);
        JwtPrincipal second = this.decoder.decode(token);
        assertThat(second).isSameAs(first);
        assertThat(second.subject()).isEqualTo("johndoe");
        assertThat(this.decoder.cacheStatistics()).isEqualTo(new JwtCacheStatistics(1, 1, 0, 1));
        assertThat(this.decoder.cacheStatistics().hitRatio()).isEqualTo(0.5);
    }

    @Test
    void decodeWhenCachedTokenReachesExpPlusSkewThenRefusedThereAndNotBefore() {
        JwtDecoder decoder = cached(this.settings, new JwtCacheSettings(100, Duration.ofHours(1), true));
        String token = token("johndoe", 300);
        decoder.decode(token);
        // The default clock skew is 60 seconds: a new check accepts the token until exp + 60 s, exclusive.
        this.clock.set(START.plusSeconds(360).minusMillis(1));
        assertThat(decoder.decode(token).subject()).isEqualTo("johndoe");
        assertThat(decoder.cacheStatistics().hits()).isOne();
        assertThat(uncached(this.settings).decode(token).subject()).isEqualTo("johndoe");
        this.clock.set(START.plusSeconds(360));
        assertInvalidToken(() -> decoder.decode(token), token);
        assertInvalidToken(() -> uncached(this.settings).decode(token), token);
    }

    @Test
    void decodeWhenNoClockSkewThenCachedTokenRefusedAtExp() {
        JwtDecoder strict = cached(JwtSettings.builder().secret(JwtTestSupport.SECRET).clockSkew(Duration.ZERO).build(),
                new JwtCacheSettings(100, Duration.ofHours(1), true));
        String token = token("johndoe", 300);
        strict.decode(token);
        this.clock.set(START.plusSeconds(300).minusMillis(1));
        assertThat(strict.decode(token).subject()).isEqualTo("johndoe");
        this.clock.set(START.plusSeconds(300));
        assertInvalidToken(() -> strict.decode(token), token);
    }

    @Test
    void decodeWhenMaximumAgePassedThenVerifiedAgain() {
        JwtDecoder decoder = cached(this.settings, new JwtCacheSettings(100, Duration.ofSeconds(30), true));
        String token = token("johndoe", 300);
        JwtPrincipal first = decoder.decode(token);
        this.clock.set(START.plusSeconds(29));
        assertThat(decoder.decode(token)).isSameAs(first);
        this.clock.set(START.plusSeconds(30));
        JwtPrincipal again = decoder.decode(token);
        assertThat(again).isNotSameAs(first).isEqualTo(first);
        assertThat(decoder.cacheStatistics().misses()).isEqualTo(2);
    }

    @Test
    void decodeWhenTokenNotYetValidThenRefusedAndNotCachedUntilItIs() {
        Date notBefore = Date.from(START.plusSeconds(200));
        String token = hs256(claims("johndoe", 600).notBeforeTime(notBefore).build());
        assertInvalidToken(() -> this.decoder.decode(token), token);
        assertThat(this.decoder.cache().size()).isZero();
        this.clock.set(START.plusSeconds(141)); // nbf - skew, exclusive
        assertThat(this.decoder.decode(token).subject()).isEqualTo("johndoe");
        assertThat(this.decoder.cache().size()).isOne();
    }

    @Test
    void decodeWhenTokenRefusedThenNeverCachedAndEvictsNothing() {
        JwtDecoder decoder = cached(this.settings, new JwtCacheSettings(10, Duration.ofMinutes(5), true));
        List<String> good = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            good.add(token("user" + i, 300));
            decoder.decode(good.get(i));
        }
        String valid = token("mallory", 300);
        String forged = valid.substring(0, valid.lastIndexOf('.') + 1) + token("x", 300).split("\\.")[2];
        for (int i = 0; i < 1_000; i++) {
            String garbage = (i % 2 == 0) ? forged : "not.a." + UUID.randomUUID();
            assertInvalidToken(() -> decoder.decode(garbage), garbage);
        }
        decoder.cache().cleanUp();
        assertThat(decoder.cache().size()).isEqualTo(10);
        for (int i = 0; i < 10; i++) {
            assertThat(decoder.decode(good.get(i)).subject()).isEqualTo("user" + i);
        }
        assertThat(decoder.cacheStatistics().hits()).isEqualTo(10);
        assertThat(decoder.cacheStatistics().evictions()).isZero();
    }

    @Test
    void decodeWhenAnotherSpellingOfACachedTokenThenNotTakenFromTheCache() {
        String token = token("johndoe", 300);
        this.decoder.decode(token);
        VerifiedTokenCache cache = this.decoder.cache();
        // A character whose low byte is the original's: hashed a character to a byte, it would share the key.
        String lookalike = (char) (token.charAt(0) + 0x100) + token.substring(1);
        String questionMark = "?" + token.substring(1);
        assertThat(cache.key(lookalike)).isNotEqualTo(cache.key(token)).isEqualTo(cache.key(questionMark));
        for (String other : List.of(lookalike, questionMark, token + "=", " " + token, token.replace('.', '\u2024'))) {
            assertInvalidToken(() -> this.decoder.decode(other), other);
        }
        assertThat(this.decoder.cacheStatistics().hits()).isZero();
        assertThat(this.decoder.decode(token).subject()).isEqualTo("johndoe");
        assertThat(this.decoder.cacheStatistics().hits()).isOne();
    }

    @Test
    void decodeWhenBoundedThenAtMostMaximumSizeAfterOneHundredThousandDistinctTokens() {
        JwtDecoder decoder = cached(this.settings, new JwtCacheSettings(1_000, Duration.ofMinutes(5), true));
        JwtIssuer issuer = new JwtIssuer(this.settings, this.clock);
        for (int i = 0; i < 100_000; i++) {
            decoder.decode(issuer.issue("user" + i, List.of(), Duration.ofMinutes(5)).value());
        }
        decoder.cache().cleanUp();
        assertThat(decoder.cache().size()).isEqualTo(1_000);
        assertThat(decoder.cacheStatistics().misses()).isEqualTo(100_000);
        // Once full, a token seen once is not put (the doorkeeper), so nothing is evicted for it; only the doorkeeper's
        // false positives (at most 0.24 % of the 99,000, about 70 expected) are put, and may evict.
        assertThat(decoder.cacheStatistics().evictions()).isLessThan(1_000);
    }

    @Test
    void decodeWhenCacheFullThenATokenIsKeptFromItsSecondCheck() {
        JwtDecoder decoder = cached(this.settings, new JwtCacheSettings(10, Duration.ofMinutes(5), true));
        for (int i = 0; i < 10; i++) {
            decoder.decode(token("user" + i, 300)); // not full yet: each is kept at its first check
        }
        decoder.cache().cleanUp();
        assertThat(decoder.cache().size()).isEqualTo(10);
        assertThat(decoder.cacheStatistics().evictions()).isZero();
        String newcomer = token("newcomer", 300);
        JwtPrincipal first = decoder.decode(newcomer); // full: remembered by the doorkeeper, not kept
        decoder.cache().cleanUp();
        assertThat(decoder.cacheStatistics().evictions()).isZero();
        JwtPrincipal second = decoder.decode(newcomer); // its second check: kept (Caffeine's window admits it)
        assertThat(second).isNotSameAs(first).isEqualTo(first);
        assertThat(decoder.cacheStatistics().hits()).isZero();
        assertThat(decoder.decode(newcomer)).isSameAs(second);
        assertThat(decoder.cacheStatistics().hits()).isOne();
        assertThat(decoder.cacheStatistics().misses()).isEqualTo(12);
    }

    @Test
    void decodeWhenCacheOfOneFullThenEachNewTokenIsKeptAtItsSecondCheck() {
        JwtDecoder decoder = cached(this.settings, new JwtCacheSettings(1, Duration.ofMinutes(5), true));
        decoder.decode(token("first", 300)); // kept at once: not full yet
        for (String subject : List.of("second", "third")) {
            String token = token(subject, 300);
            decoder.decode(token);
            JwtPrincipal kept = decoder.decode(token);
            assertThat(decoder.decode(token)).isSameAs(kept);
        }
        assertThat(decoder.cacheStatistics().hits()).isEqualTo(2);
    }

    @Test
    void decodeWhenCacheFullThenARefusedTokenTwiceIsNeverKept() {
        JwtDecoder decoder = cached(this.settings, new JwtCacheSettings(2, Duration.ofMinutes(5), true));
        decoder.decode(token("alice", 300));
        decoder.decode(token("bob", 300));
        String expired = token("mallory", -60);
        for (int i = 0; i < 3; i++) {
            assertInvalidToken(() -> decoder.decode(expired), expired);
        }
        decoder.cache().cleanUp();
        assertThat(decoder.cache().size()).isEqualTo(2);
        assertThat(decoder.cacheStatistics().evictions()).isZero();
    }

    @Test
    void decodeWhenJwkSetFetchedWithOtherKeysThenCacheEmptied() throws IOException {
        RSAKey first = JwtTestSupport.rsa("2030-01");
        RSAKey second = JwtTestSupport.rsa("2030-02");
        try (CountingServer server = new CountingServer()) {
            server.serve(new JWKSet(first.toPublicJWK()).toString());
            JwtDecoder decoder = cached(anyAudience().jwkSetUri(server.url("/jwks.json")).build(),
                    new JwtCacheSettings(100, Duration.ofMinutes(5), true));
            String old = rs256(first, claims("johndoe", 300).build());
            JwtPrincipal principal = decoder.decode(old);
            assertThat(decoder.decode(old)).isSameAs(principal);
            // The first key is retired: a token naming the second one makes nimbus fetch the set again.
            server.serve(new JWKSet(second.toPublicJWK()).toString());
            assertThat(decoder.decode(rs256(second, claims("janedoe", 300).build())).subject()).isEqualTo("janedoe");
            assertThat(server.requests()).isEqualTo(2);
            assertInvalidToken(() -> decoder.decode(old), old);
            assertThat(decoder.cacheStatistics().hits()).isOne();
        }
    }

    @Test
    void decodeWhenJwkSetFetchedWithTheSameKeysThenCacheKept() throws IOException {
        RSAKey first = JwtTestSupport.rsa("2030-01");
        RSAKey unknown = JwtTestSupport.rsa("2030-09");
        try (CountingServer server = new CountingServer()) {
            server.serve(new JWKSet(first.toPublicJWK()).toString());
            JwtDecoder decoder = cached(anyAudience().jwkSetUri(server.url("/jwks.json")).build(),
                    new JwtCacheSettings(100, Duration.ofMinutes(5), true));
            String token = rs256(first, claims("johndoe", 300).build());
            JwtPrincipal principal = decoder.decode(token);
            // An unknown kid makes nimbus fetch the set again, which brings the same key.
            String stranger = rs256(unknown, claims("mallory", 300).build());
            assertInvalidToken(() -> decoder.decode(stranger), stranger);
            assertThat(server.requests()).isEqualTo(2);
            assertThat(decoder.decode(token)).isSameAs(principal);
        }
    }

    @Test
    void decodeWhenConcurrentHitsAndMissesThenEachTokenGetsItsOwnPrincipal() throws Exception {
        // Fewer entries than tokens, so that hits, misses, puts and evictions all happen at once.
        JwtDecoder decoder = cached(this.settings, new JwtCacheSettings(64, Duration.ofMinutes(5), false),
                ForkJoinPool.commonPool());
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            tokens.add(token("user" + i, 300));
        }
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> workers = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                workers.add(threads.submit(() -> {
                    int checked = 0;
                    for (int n = 0; n < 3_000; n++) {
                        int i = ThreadLocalRandom.current().nextInt((n % 2 == 0) ? 16 : tokens.size());
                        assertThat(decoder.decode(tokens.get(i)).subject()).isEqualTo("user" + i);
                        checked++;
                    }
                    return checked;
                }));
            }
            for (Future<Integer> worker : workers) {
                assertThat(worker.get(2, TimeUnit.MINUTES)).isEqualTo(3_000);
            }
        }
        finally {
            threads.shutdownNow();
        }
    }

    @Test
    void decodeWhenCachedThenPrincipalIsReadOnlyAllTheWayDown() {
        String token = hs256(claims("johndoe", 300).claim("roles", List.of("a", "b"))
            .claim("address", Map.of("city", "Lyon"))
            .build());
        JwtPrincipal principal = this.decoder.decode(token);
        assertThat(this.decoder.decode(token)).isSameAs(principal);
        @SuppressWarnings("unchecked")
        List<Object> roles = (List<Object>) principal.claims().get("roles");
        @SuppressWarnings("unchecked")
        Map<String, Object> address = (Map<String, Object>) principal.claims().get("address");
        assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> roles.add("admin"));
        assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> address.put("city", "x"));
        assertThatExceptionOfType(UnsupportedOperationException.class)
            .isThrownBy(() -> principal.claims().put("sub", "admin"));
        assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> principal.scopes().clear());
    }

    @Test
    void decodeWhenNoCacheThenEveryTokenVerifiedAndNoStatistics() {
        JwtDecoder plain = uncached(this.settings);
        String token = token("johndoe", 300);
        assertThat(plain.decode(token)).isNotSameAs(plain.decode(token));
        assertThat(plain.cacheStatistics()).isNull();
        assertThat(cached(this.settings, JwtCacheSettings.defaults()).cacheStatistics()).isNull();
    }

    @Test
    void settingsWhenOutOfRangeThenRefusedNamingTheSetting() {
        assertThatIllegalArgumentException().isThrownBy(() -> new JwtCacheSettings(0, Duration.ofMinutes(1), false))
            .withMessageStartingWith("maximum-size: ");
        assertThatIllegalArgumentException().isThrownBy(() -> new JwtCacheSettings(1, Duration.ZERO, false))
            .withMessageStartingWith("maximum-age: ");
        assertThatIllegalArgumentException().isThrownBy(() -> new JwtCacheSettings(1, Duration.ofDays(2), false))
            .withMessageStartingWith("maximum-age: ");
        assertThat(JwtCacheSettings.defaults())
            .isEqualTo(new JwtCacheSettings(10_000, Duration.ofMinutes(5), false));
    }

    private String token(String subject, long secondsToLive) {
        return hs256(claims(subject, secondsToLive).build());
    }

    private static JWTClaimsSet.Builder claims(String subject, long secondsToLive) {
        return new JWTClaimsSet.Builder().subject(subject)
            .issueTime(Date.from(START))
            .expirationTime(Date.from(START.plusSeconds(secondsToLive)))
            .jwtID(UUID.randomUUID().toString());
    }

    private JwtDecoder cached(JwtSettings settings, JwtCacheSettings cache) {
        return cached(settings, cache, Runnable::run);
    }

    private JwtDecoder cached(JwtSettings settings, JwtCacheSettings cache, Executor executor) {
        return new JwtDecoder(settings, cache, this.clock, () -> TimeUnit.MILLISECONDS.toNanos(this.clock.millis()),
                executor);
    }

    private JwtDecoder uncached(JwtSettings settings) {
        return new JwtDecoder(settings, this.clock);
    }

    /** A clock the test sets. */
    static final class MovableClock extends Clock {

        private final AtomicLong millis;

        MovableClock(Instant start) {
            this.millis = new AtomicLong(start.toEpochMilli());
        }

        void set(Instant instant) {
            this.millis.set(instant.toEpochMilli());
        }

        @Override
        public long millis() {
            return this.millis.get();
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
