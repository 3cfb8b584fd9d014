package io.github.padlock.oauth2;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;

import io.github.padlock.PadlockException;
import io.github.padlock.SecurityOutcome;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.web.util.UrlPathHelper;

/**
 * The token and revocation endpoints' refusals in RFC 6749 §5.2's shape: problem+json with {@code error} and
 * {@code error_description}, {@code Cache-Control: no-store}.
 */
final class TokenErrors {

    /** The error code of a store that does not answer (RFC 6749 §4.1.2.1's, in the IANA OAuth registry). */
    static final String TEMPORARILY_UNAVAILABLE = "temporarily_unavailable";

    /** The one description of every refused refresh token: which check failed is not the client's business. */
    static final String INVALID_REFRESH_TOKEN = "The refresh token is invalid, expired or revoked";

    private TokenErrors() {
    }

    /**
     * @param code the RFC 6749 §5.2 error code
     * @param description its description, sent to the client: never a secret
     * @return a 400 with both
     */
    static PadlockException error(String code, String description) {
        PadlockException exception = new PadlockException(HttpStatus.BAD_REQUEST, description, List.of());
        exception.getBody().setProperty("error", code);
        exception.getBody().setProperty("error_description", description);
        exception.getHeaders().setCacheControl(CacheControl.noStore());
        return exception;
    }

    /**
     * A 503 of a store that did not answer ({@link SecurityOutcome#UNAVAILABLE}), with {@code Retry-After}, gets
     * {@value #TEMPORARILY_UNAVAILABLE} and {@code no-store}; any other refusal is left as it is.
     * @param refusal a refusal
     * @return it
     */
    static PadlockException withErrorCode(PadlockException refusal) {
        Map<String, Object> properties = refusal.getBody().getProperties();
        if (refusal.outcome() == SecurityOutcome.UNAVAILABLE && (properties == null || !properties.containsKey("error"))) {
            refusal.getBody().setProperty("error", TEMPORARILY_UNAVAILABLE);
            refusal.getBody().setProperty("error_description", refusal.getBody().getDetail());
            refusal.getHeaders().setCacheControl(CacheControl.noStore());
        }
        return refusal;
    }

    /**
     * As Padlock's exception handler does: never the raw request URI, whose path parameters may carry a secret.
     * @param request a request
     * @return its path, decoded, without path parameters or query: a problem's {@code instance}
     */
    static URI instance(HttpServletRequest request) {
        try {
            return new URI(null, null, UrlPathHelper.defaultInstance.getRequestUri(request), null);
        }
        catch (URISyntaxException ex) {
            return URI.create("");
        }
    }
}
