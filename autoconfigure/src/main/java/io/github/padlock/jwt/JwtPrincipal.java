package io.github.padlock.jwt;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.padlock.GrantedScopes;

/**
 * The holder of a verified JSON Web Token (RFC 7519): its subject ({@code sub}), the scopes it grants (from the
 * {@code scope} string of RFC 8693 §4.2 or the {@code scp} array) and all its claims, as JSON values (numbers for
 * {@code exp}, {@code iat} and {@code nbf}). {@link JwtDecoder} produces it.
 * <p>
 * {@link #toString()} prints the subject and the scopes only, since claims may hold personal data.
 *
 * @param subject the {@code sub} claim, never blank
 * @param scopes the granted scopes, in the token's order
 * @param claims every claim of the token, read-only
 */
public record JwtPrincipal(String subject, List<String> scopes, Map<String, Object> claims) implements GrantedScopes {

    /**
     * Refuses a {@code null} subject and copies the scopes and the claims into read-only collections.
     *
     * @param subject the {@code sub} claim, never blank
     * @param scopes the granted scopes, in the token's order
     * @param claims every claim of the token
     */
    public JwtPrincipal {
        Objects.requireNonNull(subject, "subject must not be null");
        scopes = List.copyOf(scopes);
        claims = Collections.unmodifiableMap(new LinkedHashMap<>(claims));
    }

    @Override
    public String toString() {
        return "JwtPrincipal[subject=" + this.subject + ", scopes=" + this.scopes + "]";
    }
}
