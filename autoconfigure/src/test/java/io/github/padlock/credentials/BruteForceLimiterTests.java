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
        this.limiter.failed("c");
        this.clock.advance(Duration.ofSeconds(50));
        this.limiter.failed("c");
        this.clock.advance(Duration.ofSeconds(20));
        // At 70 s the failure of 0 s has left the window: two count.
        this.limiter.failed("c");
        this.clock.advance(Duration.ofSeconds(1));
        assertThatNoException().isThrownBy(() -> this.limiter.check("c"));
        this.limiter.failed("c");
        // 50, 70, 71 s: the one of 50 s leaves at 110 s.
        assertRefused("c", 39);
        this.clock.advance(Duration.ofSeconds(39));
        assertThatNoException().isThrownBy(() -> this.limiter.check("c"));
        this.limiter.failed("c");
        // 70, 71, 110 s.
        assertRefused("c", 20);
    }

    @Test
    void checkWhenRetryAfterUnderASecondThenAtLeastOne() {
        this.limiter.failed("c");
        this.limiter.failed("c");
        this.limiter.failed("c");
        this.clock.advance(Duration.ofMillis(59_999));
        assertRefused("c", 1);
    }

    @Test
    void failedWhenMoreThanMaxThenRetryAfterCountsFromTheMostRecentMax() {
        for (int i = 0; i < 5; i++) {
            this.limiter.failed("c");
            this.clock.advance(Duration.ofSeconds(1));
        }
        // Failures at 0..4 s; the 3 kept are 2, 3, 4 s; now 5 s: the oldest kept leaves at 62 s.
        assertRefused("c", 57);
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
            capped.failed("old-" + i);
        }
        this.clock.advance(Duration.ofSeconds(61));
        for (int i = 0; i < 6; i++) {
            capped.failed("new-" + i);
        }
        assertThat(capped.trackedClients()).isEqualTo(6);
        for (int i = 0; i < 6; i++) {
            String client = "new-" + i;
            assertThat(catchThrowableOfType(PadlockException.class, () -> capped.check(client))).isNotNull();
        }
    }

    @Test
    void failedWhenCapReachedWithoutExpiredThenOldestForgotten() {
        BruteForceLimiter capped = new BruteForceLimiter(1, Duration.ofSeconds(60), this.clock, 10);
        for (int i = 0; i < 10; i++) {
            capped.failed("client-" + i);
            this.clock.advance(Duration.ofMillis(10));
        }
        capped.failed("client-10");
        // Down to nine tenths of the cap: the two oldest are forgotten, the newest is kept.
        assertThat(capped.trackedClients()).isEqualTo(9);
        assertThatNoException().isThrownBy(() -> capped.check("client-0"));
        assertThatNoException().isThrownBy(() -> capped.check("client-1"));
        assertThat(catchThrowableOfType(PadlockException.class, () -> capped.check("client-2"))).isNotNull();
        assertThat(catchThrowableOfType(PadlockException.class, () -> capped.check("client-10"))).isNotNull();
    }

    @Test
    void failedWhenAttackerRotatesAddressesThenTrackedClientsStayBounded() {
        BruteForceLimiter capped = new BruteForceLimiter(10, Duration.ofMinutes(1), this.clock, 1_000);
        for (int i = 0; i < 50_000; i++) {
            capped.failed("2001:db8::" + Integer.toHexString(i));
        }
        assertThat(capped.trackedClients()).isLessThanOrEqualTo(1_000);
    }

    @Test
    void failedWhenManyThreadsOnOneClientThenNoFailureLost() throws Exception {
        BruteForceLimiter shared = new BruteForceLimiter(100, Duration.ofMinutes(1), this.clock);
        // 8 threads × 12 = 96 failures: one short of refusal only if none was lost.
        runConcurrently(8, (thread) -> {
            for (int i = 0; i < 12; i++) {
                shared.failed("shared");
            }
        });
        for (int i = 0; i < 3; i++) {
            shared.failed("shared");
        }
        assertThatNoException().isThrownBy(() -> shared.check("shared"));
        shared.failed("shared");
        assertRefused(shared, "shared", 60);
    }

    @Test
    void failedWhenManyThreadsRotateClientsThenBoundedAndNothingThrown() throws Exception {
        BruteForceLimiter shared = new BruteForceLimiter(10, Duration.ofMinutes(1), this.clock, 1_000);
        AtomicInteger refusals = new AtomicInteger();
        runConcurrently(8, (thread) -> {
            for (int i = 0; i < 5_000; i++) {
                String client = (i % 2 == 0) ? "t" + thread : "t" + thread + "-" + i;
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
