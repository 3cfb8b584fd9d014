package io.github.padlock;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * 403 Forbidden because the credentials lack a required scope: detail {@value #NOT_ENOUGH_PERMISSIONS} (FastAPI's
 * tutorial text) and the problem property {@code scope} naming the required scopes, so that a client can tell "not
 * allowed" from "who are you". For a bearer token it also carries RFC 6750 §3.1's
 * {@code WWW-Authenticate: Bearer error="insufficient_scope", scope="<required>"}; Padlock answers a scope refusal over
 * another scheme (HTTP Basic, an API key) in that scheme's terms, without the bearer challenge
 * ({@link #withoutBearerChallenge()}). Thrown by {@link SecurityScopes#require}. The property
 * {@code padlock.error.include-scope=false} answers {@link #withoutScopes()} instead, which names no scope.
 */
public class InsufficientScopeException extends PadlockException {

    /** FastAPI's detail for missing scopes. */
    public static final String NOT_ENOUGH_PERMISSIONS = "Not enough permissions";

    /** The problem property naming the required scopes, space-delimited like RFC 6750's {@code scope}. */
    public static final String SCOPE_PROPERTY = "scope";

    /** Every scope required, outermost first. */
    private final List<String> requiredScopes;

    /** Whether the answer names the required scopes ({@code padlock.error.include-scope}). */
    private final boolean includeScope;

    /** Whether the answer carries RFC 6750's bearer challenge. */
    private final boolean bearer;

    /**
     * @param requiredScopes every scope required, outermost first
     */
    public InsufficientScopeException(List<String> requiredScopes) {
        this(requiredScopes, true, true);
    }

    InsufficientScopeException(List<String> requiredScopes, boolean includeScope, boolean bearer) {
        super(HttpStatus.FORBIDDEN, NOT_ENOUGH_PERMISSIONS, bearer ? List.of(BearerTokenErrors.challenge(
                "insufficient_scope", null, scope(requiredScopes, includeScope))) : List.of(),
                SecurityOutcome.FORBIDDEN);
        this.requiredScopes = List.copyOf(requiredScopes);
        this.includeScope = includeScope;
        this.bearer = bearer;
        String scope = scope(requiredScopes, includeScope);
        if (scope != null) {
            getBody().setProperty(SCOPE_PROPERTY, scope);
        }
    }

    private static @Nullable String scope(List<String> requiredScopes, boolean includeScope) {
        return (includeScope && !requiredScopes.isEmpty()) ? String.join(" ", requiredScopes) : null;
    }

    /**
     * @return every scope required, outermost first
     */
    public List<String> requiredScopes() {
        return this.requiredScopes;
    }

    /**
     * @return the same refusal naming no required scope, in its challenge or body, for applications that do not want
     * to reveal them
     */
    public InsufficientScopeException withoutScopes() {
        return new InsufficientScopeException(this.requiredScopes, false, this.bearer);
    }

    /**
     * @return the same refusal without RFC 6750's challenge, for credentials that are not bearer tokens
     */
    public InsufficientScopeException withoutBearerChallenge() {
        return new InsufficientScopeException(this.requiredScopes, this.includeScope, false);
    }
}
