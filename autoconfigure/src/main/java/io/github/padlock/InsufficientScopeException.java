package io.github.padlock;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * 403 Forbidden because the credentials lack a required scope: detail {@value #NOT_ENOUGH_PERMISSIONS} (FastAPI's
 * tutorial text) and {@code WWW-Authenticate: Bearer error="insufficient_scope", scope="<required>"} (RFC 6750 §3.1),
 * so that a client can tell "not allowed" from "who are you". Thrown by {@link SecurityScopes#require}. The property
 * {@code padlock.error.include-scope=false} leaves the {@code scope} attribute out of the challenge.
 */
public class InsufficientScopeException extends PadlockException {

    /** FastAPI's detail for missing scopes. */
    public static final String NOT_ENOUGH_PERMISSIONS = "Not enough permissions";

    private final List<String> requiredScopes;

    /**
     * @param requiredScopes every scope required, outermost first
     */
    public InsufficientScopeException(List<String> requiredScopes) {
        super(HttpStatus.FORBIDDEN, NOT_ENOUGH_PERMISSIONS, List.of(challenge(requiredScopes, true)));
        this.requiredScopes = List.copyOf(requiredScopes);
    }

    /**
     * @return every scope required, outermost first
     */
    public List<String> requiredScopes() {
        return this.requiredScopes;
    }

    /**
     * Leave the required scopes out of the challenge, for applications that do not want to reveal them.
     */
    public void hideRequiredScopes() {
        getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge(this.requiredScopes, false));
    }

    private static String challenge(List<String> scopes, boolean includeScope) {
        String challenge = "Bearer error=\"insufficient_scope\"";
        return (includeScope && !scopes.isEmpty()) ? challenge + ", scope=\"" + String.join(" ", scopes) + "\""
                : challenge;
    }
}
