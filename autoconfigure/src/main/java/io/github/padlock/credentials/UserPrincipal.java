package io.github.padlock.credentials;

import java.security.Principal;
import java.util.List;

import io.github.padlock.GrantedScopes;

/**
 * A user whose password checked, as the built-in user verifier produces it.
 *
 * @param username the user name
 * @param scopes the scopes the user may be granted
 */
public record UserPrincipal(String username, List<String> scopes) implements GrantedScopes, Principal {

    /**
     * @return the user name, the name an audit event or Spring Security's {@code Authentication} gives this principal
     */
    @Override
    public String getName() {
        return this.username;
    }

    /**
     * Copies the scopes, so that the principal cannot change.
     *
     * @param username the user name
     * @param scopes the scopes the user may be granted
     */
    public UserPrincipal {
        scopes = List.copyOf(scopes);
    }
}
