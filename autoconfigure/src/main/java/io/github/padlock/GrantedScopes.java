package io.github.padlock;

import java.util.Collection;

/**
 * A principal that holds the scopes it was granted: a user's, an API key's, a token's. Padlock's principals
 * ({@code UserPrincipal}, {@code ApiKeyPrincipal}, {@code JwtPrincipal}) implement it, and so may a verifier's own type,
 * so that what reads scopes off a principal, rather than off a request, finds them: the bridge to Spring Security maps
 * each to the authority {@code SCOPE_<scope>} (Spring Security's convention for OAuth2 scopes), and the test kit's
 * stubs grant them.
 * <p>
 * These are the scopes held, not the ones a handler asks ({@link SecurityScopes}): a verifier checks the ones asked
 * against these with {@link SecurityScopes#require(Collection)}.
 */
public interface GrantedScopes {

    /**
     * @return the scopes granted, each once, such as {@code items:read}; empty when none
     */
    Collection<String> scopes();
}
