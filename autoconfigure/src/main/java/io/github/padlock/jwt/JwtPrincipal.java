package io.github.padlock.jwt;

import java.security.Principal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.padlock.GrantedScopes;
import org.jspecify.annotations.Nullable;

/**
 * The holder of a verified JSON Web Token (RFC 7519): its subject ({@code sub}), the scopes it grants (from the
 * {@code scope} string of RFC 8693 §4.2 or the {@code scp} array) and all its claims, as JSON values (numbers for
 * {@code exp}, {@code iat} and {@code nbf}). {@link JwtDecoder} produces it.
 * <p>
 * Read-only all the way down (the arrays and objects inside claims too), so that a principal can be shared: a
 * {@link JwtDecoder} hands the same one to every request that sends the same token.
 * {@link #toString()} prints the subject and the scopes only, since claims may hold personal data.
 *
 * @param subject the {@code sub} claim, never blank
 * @param scopes the granted scopes, in the token's order
 * @param claims every claim of the token, read-only, JSON objects and arrays inside it too
 */
public record JwtPrincipal(String subject, List<String> scopes, Map<String, Object> claims) implements GrantedScopes, Principal {

    /**
     * @return the token's subject ({@code sub}), the name an audit event or Spring Security's {@code Authentication} gives this principal
     */
    @Override
    public String getName() {
        return this.subject;
    }

    /**
     * Refuses a {@code null} subject and copies the scopes and the claims, with the JSON objects and arrays they
     * hold, into read-only collections.
     *
     * @param subject the {@code sub} claim, never blank
     * @param scopes the granted scopes, in the token's order
     * @param claims every claim of the token
     */
    public JwtPrincipal {
        Objects.requireNonNull(subject, "subject must not be null");
        scopes = List.copyOf(scopes);
        claims = readOnly(claims);
    }

    /** JSON objects and arrays as read-only copies (keeping {@code null} values, which JSON allows), at any depth. */
    private static Map<String, Object> readOnly(Map<?, ?> object) {
        Map<String, Object> copy = new LinkedHashMap<>();
        object.forEach((name, value) -> copy.put(String.valueOf(name), readOnlyValue(value)));
        return Collections.unmodifiableMap(copy);
    }

    private static @Nullable Object readOnlyValue(@Nullable Object value) {
        if (value instanceof Map<?, ?> object) {
            return readOnly(object);
        }
        if (value instanceof List<?> array) {
            List<Object> copy = new ArrayList<>(array.size());
            array.forEach((element) -> copy.add(readOnlyValue(element)));
            return Collections.unmodifiableList(copy);
        }
        return value;
    }

    @Override
    public String toString() {
        return "JwtPrincipal[subject=" + this.subject + ", scopes=" + this.scopes + "]";
    }
}
