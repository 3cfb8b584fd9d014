package io.github.padlock.credentials;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.padlock.AttemptLimiter;
import io.github.padlock.PadlockException;
import io.github.padlock.SecurityOutcome;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * Slows down password and key guessing (OWASP ASVS 2.2.1): a client whose attempts ended
 * {@link SecurityOutcome#INVALID} — credentials sent and refused; a request without credentials is no guess —
 * {@code maxFailures} times within a sliding {@code window} is refused with 429 {@value #TOO_MANY} and
 * {@code Retry-After} (RFC 6585 §4, RFC 9110 §10.2.3) <em>before</em> any credential is checked, even a correct one,
 * until its oldest counted failure leaves the window.
 * <p>
 * A client is its parsed address ({@link ClientKeys}): an IPv4 address, or an IPv6 address's /64 prefix; the raw
 * string a request carried is never kept. Only the client is counted, never an account on its own: an attacker can then never lock a user out, since another
 * client with the right password still gets in. (A per-(client, account) count would never refuse before the
 * per-client one does, so it is not kept.) A success does not erase failures, so an attacker cannot reset the count
 * by logging in to an account of their own between guesses.
 * <p>
 * Memory is bounded: at most {@code maxClients} clients are tracked (100,000 by default, each holding at most
 * {@code maxFailures} timestamps); past that, clients whose failures have all expired are forgotten first, then those
 * whose last failure is oldest, down to nine tenths of the cap. Thread-safe: a {@link ConcurrentHashMap} and a small
 * lock per client; a client with no failures costs one map look-up and no allocation.
 * <p>
 * Each instance of an application counts its own: {@link RedisBruteForceLimiter} keeps one count for all of them.
 */
public final class BruteForceLimiter implements AttemptLimiter {

    /** Detail of the refusal. */
    public static final String TOO_MANY = "Too many failed attempts";

    /** The largest {@code maxFailures} allowed, which bounds the memory a tracked client holds. */
    public static final int MAX_FAILURES_LIMIT = 100;

    /** The longest window allowed. */
    public static final Duration MAX_WINDOW = Duration.ofDays(1);

    static final int DEFAULT_MAX_CLIENTS = 100_000;

    private final int maxFailures;

    private final long windowMillis;

    private final InstantSource clock;

    private final int maxClients;

    private final ConcurrentHashMap<String, FailureTimes> clients = new ConcurrentHashMap<>();

    private final AtomicBoolean evicting = new AtomicBoolean();

    /**
     * @param maxFailures failures within {@code window} after which a client is refused, 1 to
     * {@value #MAX_FAILURES_LIMIT}
     * @param window how long a failure counts, positive and at most a day
     */
    public BruteForceLimiter(int maxFailures, Duration window) {
        this(maxFailures, window, InstantSource.system());
    }

    /**
     * @param maxFailures failures within {@code window} after which a client is refused, 1 to
     * {@value #MAX_FAILURES_LIMIT}
     * @param window how long a failure counts, positive and at most a day
     * @param clock the time source
     */
    public BruteForceLimiter(int maxFailures, Duration window, InstantSource clock) {
        this(maxFailures, window, clock, DEFAULT_MAX_CLIENTS);
    }

    BruteForceLimiter(int maxFailures, Duration window, InstantSource clock, int maxClients) {
        checkMaxFailures(maxFailures);
        checkWindow(window);
        if (maxClients < 1) {
            throw new IllegalArgumentException("maxClients must be positive");
        }
        this.maxFailures = maxFailures;
        this.windowMillis = window.toMillis();
        this.clock = clock;
        this.maxClients = maxClients;
    }

    /**
     * @param maxFailures a number of failures
     * @throws IllegalArgumentException unless it is between 1 and {@value #MAX_FAILURES_LIMIT}
     */
    public static void checkMaxFailures(int maxFailures) {
        if (maxFailures < 1 || maxFailures > MAX_FAILURES_LIMIT) {
            throw new IllegalArgumentException(
                    "max-failures must be between 1 and " + MAX_FAILURES_LIMIT + ", got " + maxFailures);
        }
    }

    /**
     * @param window how long a failure counts
     * @throws IllegalArgumentException unless it is positive and at most {@link #MAX_WINDOW}
     */
    public static void checkWindow(Duration window) {
        if (window.isNegative() || window.toMillis() < 1 || window.compareTo(MAX_WINDOW) > 0) {
            throw new IllegalArgumentException("window must be positive and at most " + MAX_WINDOW + ", got " + window);
        }
    }

    /**
     * Refuse a client that failed too often; call it before checking any credential.
     * @param client the client, such as the request's remote address
     * @throws PadlockException 429 {@value #TOO_MANY} with {@code Retry-After} when the client must wait
     */
    @Override
    public void check(String client) {
        FailureTimes failures = this.clients.get(ClientKeys.of(client));
        if (failures == null) {
            return;
        }
        long waitMillis = failures.waitMillis(this.clock.millis(), this.windowMillis, this.maxFailures);
        if (waitMillis > 0) {
            throw tooManyFailedAttempts(waitMillis);
        }
    }

    /**
     * Count the attempt as a failure when it ended {@link SecurityOutcome#INVALID}: credentials that were sent and
     * refused. A request without credentials (a browser's or {@code curl --anyauth}'s first leg) is not a guess. Then
     * refuse it with 429 when the client had reached the limit before it counted — for a failure in the same step as
     * the count, under the client's lock, so that parallel guesses cannot all pass the check before any counts.
     * @param client the client, such as the request's remote address
     * @param outcome how the attempt ended
     * @throws PadlockException 429 {@value #TOO_MANY} with {@code Retry-After} when the client had reached the limit
     */
    @Override
    public void record(String client, SecurityOutcome outcome) {
        if (outcome != SecurityOutcome.INVALID) {
            check(client);
            return;
        }
        long waitMillis = failed(client);
        if (waitMillis > 0) {
            throw tooManyFailedAttempts(waitMillis);
        }
    }

    /**
     * Count a failed attempt of a client.
     * @param client the client, such as the request's remote address
     * @return how long the client had to wait before this failure counted: 0 when it was under the limit
     */
    long failed(String client) {
        long now = this.clock.millis();
        long[] waitMillis = new long[1];
        this.clients.compute(ClientKeys.of(client), (key, failures) -> {
            FailureTimes counted = (failures != null) ? failures : new FailureTimes(Math.min(4, this.maxFailures));
            waitMillis[0] = counted.add(now, this.windowMillis, this.maxFailures);
            return counted;
        });
        if (this.clients.size() > this.maxClients) {
            evict(now);
        }
        return waitMillis[0];
    }

    /**
     * @return the number of clients tracked
     */
    int trackedClients() {
        return this.clients.size();
    }

    /**
     * Forget clients whose failures all expired, then those whose last failure is oldest, down to nine tenths of the
     * cap. One thread evicts at a time; the others go on (the map may briefly hold a few more clients than the cap).
     */
    private void evict(long now) {
        if (!this.evicting.compareAndSet(false, true)) {
            return;
        }
        try {
            for (String client : this.clients.keySet()) {
                this.clients.computeIfPresent(client,
                        (key, failures) -> failures.expired(now, this.windowMillis) ? null : failures);
            }
            int excess = this.clients.size() - this.maxClients * 9 / 10;
            if (excess <= 0) {
                return;
            }
            // The times are read once: they may change while sorting.
            List<Tracked> oldestFirst = new ArrayList<>(this.clients.size());
            this.clients.forEach(
                    (client, failures) -> oldestFirst.add(new Tracked(client, failures, failures.latest())));
            oldestFirst.sort(Comparator.comparingLong(Tracked::latest));
            for (int i = 0; i < excess && i < oldestFirst.size(); i++) {
                this.clients.remove(oldestFirst.get(i).client(), oldestFirst.get(i).failures());
            }
        }
        finally {
            this.evicting.set(false);
        }
    }

    /**
     * The refusal of a client that must wait, the one home of its shape for both limiters.
     * @param waitMillis how long until the client's oldest counted failure leaves the window, positive
     * @return 429 {@value #TOO_MANY} with {@code Retry-After} in whole seconds, rounded up, at least 1
     */
    static PadlockException tooManyFailedAttempts(long waitMillis) {
        long retryAfterSeconds = Math.max(1, (waitMillis + 999) / 1000);
        PadlockException exception = new PadlockException(HttpStatus.TOO_MANY_REQUESTS, TOO_MANY, List.of(),
                SecurityOutcome.LIMITED);
        exception.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        return exception;
    }

    private record Tracked(String client, FailureTimes failures, long latest) {
    }
}
