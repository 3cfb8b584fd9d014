package io.github.padlock;

import org.springframework.http.HttpStatusCode;

/**
 * How a request's security was decided: the one outcome that the exception handling, the brute-force limiter and
 * observations read, rather than each inferring it from a status code.
 */
public enum SecurityOutcome {

    /** Every required dependency produced a value. */
    GRANTED,

    /** Nothing was required and nothing came: optional security, absent. */
    ANONYMOUS,

    /** No credentials where some are needed: a scheme found none, or a dependency that must produce a value did not. */
    MISSING,

    /** Credentials came and were refused: a wrong password or key, a forged or expired token. */
    INVALID,

    /** The credentials are good but lack a required scope (403). */
    FORBIDDEN,

    /** The credentials were sent ambiguously, such as two {@code Authorization} headers (400). */
    AMBIGUOUS,

    /** The client failed too often and was not checked (429). */
    LIMITED,

    /**
     * The credentials could not be checked: the store they are checked against, such as a database, did not answer
     * (503). No guess was judged, so the brute-force limiter does not count it.
     */
    UNAVAILABLE;

    /**
     * The outcome a refusal with this status means when its thrower said nothing more: 403 {@link #FORBIDDEN},
     * 429 {@link #LIMITED}, 503 {@link #UNAVAILABLE}, any other {@link #INVALID}. A verifier that refuses a wrong credential with 403, as
     * FastAPI's tutorial does for API keys, says {@link #INVALID} itself
     * ({@code new PadlockException(HttpStatus.FORBIDDEN, "Invalid API Key", List.of(), SecurityOutcome.INVALID)}), so
     * that the brute-force limiter counts it; a 403 of a permission check is no guess and must not lock a client out.
     * @param status a refusal's status
     * @return the outcome
     */
    public static SecurityOutcome ofRefusal(HttpStatusCode status) {
        return switch (status.value()) {
            case 403 -> FORBIDDEN;
            case 429 -> LIMITED;
            case 503 -> UNAVAILABLE;
            default -> INVALID;
        };
    }
}
