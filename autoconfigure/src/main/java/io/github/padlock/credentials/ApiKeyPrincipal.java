package io.github.padlock.credentials;

import java.security.Principal;
import java.util.List;

import io.github.padlock.GrantedScopes;

/**
 * An API key that checked, as the built-in API-key verifier produces it.
 *
 * @param id the key's id (not secret)
 * @param scopes the scopes the key grants
 */
public record ApiKeyPrincipal(String id, List<String> scopes) implements GrantedScopes, Principal {

    /**
     * @return the key's id, the name an audit event or Spring Security's {@code Authentication} gives this principal
     */
    @Override
    public String getName() {
        return this.id;
    }

    /**
     * Copies the scopes, so that the principal cannot change.
     *
     * @param id the key's id (not secret)
     * @param scopes the scopes the key grants
     */
    public ApiKeyPrincipal {
        scopes = List.copyOf(scopes);
    }
}
