package io.github.padlock;

/**
 * Refuses clients that failed too often, and counts their attempts: the one component that the request path and the
 * token endpoint both consult, fed with each attempt's {@link SecurityOutcome}. Padlock's own are
 * {@code io.github.padlock.credentials.BruteForceLimiter} ({@code padlock.brute-force.*}, in memory) and
 * {@code io.github.padlock.credentials.RedisBruteForceLimiter} ({@code padlock.brute-force.store: redis}, one count for
 * every instance); declare a bean of this type to use another.
 */
public interface AttemptLimiter {

    /**
     * Refuse a client that failed too often; called before any credential of its request is checked.
     * @param client the client, such as the request's remote address
     * @throws PadlockException 429 ({@link SecurityOutcome#LIMITED}) when the client must wait
     */
    void check(String client);

    /**
     * Record how an attempt of a client ended, once its credentials were checked, and refuse it as {@link #check}
     * would when the client reached the limit before this attempt counted: requests of the same client running
     * alongside may have reached it meanwhile, and the answer to this one must then not tell whether its credentials
     * were right. The check and the count are one step, so that however many guesses run at once, no more than the
     * limit are answered.
     * @param client the client, such as the request's remote address
     * @param outcome the attempt's outcome; which outcomes count as failures is the limiter's rule
     * @throws PadlockException 429 ({@link SecurityOutcome#LIMITED}) when the client had reached the limit
     */
    void record(String client, SecurityOutcome outcome);
}
