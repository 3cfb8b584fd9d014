package io.github.padlock.jwt;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A signed JSON Web Token issued by {@link JwtIssuer}, with what a token endpoint answers beside it (RFC 6749 §5.1):
 * when it expires and the scopes it grants. {@link #toString()} masks the token, so the record can be logged.
 *
 * @param value the compact JWS (RFC 7515 §7.1), to send as {@code access_token}
 * @param expiresAt its {@code exp}, whole seconds
 * @param scopes the scopes it grants, in order
 */
public record IssuedToken(String value, Instant expiresAt, List<String> scopes) {

    /**
     * Refuses a {@code null} token or expiry and copies the scopes.
     *
     * @param value the compact JWS (RFC 7515 §7.1), to send as {@code access_token}
     * @param expiresAt its {@code exp}, whole seconds
     * @param scopes the scopes it grants, in order
     */
    public IssuedToken {
        Objects.requireNonNull(value, "value must not be null");
        Objects.requireNonNull(expiresAt, "expiresAt must not be null");
        scopes = List.copyOf(scopes);
    }

    @Override
    public String toString() {
        return "IssuedToken[value=******, expiresAt=" + this.expiresAt + ", scopes=" + this.scopes + "]";
    }
}
