package io.github.padlock.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

import io.github.padlock.InsufficientScopeException;
import io.github.padlock.PadlockException;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.util.UrlPathHelper;

/**
 * Renders every {@link PadlockException} as an RFC 9457 {@code application/problem+json} response with the
 * exception's status, {@code WWW-Authenticate} challenges and {@code detail}. Its {@code instance} is the request's
 * path without path parameters ({@code ;name=value}) or query, which may carry a credential (an API key in the query,
 * say): Spring would otherwise fill it with the raw request URI.
 * <p>
 * It comes before Spring Boot's {@code ProblemDetailsExceptionHandler} ({@code spring.mvc.problemdetails.enabled},
 * order 0), which handles every {@code ErrorResponseException} and would fill {@code instance} with the raw request
 * URI, path parameters and all, and ignore {@code padlock.error.include-scope}. It handles nothing but
 * {@link PadlockException}. To render Padlock's refusals another way, declare a bean of this type (a subclass), or an
 * advice of a higher precedence than {@value #ORDER}.
 */
@RestControllerAdvice
@Order(PadlockExceptionHandler.ORDER)
public class PadlockExceptionHandler {

    /** The advice's order: before Spring Boot's {@code ProblemDetailsExceptionHandler} (0). */
    public static final int ORDER = -1;

    private static final UrlPathHelper PATHS = UrlPathHelper.defaultInstance;

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
     * @param request the refused request
     * @return the problem response
     */
    @ExceptionHandler(PadlockException.class)
    public ResponseEntity<ProblemDetail> handlePadlockException(PadlockException exception,
            HttpServletRequest request) {
        PadlockException answer = (!this.includeScope && exception instanceof InsufficientScopeException insufficient)
                ? insufficient.withoutScopes() : exception;
        return ResponseEntity.status(answer.getStatusCode())
            .headers(answer.getHeaders())
            .body(withInstance(answer.getBody(), instance(request)));
    }

    /** A copy, so that an exception an application reuses is never changed by a request. */
    private static ProblemDetail withInstance(ProblemDetail body, URI instance) {
        ProblemDetail copy = ProblemDetail.forStatus(body.getStatus());
        copy.setType(body.getType());
        copy.setTitle(body.getTitle());
        copy.setDetail(body.getDetail());
        copy.setInstance(instance);
        Map<String, Object> properties = body.getProperties();
        if (properties != null) {
            properties.forEach(copy::setProperty);
        }
        return copy;
    }

    /** The request's path, decoded, without path parameters or query, as a URI reference. */
    static URI instance(HttpServletRequest request) {
        String path = PATHS.getRequestUri(request);
        try {
            return new URI(null, null, path, null);
        }
        catch (URISyntaxException ex) {
            return URI.create("");
        }
    }
}
