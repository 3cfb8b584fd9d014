package io.github.padlock;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * 401 Unauthorized with the challenges of the schemes that could authenticate the request (RFC 9110 §15.5.2 requires
 * at least one {@code WWW-Authenticate}). Schemes raise it with FastAPI's detail {@value #NOT_AUTHENTICATED};
 * verifiers raise it with their own detail, such as {@code "Incorrect username or password"}.
 */
public class NotAuthenticatedException extends PadlockException {

    /** FastAPI's detail for missing or malformed credentials. */
    public static final String NOT_AUTHENTICATED = "Not authenticated";

    /**
     * @param detail the problem's {@code detail}, sent to the client
     * @param challenge the {@code WWW-Authenticate} value, such as {@code Basic realm="store"}
     */
    public NotAuthenticatedException(String detail, String challenge) {
        this(detail, List.of(challenge));
    }

    /**
     * @param detail the problem's {@code detail}, sent to the client
     * @param challenges the {@code WWW-Authenticate} values, one header line each
     */
    public NotAuthenticatedException(String detail, List<String> challenges) {
        this(detail, challenges, SecurityOutcome.INVALID);
    }

    /**
     * @param detail the problem's {@code detail}, sent to the client
     * @param challenges the {@code WWW-Authenticate} values, one header line each
     * @param outcome {@link SecurityOutcome#MISSING} when no credentials came, {@link SecurityOutcome#INVALID} when
     * they were refused
     */
    public NotAuthenticatedException(String detail, List<String> challenges, SecurityOutcome outcome) {
        super(HttpStatus.UNAUTHORIZED, detail, challenges, outcome);
        if (challenges.isEmpty()) {
            throw new IllegalArgumentException("A 401 response needs at least one WWW-Authenticate challenge");
        }
    }
}
