package io.github.padlock.credentials;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
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
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * {@link BruteForceLimiter} with a fake clock: the sliding window, {@code Retry-After}, independent clients, the cap
 * on tracked clients and several threads at once.
 */
class BruteForceLimiterTests {

    private final FakeClock clock = new FakeClock();

    private final BruteForceLimiter limiter = new BruteForceLimiter(3, Duration.ofSeconds(60), this.clock);

    @Test
    void checkWhenFewerFailuresThanMaxThenPasses() {
        this.limiter.failed("10.0.0.1");
        this.limiter.failed("10.0.0.1");
        assertThatNoException().isThrownBy(() -> this.limiter.check("10.0.0.1"));
        assertThatNoException().isThrownBy(() -> this.limiter.check("10.0.0.9"));
    }

    @Test
    void checkWhenMaxFailuresWithinWindowThenTooManyRequestsWithRetryAfterUntilOldestLeaves() {
        this.limiter.failed("10.0.0.1");
        this.clock.advance(Duration.ofSeconds(10));
        this.limiter.failed("10.0.0.1");
        this.clock.advance(Duration.ofSeconds(10));
        this.limiter.failed("10.0.0.1");
        assertRefused("10.0.0.1", 40);
        this.clock.advance(Duration.ofMillis(39_001));
        assertRefused("10.0.0.1", 1);
        this.clock.advance(Duration.ofMillis(999));
        assertThatNoException().isThrownBy(() -> this.limiter.check("10.0.0.1"));
    }

    @Test
    void checkWhenWindowSlidesThenOnlyRecentFailuresCount() {
        this.limiter.failed("10.0.0.3");
        this.clock.advance(Duration.ofSeconds(50));
        this.limiter.failed("10.0.0.3");
        this.clock.advance(Duration.ofSeconds(20));
        // At 70 s the failure of 0 s has left the window: two count.
        this.limiter.failed("10.0.0.3");
        this.clock.advance(Duration.ofSeconds(1));
        assertThatNoException().isThrownBy(() -> this.limiter.check("10.0.0.3"));
        this.limiter.failed("10.0.0.3");
        // 50, 70, 71 s: the one of 50 s leaves at 110 s.
        assertRefused("10.0.0.3", 39);
        this.clock.advance(Duration.ofSeconds(39));
        assertThatNoException().isThrownBy(() -> this.limiter.check("10.0.0.3"));
        this.limiter.failed("10.0.0.3");
        // 70, 71, 110 s.
        assertRefused("10.0.0.3", 20);
    }

    @Test
    void checkWhenRetryAfterUnderASecondThenAtLeastOne() {
        this.limiter.failed("10.0.0.3");
        this.limiter.failed("10.0.0.3");
        this.limiter.failed("10.0.0.3");
        this.clock.advance(Duration.ofMillis(59_999));
        assertRefused("10.0.0.3", 1);
    }

    @Test
    void failedWhenMoreThanMaxThenRetryAfterCountsFromTheMostRecentMax() {
        for (int i = 0; i < 5; i++) {
            this.limiter.failed("10.0.0.3");
            this.clock.advance(Duration.ofSeconds(1));
        }
        // Failures at 0..4 s; the 3 kept are 2, 3, 4 s; now 5 s: the oldest kept leaves at 62 s.
        assertRefused("10.0.0.3", 57);
    }

    @Test
    void checkWhenOtherClientFailedThenPasses() {
        for (int i = 0; i < 10; i++) {
            this.limiter.failed("10.0.0.1");
        }
        assertRefused("10.0.0.1", 60);
        assertThatNoException().isThrownBy(() -> this.limiter.check("10.0.0.2"));
    }

    @Test
    void failedWhenCapReachedThenExpiredClientsForgottenFirst() {
        BruteForceLimiter capped = new BruteForceLimiter(1, Duration.ofSeconds(60), this.clock, 10);
        for (int i = 0; i < 5; i++) {
            capped.failed("10.1.0." + i);
        }
        this.clock.advance(Duration.ofSeconds(61));
        for (int i = 0; i < 6; i++) {
            capped.failed("10.2.0." + i);
        }
        assertThat(capped.trackedClients()).isEqualTo(6);
        for (int i = 0; i < 6; i++) {
            String client = "10.2.0." + i;
            assertThat(catchThrowableOfType(PadlockException.class, () -> capped.check(client))).isNotNull();
        }
    }

    @Test
    void failedWhenCapReachedWithoutExpiredThenOldestForgotten() {
        BruteForceLimiter capped = new BruteForceLimiter(1, Duration.ofSeconds(60), this.clock, 10);
        for (int i = 0; i < 10; i++) {
            capped.failed("10.3.0." + i);
            this.clock.advance(Duration.ofMillis(10));
        }
        capped.failed("10.3.0.10");
        // Down to nine tenths of the cap: the two oldest are forgotten, the newest is kept.
        assertThat(capped.trackedClients()).isEqualTo(9);
        assertThatNoException().isThrownBy(() -> capped.check("10.3.0.0"));
        assertThatNoException().isThrownBy(() -> capped.check("10.3.0.1"));
        assertThat(catchThrowableOfType(PadlockException.class, () -> capped.check("10.3.0.2"))).isNotNull();
        assertThat(catchThrowableOfType(PadlockException.class, () -> capped.check("10.3.0.10"))).isNotNull();
    }

    @Test
    void failedWhenAttackerRotatesAddressesThenTrackedClientsStayBounded() {
        BruteForceLimiter capped = new BruteForceLimiter(10, Duration.ofMinutes(1), this.clock, 1_000);
        for (int i = 0; i < 50_000; i++) {
            capped.failed("2001:db8:" + Integer.toHexString(i) + "::1");
        }
        assertThat(capped.trackedClients()).isLessThanOrEqualTo(1_000);
    }

    @Test
    void failedWhenManyThreadsOnOneClientThenNoFailureLost() throws Exception {
        BruteForceLimiter shared = new BruteForceLimiter(100, Duration.ofMinutes(1), this.clock);
        // 8 threads × 12 = 96 failures: one short of refusal only if none was lost.
        runConcurrently(8, (thread) -> {
            for (int i = 0; i < 12; i++) {
                shared.failed("10.0.0.7");
            }
        });
        for (int i = 0; i < 3; i++) {
            shared.failed("10.0.0.7");
        }
        assertThatNoException().isThrownBy(() -> shared.check("10.0.0.7"));
        shared.failed("10.0.0.7");
        assertRefused(shared, "10.0.0.7", 60);
    }

    @Test
    void failedWhenManyThreadsRotateClientsThenBoundedAndNothingThrown() throws Exception {
        BruteForceLimiter shared = new BruteForceLimiter(10, Duration.ofMinutes(1), this.clock, 1_000);
        AtomicInteger refusals = new AtomicInteger();
        runConcurrently(8, (thread) -> {
            for (int i = 0; i < 5_000; i++) {
                String client = (i % 2 == 0) ? "10.4.0." + thread : "10." + (5 + thread) + "." + (i / 256) + "." + (i % 256);
                try {
                    shared.check(client);
                    shared.failed(client);
                }
                catch (PadlockException ex) {
                    refusals.incrementAndGet();
                }
            }
        });
        assertThat(shared.trackedClients()).isLessThanOrEqualTo(1_000 + 8);
        assertThat(refusals.get()).isPositive();
    }

    @Test
    void recordWhenNoCredentialsOrGrantedThenNotAFailure() {
        for (int i = 0; i < 50; i++) {
            this.limiter.record("10.0.0.1", SecurityOutcome.MISSING);
            this.limiter.record("10.0.0.1", SecurityOutcome.GRANTED);
            this.limiter.record("10.0.0.1", SecurityOutcome.FORBIDDEN);
        }
        assertThatNoException().isThrownBy(() -> this.limiter.check("10.0.0.1"));
        for (int i = 0; i < 3; i++) {
            this.limiter.record("10.0.0.1", SecurityOutcome.INVALID);
        }
        assertRefused("10.0.0.1", 60);
    }

    @Test
    void recordWhenLimitReachedBeforeThisAttemptThenRefusedRightOrWrong() {
        for (int i = 0; i < 3; i++) {
            this.limiter.record("10.0.0.5", SecurityOutcome.INVALID);
        }
        for (SecurityOutcome outcome : List.of(SecurityOutcome.INVALID, SecurityOutcome.GRANTED)) {
            PadlockException refused = catchThrowableOfType(PadlockException.class,
                    () -> this.limiter.record("10.0.0.5", outcome));
            assertThat(refused).as(outcome.name()).isNotNull();
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        }
    }

    /**
     * Guesses that all passed {@code check} at once: the count and the refusal of each are one step, so exactly
     * {@code maxFailures} of them are answered as failures and every other one is refused.
     */
    @Test
    void recordWhenManyFailuresAtOnceThenNoMoreThanTheLimitAnswered() throws Exception {
        BruteForceLimiter shared = new BruteForceLimiter(10, Duration.ofMinutes(1), this.clock);
        int threads = 32;
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger answered = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        shared.record("10.0.0.6", SecurityOutcome.INVALID);
                        answered.incrementAndGet();
                    }
                    catch (PadlockException ex) {
                        // refused: the limit was reached before this one counted
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
    }

    @Test
    void recordWhenIpv6AddressesOfOneSlash64ThenOneClient() {
        for (int i = 0; i < 3; i++) {
            this.limiter.record("2001:db8:0:1::" + Integer.toHexString(i + 1), SecurityOutcome.INVALID);
        }
        assertRefused("2001:db8:0:1:ffff:ffff:ffff:ffff", 60);
        assertThatNoException().isThrownBy(() -> this.limiter.check("2001:db8:0:2::1"));
    }

    /**
     * The memory bound: 100,000 distinct clients (the cap), each with the default 10 failures. Measured on the heap
     * after a full collection, and printed; docs/security.md states the figure.
     */
    @Test
    void recordWhenOneHundredThousandDistinctClientsThenBoundedHeap() {
        BruteForceLimiter full = new BruteForceLimiter(10, Duration.ofHours(1), this.clock);
        long before = usedHeapAfterGc();
        for (int i = 0; i < 100_000; i++) {
            String client = "10." + (i >> 16) + "." + ((i >> 8) & 0xff) + "." + (i & 0xff);
            for (int failure = 0; failure < 10; failure++) {
                full.record(client, SecurityOutcome.INVALID);
            }
        }
        long used = usedHeapAfterGc() - before;
        System.out.printf("BruteForceLimiter: %,d clients with 10 failures each take %,d bytes (%,d per client)%n",
                full.trackedClients(), used, used / Math.max(1, full.trackedClients()));
        assertThat(full.trackedClients()).isEqualTo(100_000);
        assertThat(used).isLessThan(64L * 1024 * 1024);
        for (int i = 0; i < 1_000; i++) {
            full.record("10.200." + (i >> 8) + "." + (i & 0xff), SecurityOutcome.INVALID);
        }
        assertThat(full.trackedClients()).isLessThanOrEqualTo(100_000);
    }

    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static void runConcurrently(int threads, ThreadBody body) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(executor.submit(() -> {
                    start.await();
                    body.run(thread);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(30, TimeUnit.SECONDS);
            }
        }
        finally {
            executor.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface ThreadBody {

        void run(int thread);
    }

    @Test
    void newWhenSettingsOutOfRangeThenRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new BruteForceLimiter(0, Duration.ofMinutes(1)))
            .withMessageContaining("max-failures");
        assertThatIllegalArgumentException().isThrownBy(() -> new BruteForceLimiter(101, Duration.ofMinutes(1)));
        assertThatIllegalArgumentException().isThrownBy(() -> new BruteForceLimiter(10, Duration.ZERO))
            .withMessageContaining("window");
        assertThatIllegalArgumentException().isThrownBy(() -> new BruteForceLimiter(10, Duration.ofSeconds(-1)));
        assertThatIllegalArgumentException().isThrownBy(() -> new BruteForceLimiter(10, Duration.ofDays(2)));
    }

    private void assertRefused(String client, long retryAfter) {
        assertRefused(this.limiter, client, retryAfter);
    }

    private static void assertRefused(BruteForceLimiter limiter, String client, long retryAfter) {
        PadlockException ex = catchThrowableOfType(PadlockException.class, () -> limiter.check(client));
        assertThat(ex).as("a refusal").isNotNull();
        assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(ex.getBody().getDetail()).isEqualTo("Too many failed attempts");
        assertThat(ex.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo(Long.toString(retryAfter));
        assertThat(ex.getHeaders().containsHeader(HttpHeaders.WWW_AUTHENTICATE)).isFalse();
    }

    /** A clock the test moves by hand. */
    static final class FakeClock implements InstantSource {

        private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            this.now = this.now.plus(duration);
        }

        @Override
        public Instant instant() {
            return this.now;
        }
    }
}
