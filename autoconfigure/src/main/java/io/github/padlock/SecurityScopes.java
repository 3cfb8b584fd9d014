package io.github.padlock;

import java.util.Collection;
import java.util.List;

/**
 * The scopes required on the path that led to a dependency, outermost first: FastAPI's {@code SecurityScopes}.
 * A verifier receives them so that it can compare them with what the credentials grant.
 */
public final class SecurityScopes {

    private static final SecurityScopes EMPTY = new SecurityScopes(List.of());

    private final List<String> scopes;

    private final String scopeStr;

    private SecurityScopes(List<String> scopes) {
        this.scopes = List.copyOf(scopes);
        this.scopeStr = String.join(" ", this.scopes);
    }

    /**
     * @param scopes the scopes, outermost first
     * @return scopes holding exactly those values, in that order
     */
    public static SecurityScopes of(List<String> scopes) {
        return scopes.isEmpty() ? EMPTY : new SecurityScopes(scopes);
    }

    /**
     * @return no scopes
     */
    public static SecurityScopes empty() {
        return EMPTY;
    }

    /**
     * @return the scopes, outermost first
     */
    public List<String> scopes() {
        return this.scopes;
    }

    /**
     * @return the scopes joined by single spaces, as in an OAuth2 {@code scope} parameter (RFC 6749 §3.3)
     */
    public String scopeStr() {
        return this.scopeStr;
    }

    /**
     * Check that {@code granted} includes every scope required here; scopes are compared exactly (RFC 6749 §3.3).
     * @param granted the scopes the credentials grant, such as a token's {@code scope} claim
     * @throws InsufficientScopeException 403 with {@code WWW-Authenticate: Bearer error="insufficient_scope",
     * scope="<required>"} (RFC 6750 §3.1) when one is missing
     */
    public void require(Collection<String> granted) {
        if (!granted.containsAll(this.scopes)) {
            throw new InsufficientScopeException(this.scopes);
        }
    }

    @Override
    public boolean equals(Object other) {
        return this == other || (other instanceof SecurityScopes that && this.scopes.equals(that.scopes));
    }

    @Override
    public int hashCode() {
        return this.scopes.hashCode();
    }

    @Override
    public String toString() {
        return "SecurityScopes" + this.scopes;
    }
}
