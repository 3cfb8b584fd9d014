package io.github.padlock.credentials;

import java.time.Duration;
import java.util.List;

import io.github.padlock.PadlockException;
import io.github.padlock.SecurityOutcome;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * The credentials of a request could not be checked because their store did not answer — a database that is down,
 * unreachable or too slow: {@code 503 Service Unavailable} (RFC 9110 §15.6.4) with {@code Retry-After}, rendered as
 * problem+json like every refusal, and {@link SecurityOutcome#UNAVAILABLE}, which the brute-force limiter does not
 * count. The detail says nothing about the store; the cause is logged by the store that gave up.
 */
public final class StoreUnavailableException extends PadlockException {

    /** Detail of the refusal. */
    public static final String DETAIL = "Credentials cannot be checked at the moment; retry later";

    /**
     * @param retryAfter how long the client should wait before retrying, sent in whole seconds (at least 1)
     */
    public StoreUnavailableException(Duration retryAfter) {
        super(HttpStatus.SERVICE_UNAVAILABLE, DETAIL, List.of(), SecurityOutcome.UNAVAILABLE);
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    }
}
