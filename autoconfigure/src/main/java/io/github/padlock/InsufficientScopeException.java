package io.github.padlock;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * 403 Forbidden because the credentials lack a required scope: detail {@value #NOT_ENOUGH_PERMISSIONS} (FastAPI's
 * tutorial text) and {@code WWW-Authenticate: Bearer error="insufficient_scope", scope="<required>"} (RFC 6750 §3.1),
 * so that a client can tell "not allowed" from "who are you". Thrown by {@link SecurityScopes#require}. The property
 * {@code padlock.error.include-scope=false} answers {@link #withoutScopes()} instead, whose challenge leaves the
 * {@code scope} attribute out.
 */
public class InsufficientScopeException extends PadlockException {

    /** FastAPI's detail for missing scopes. */
    public static final String NOT_ENOUGH_PERMISSIONS = "Not enough permissions";

    private final List<String> requiredScopes;

    /**
     * @param requiredScopes every scope required, outermost first
     */
    public InsufficientScopeException(List<String> requiredScopes) {
        this(requiredScopes, true);
    }

    InsufficientScopeException(List<String> requiredScopes, boolean includeScope) {
        super(HttpStatus.FORBIDDEN, NOT_ENOUGH_PERMISSIONS, List.of(BearerTokenErrors.challenge("insufficient_scope",
                null, (includeScope && !requiredScopes.isEmpty()) ? String.join(" ", requiredScopes) : null)),
                SecurityOutcome.FORBIDDEN);
        this.requiredScopes = List.copyOf(requiredScopes);
    }

    /**
     * @return every scope required, outermost first
     */
    public List<String> requiredScopes() {
        return this.requiredScopes;
    }

    /**
     * @return the same refusal with a challenge that does not name the required scopes, for applications that do not
     * want to reveal them
     */
    public InsufficientScopeException withoutScopes() {
        return new InsufficientScopeException(this.requiredScopes, false);
    }
}
