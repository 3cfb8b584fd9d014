package io.github.padlock.springsecurity;

import java.io.Serial;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.github.padlock.GrantedScopes;
import io.github.padlock.scheme.HttpBasicCredentials;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The {@code Authentication} of a request Padlock granted, as Spring Security's {@code SecurityContext} holds it for
 * the handler's duration: its {@link #getPrincipal()} is the value Padlock resolved (so that
 * {@code @AuthenticationPrincipal UserPrincipal user} receives it), with a name and authorities read off that value:
 * <ul>
 * <li>the name: a {@code UserPrincipal}'s user name, an {@code ApiKeyPrincipal}'s key id (never its secret), a
 * {@code JwtPrincipal}'s subject, {@code HttpBasicCredentials}' user name (never the password); for a type of the
 * application's, {@link Principal#getName()}, Spring Security's {@link AuthenticatedPrincipal#getName()} or
 * {@link UserDetails#getUsername()}; for any other value, {@code ""}. It is never the value's {@code toString()}: a
 * raw token or API key would become a name that logs and audit records print;</li>
 * <li>the authorities: {@code SCOPE_<scope>} (Spring Security's convention for OAuth2 scopes) for each scope of a
 * {@link GrantedScopes} value, which Padlock's principals are, after a {@link UserDetails} value's own
 * authorities;</li>
 * <li>{@link #isAuthenticated()}: {@code true} when a verifier produced the value; {@code false} when it is the
 * credentials a bare scheme read, which the handler still has to check (Spring Security's {@code isAuthenticated()}
 * refuses them).</li>
 * </ul>
 * It never holds credentials ({@link #getCredentials()} is {@code null}), and its {@link #toString()} names neither
 * the principal nor the details.
 */
public final class PadlockAuthentication extends AbstractAuthenticationToken {

    @Serial
    private static final long serialVersionUID = 1L;

    private static final String SCOPE_PREFIX = "SCOPE_";

    /** The value Padlock resolved for the handler. */
    private final Object principal;

    /** What {@link #getName()} answers, read off the principal once. */
    private final String name;

    private PadlockAuthentication(Object principal, String name, List<GrantedAuthority> authorities,
            boolean verified) {
        super(authorities);
        this.principal = principal;
        this.name = name;
        super.setAuthenticated(verified);
    }

    /**
     * @param principal the value Padlock resolved for the handler
     * @param verified whether a verifier produced it (not a bare scheme)
     * @return its authentication, with the name and authorities read off it
     */
    static PadlockAuthentication of(Object principal, boolean verified) {
        return new PadlockAuthentication(principal, nameOf(principal), authoritiesOf(principal), verified);
    }

    private static String nameOf(Object principal) {
        @Nullable String name = null;
        if (principal instanceof Principal named) {   // Padlock's user, API key and JWT principals too
            name = named.getName();
        }
        else if (principal instanceof HttpBasicCredentials basic) {
            name = basic.username();
        }
        else if (principal instanceof AuthenticatedPrincipal named) {
            name = named.getName();
        }
        else if (principal instanceof UserDetails user) {
            name = user.getUsername();
        }
        return (name != null) ? name : "";
    }

    private static List<GrantedAuthority> authoritiesOf(Object principal) {
        Set<GrantedAuthority> authorities = new LinkedHashSet<>();
        if (principal instanceof UserDetails user) {
            authorities.addAll(user.getAuthorities());
        }
        if (principal instanceof GrantedScopes granted) {
            for (String scope : granted.scopes()) {
                authorities.add(new SimpleGrantedAuthority(SCOPE_PREFIX + scope));
            }
        }
        return new ArrayList<>(authorities);
    }

    /**
     * @return the value Padlock resolved: the handler's first {@code @SecurityParam} value, or its first required
     * dependency's
     */
    @Override
    public Object getPrincipal() {
        return this.principal;
    }

    /**
     * @return {@code null}: the verifier checked the credentials, and Padlock hands them to no one else
     */
    @Override
    public @Nullable Object getCredentials() {
        return null;
    }

    /**
     * @return the principal's name as the class comment describes, {@code ""} when it has none that is no secret
     */
    @Override
    public String getName() {
        return this.name;
    }

    /**
     * Only Padlock decides that a request is authenticated.
     * @param authenticated {@code false} to mark it unauthenticated
     * @throws IllegalArgumentException when {@code authenticated} is {@code true}
     */
    @Override
    public void setAuthenticated(boolean authenticated) {
        if (authenticated) {
            throw new IllegalArgumentException("Only Padlock decides that a request is authenticated");
        }
        super.setAuthenticated(false);
    }

    /**
     * @return the name, whether it is authenticated and the authorities: never the principal, whose
     * {@code toString()} may print a credential
     */
    @Override
    public String toString() {
        return getClass().getSimpleName() + " [Name=" + this.name + ", Authenticated=" + isAuthenticated()
                + ", Authorities=" + getAuthorities() + "]";
    }
}
