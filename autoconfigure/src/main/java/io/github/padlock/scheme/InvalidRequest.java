package io.github.padlock.scheme;

import java.util.List;

import io.github.padlock.BearerTokenErrors;
import io.github.padlock.PadlockException;
import io.github.padlock.SecurityOutcome;

import org.springframework.http.HttpStatus;

/**
 * The one place that builds a scheme's 400 {@code invalid_request}: a request that carries its credentials ambiguously
 * (several {@code Authorization} headers, an API key sent more than once, a bearer token sent in two ways). It is
 * refused whatever {@code autoError}, since guessing which value was meant could authenticate the wrong one.
 */
final class InvalidRequest {

    /** The RFC 6749 §5.2 / RFC 6750 §3.1 error code, sent as the problem property {@code error}. */
    static final String ERROR = "invalid_request";


    static final String SEVERAL_AUTHORIZATION_HEADERS = "Several Authorization headers";

    static final String BEARER_SENT_TWICE = "Bearer token sent in more than one way";

    private InvalidRequest() {
    }

    /**
     * @param bearer whether the scheme reads bearer tokens, whose refusals carry RFC 6750's challenge
     * @return several {@code Authorization} headers, which RFC 9110 §5.3 does not allow to be combined
     */
    static PadlockException severalAuthorizationHeaders(boolean bearer) {
        return of(SEVERAL_AUTHORIZATION_HEADERS, bearer);
    }

    /**
     * @param name the header, query parameter or cookie name, chosen by the application (never the key)
     * @return an API key sent more than once
     */
    static PadlockException severalApiKeys(String name) {
        return of("Several values for API key " + name, false);
    }

    /**
     * @return a bearer token in the {@code Authorization} header and in an {@code access_token} query parameter,
     * which RFC 6750 §2 forbids
     */
    static PadlockException bearerSentTwice() {
        return of(BEARER_SENT_TWICE, true);
    }

    private static PadlockException of(String detail, boolean bearer) {
        if (bearer) {
            return BearerTokenErrors.invalidRequest(detail);
        }
        PadlockException exception = new PadlockException(HttpStatus.BAD_REQUEST, detail, List.of(),
                SecurityOutcome.AMBIGUOUS);
        exception.getBody().setProperty(BearerTokenErrors.ERROR_PROPERTY, ERROR);
        return exception;
    }
}
