package io.github.padlock.credentials;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.padlock.PadlockException;
import io.github.padlock.SecurityOutcome;
import io.github.padlock.redis.RedisServer;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.SocketOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * {@link RedisBruteForceLimiter} on a real Redis ({@link RedisServer}, Debian's {@code redis-server}), without a
 * Spring context: the sliding window on Redis's clock, {@code Retry-After}, the one step of check and count, the keys
 * (parsed client, TTL, at most {@code maxFailures} members), and two limiters on two connections that share the limit
 * under 40 concurrent guesses. {@link RedisBruteForceLimiterOutageTests} stops Redis.
 */
class RedisBruteForceLimiterTests {

    private static final String PREFIX = "test:bf:";

    private static RedisServer server;

    private static LettuceConnectionFactory connection;

    private static StringRedisTemplate redis;

    private RedisBruteForceLimiter limiter;

    @BeforeAll
    static void startRedis() {
        RedisServer.assumeInstalled();
        server = RedisServer.start();
        connection = connectionFactory(server, Duration.ofSeconds(5));
        redis = new StringRedisTemplate(connection);
    }

    @AfterAll
    static void stopRedis() {
        if (connection != null) {
            connection.destroy();
        }
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void emptyRedis() {
        server.flushAll();
        this.limiter = new RedisBruteForceLimiter(connection, 3, Duration.ofSeconds(60), PREFIX);
    }

    /** A connection of its own, as each instance of an application has. */
    static LettuceConnectionFactory connectionFactory(RedisServer server, Duration timeout) {
        LettuceClientConfiguration client = LettuceClientConfiguration.builder()
            .commandTimeout(timeout)
            .clientOptions(ClientOptions.builder()
                .socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
                .build())
            .build();
        LettuceConnectionFactory factory = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration(server.host(), server.port()), client);
        factory.afterPropertiesSet();
        factory.start();
        return factory;
    }

    @Test
    void constructorWhenMaxFailuresWindowOrPrefixOutOfRangeThenRefused() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new RedisBruteForceLimiter(connection, 0, Duration.ofMinutes(1), PREFIX))
            .withMessageContaining("max-failures");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new RedisBruteForceLimiter(connection, 101, Duration.ofMinutes(1), PREFIX));
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new RedisBruteForceLimiter(connection, 3, Duration.ZERO, PREFIX))
            .withMessageContaining("window");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new RedisBruteForceLimiter(connection, 3, Duration.ofDays(2), PREFIX));
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new RedisBruteForceLimiter(connection, 3, Duration.ofMinutes(1), ""))
            .withMessageContaining("prefix");
    }

    @Test
    void checkWhenFewerFailuresThanMaxThenPasses() {
        this.limiter.record("10.0.0.1", SecurityOutcome.INVALID);
        this.limiter.record("10.0.0.1", SecurityOutcome.INVALID);
        assertThatNoException().isThrownBy(() -> this.limiter.check("10.0.0.1"));
        assertThatNoException().isThrownBy(() -> this.limiter.check("10.0.0.9"));
    }

    @Test
    void checkWhenMaxFailuresThenTooManyRequestsWithRetryAfterBeforeAnyCredential() {
        for (int i = 0; i < 3; i++) {
            assertThatNoException().isThrownBy(() -> this.limiter.record("10.0.0.2", SecurityOutcome.INVALID));
        }
        assertRefused(this.limiter, "10.0.0.2", "60");
        assertThatNoException().isThrownBy(() -> this.limiter.check("10.0.0.3"));
    }

    @Test
    void recordWhenLimitReachedBeforeThisAttemptThenRefusedRightOrWrong() {
        for (int i = 0; i < 3; i++) {
            this.limiter.record("10.0.0.5", SecurityOutcome.INVALID);
        }
        for (SecurityOutcome outcome : List.of(SecurityOutcome.INVALID, SecurityOutcome.GRANTED,
                SecurityOutcome.MISSING)) {
            PadlockException refused = catchThrowableOfType(PadlockException.class,
                    () -> this.limiter.record("10.0.0.5", outcome));
            assertThat(refused).as(outcome.name()).isNotNull();
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
            assertThat(refused.outcome()).isEqualTo(SecurityOutcome.LIMITED);
        }
    }

    @Test
    void recordWhenSuccessMissingOrForbiddenThenNotCountedAndNoKey() {
        for (int i = 0; i < 10; i++) {
            this.limiter.record("10.0.0.1", SecurityOutcome.GRANTED);
            this.limiter.record("10.0.0.1", SecurityOutcome.MISSING);
            this.limiter.record("10.0.0.1", SecurityOutcome.FORBIDDEN);
            this.limiter.record("10.0.0.1", SecurityOutcome.UNAVAILABLE);
        }
        assertThatNoException().isThrownBy(() -> this.limiter.check("10.0.0.1"));
        assertThat(redis.hasKey(PREFIX + "10.0.0.1")).isFalse();
        for (int i = 0; i < 3; i++) {
            this.limiter.record("10.0.0.1", SecurityOutcome.INVALID);
        }
        assertRefused(this.limiter, "10.0.0.1", "60");
    }

    @Test
    void recordWhenManyFailuresThenKeyExpiresByItselfAndHoldsAtMostMaxFailures() {
        for (int i = 0; i < 20; i++) {
            try {
                this.limiter.record("10.0.0.4", SecurityOutcome.INVALID);
            }
            catch (PadlockException ex) {
                // refused from the fourth on, and still counted
            }
        }
        String key = PREFIX + "10.0.0.4";
        assertThat(redis.opsForZSet().zCard(key)).isEqualTo(3);
        assertThat(redis.getExpire(key, TimeUnit.MILLISECONDS)).isPositive().isLessThanOrEqualTo(60_000);
        assertThat(redis.keys("*")).containsExactly(key);
    }

    /**
     * Failures at t0 and about t0 + 1 s, with a 2 s window: refused until the first leaves the window (polled, not
     * slept), then one more failure is enough to be refused again, since the second still counts.
     */
    @Test
    void checkWhenWindowSlidesThenOnlyRecentFailuresCount() throws InterruptedException {
        RedisBruteForceLimiter sliding = new RedisBruteForceLimiter(connection, 2, Duration.ofSeconds(2), PREFIX);
        sliding.record("10.0.0.6", SecurityOutcome.INVALID);
        Thread.sleep(1000);
        sliding.record("10.0.0.6", SecurityOutcome.INVALID);
        PadlockException refused = catchThrowableOfType(PadlockException.class, () -> sliding.check("10.0.0.6"));
        assertThat(refused).isNotNull();
        // The first failure leaves in at most 1 s: rounded up, 1.
        assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20)).untilAsserted(
                () -> assertThatNoException().isThrownBy(() -> sliding.check("10.0.0.6")));
        assertThat(redis.opsForZSet().zCard(PREFIX + "10.0.0.6")).isEqualTo(1);
        sliding.record("10.0.0.6", SecurityOutcome.INVALID);
        assertThat(catchThrowableOfType(PadlockException.class, () -> sliding.check("10.0.0.6"))).isNotNull();
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
            .until(() -> !redis.hasKey(PREFIX + "10.0.0.6"));
    }

    @Test
    void recordWhenIpv6AddressesOfOneSlash64ThenOneClientUnderItsPrefix() {
        this.limiter.record("2001:db8:0:1::1", SecurityOutcome.INVALID);
        this.limiter.record("[2001:db8:0:1:ffff::2]", SecurityOutcome.INVALID);
        this.limiter.record("2001:DB8:0:1:aaaa:bbbb:cccc:dddd", SecurityOutcome.INVALID);
        assertRefused(this.limiter, "2001:db8:0:1:ffff:ffff:ffff:ffff", "60");
        assertThatNoException().isThrownBy(() -> this.limiter.check("2001:db8:0:2::1"));
        assertThat(redis.keys("*")).containsExactly(PREFIX + "2001:db8:0:1::/64");
    }

    @Test
    void recordWhenClientIsNoAddressThenOneSharedKeyNeverTheRawString() {
        this.limiter.record("evil\r\nFLUSHALL <script>", SecurityOutcome.INVALID);
        this.limiter.record("x".repeat(10_000), SecurityOutcome.INVALID);
        assertThat(redis.keys("*")).containsExactly(PREFIX + "unparsable");
    }

    /**
     * Two instances of an application, each with its own connection to the one Redis, and 40 guesses of one client at
     * once spread over both: exactly {@code maxFailures} are answered, every other one is refused.
     */
    @Test
    void recordWhenConcurrentFailuresOnTwoInstancesThenNoMoreThanTheLimitAnswered() throws Exception {
        LettuceConnectionFactory other = connectionFactory(server, Duration.ofSeconds(5));
        try {
            RedisBruteForceLimiter a = new RedisBruteForceLimiter(connection, 10, Duration.ofMinutes(1), PREFIX);
            RedisBruteForceLimiter b = new RedisBruteForceLimiter(other, 10, Duration.ofMinutes(1), PREFIX);
            int threads = 40;
            CountDownLatch start = new CountDownLatch(1);
            AtomicInteger answered = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    RedisBruteForceLimiter instance = (i % 2 == 0) ? a : b;
                    futures.add(pool.submit(() -> {
                        start.await();
                        try {
                            instance.check("10.0.0.7");
                            instance.record("10.0.0.7", SecurityOutcome.INVALID);
                            answered.incrementAndGet();
                        }
                        catch (PadlockException ex) {
                            refused.incrementAndGet();
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> future : futures) {
                    future.get(30, TimeUnit.SECONDS);
                }
            }
            finally {
                pool.shutdownNow();
            }
            assertThat(answered).hasValue(10);
            assertThat(refused).hasValue(30);
            assertThat(redis.opsForZSet().zCard(PREFIX + "10.0.0.7")).isEqualTo(10);
            assertRefused(a, "10.0.0.7", "60");
            assertRefused(b, "10.0.0.7", "60");
        }
        finally {
            other.destroy();
        }
    }

    /** Many failures of one client within one millisecond are each counted: no two share a member. */
    @Test
    void recordWhenFailuresFasterThanTheClockThenEachCounted() throws Exception {
        RedisBruteForceLimiter hundred = new RedisBruteForceLimiter(connection, 100, Duration.ofMinutes(1), PREFIX);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 12; i++) {
                        hundred.record("10.0.0.8", SecurityOutcome.INVALID);
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get(30, TimeUnit.SECONDS);
            }
        }
        finally {
            pool.shutdownNow();
        }
        // 96 failures: one short of refusal only if none was lost.
        assertThat(redis.opsForZSet().zCard(PREFIX + "10.0.0.8")).isEqualTo(96);
        for (int i = 0; i < 4; i++) {
            hundred.record("10.0.0.8", SecurityOutcome.INVALID);
        }
        assertRefused(hundred, "10.0.0.8", "60");
    }

    static void assertRefused(RedisBruteForceLimiter limiter, String client, String retryAfter) {
        PadlockException refused = catchThrowableOfType(PadlockException.class, () -> limiter.check(client));
        assertThat(refused).as("refusal of %s", client).isNotNull();
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(refused.getBody().getDetail()).isEqualTo(BruteForceLimiter.TOO_MANY);
        assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo(retryAfter);
    }
}
