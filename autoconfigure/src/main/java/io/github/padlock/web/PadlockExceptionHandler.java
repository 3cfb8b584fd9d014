package io.github.padlock.web;

import io.github.padlock.InsufficientScopeException;
import io.github.padlock.PadlockException;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Renders every {@link PadlockException} as an RFC 9457 {@code application/problem+json} response with the
 * exception's status, {@code WWW-Authenticate} challenges and {@code detail}. It has the lowest precedence, so an
 * application's own {@code @ExceptionHandler} wins; declare a bean of this type (a subclass) to replace it.
 */
@RestControllerAdvice
public class PadlockExceptionHandler {

    private final boolean includeScope;

    /**
     * A handler that names the required scopes in {@code insufficient_scope} challenges.
     */
    public PadlockExceptionHandler() {
        this(true);
    }

    /**
     * @param includeScope whether {@code insufficient_scope} challenges name the required scopes (RFC 6750 §3.1
     * makes it optional)
     */
    public PadlockExceptionHandler(boolean includeScope) {
        this.includeScope = includeScope;
    }

    /**
     * @param exception the refusal
     * @return the problem response
     */
    @ExceptionHandler(PadlockException.class)
    public ResponseEntity<ProblemDetail> handlePadlockException(PadlockException exception) {
        if (!this.includeScope && exception instanceof InsufficientScopeException insufficientScope) {
            insufficientScope.hideRequiredScopes();
        }
        return ResponseEntity.status(exception.getStatusCode())
            .headers(exception.getHeaders())
            .body(exception.getBody());
    }
}
