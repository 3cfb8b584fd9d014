package io.github.padlock;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A refusal to serve a request for a security reason, rendered by Padlock as an RFC 9457
 * {@code application/problem+json} response whose {@code detail} carries FastAPI's text, with the status and the
 * {@code WWW-Authenticate} challenges (RFC 9110 §11.6.1) it was built with.
 * <p>
 * Throw it (or a subclass) from a {@link VerifierFunction}. The detail is sent to the client: never put a
 * credential in it. No stack trace is captured, since these are expected outcomes of bad requests.
 */
public class PadlockException extends ErrorResponseException {

    /** What the refusal means, for observations and events. */
    private final SecurityOutcome outcome;

    /**
     * A refusal whose outcome follows from its status ({@link SecurityOutcome#ofRefusal}).
     * @param status the response status, usually 401 or 403
     * @param detail the problem's {@code detail}, sent to the client
     * @param challenges the {@code WWW-Authenticate} values, one header line each; may be empty
     */
    public PadlockException(HttpStatusCode status, String detail, List<String> challenges) {
        this(status, detail, challenges, SecurityOutcome.ofRefusal(status));
    }

    /**
     * @param status the response status, usually 401 or 403
     * @param detail the problem's {@code detail}, sent to the client
     * @param challenges the {@code WWW-Authenticate} values, one header line each; may be empty
     * @param outcome what the refusal means: {@link SecurityOutcome#MISSING} for absent credentials,
     * {@link SecurityOutcome#INVALID} for refused ones, and so on
     */
    public PadlockException(HttpStatusCode status, String detail, List<String> challenges, SecurityOutcome outcome) {
        super(status, ProblemDetail.forStatusAndDetail(status, detail), null);
        for (String challenge : challenges) {
            getHeaders().add(HttpHeaders.WWW_AUTHENTICATE, challenge);
        }
        this.outcome = outcome;
    }

    /**
     * @return what this refusal means, read by the brute-force limiter and observations
     */
    public SecurityOutcome outcome() {
        return this.outcome;
    }

    @Override
    public final synchronized Throwable fillInStackTrace() {
        return this;
    }
}
