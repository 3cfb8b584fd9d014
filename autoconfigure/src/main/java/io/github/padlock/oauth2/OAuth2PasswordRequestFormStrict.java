package io.github.padlock.oauth2;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * {@link OAuth2PasswordRequestForm} with {@code grant_type} required, as RFC 6749 §4.3.2 says: FastAPI's
 * {@code OAuth2PasswordRequestFormStrict}. Bound the same way, from the same fields, with the same answers to a
 * malformed form; a form without {@code grant_type=password} is refused.
 *
 * @param grantType the grant type, always {@code password}
 * @param username the resource owner's username
 * @param password the resource owner's password
 * @param scopes the requested scopes, in order
 * @param clientId the client's identifier, or {@code null}
 * @param clientSecret the client's secret, or {@code null}
 */
public record OAuth2PasswordRequestFormStrict(String grantType, String username, String password, List<String> scopes,
        @Nullable String clientId, @Nullable String clientSecret) {

    /**
     * Refuses a {@code null} grant type, username or password and copies the scopes; Padlock's binding checks the
     * rest.
     *
     * @param grantType the grant type, always {@code password}
     * @param username the resource owner's username
     * @param password the resource owner's password
     * @param scopes the requested scopes, in order
     * @param clientId the client's identifier, or {@code null}
     * @param clientSecret the client's secret, or {@code null}
     */
    public OAuth2PasswordRequestFormStrict {
        Objects.requireNonNull(grantType, "grantType must not be null");
        Objects.requireNonNull(username, "username must not be null");
        Objects.requireNonNull(password, "password must not be null");
        scopes = List.copyOf(scopes);
    }

    @Override
    public String toString() {
        return "OAuth2PasswordRequestFormStrict[grantType=" + this.grantType + ", username=" + this.username
                + ", password=******, scopes=" + this.scopes + ", clientId=" + this.clientId + ", clientSecret="
                + ((this.clientSecret != null) ? "******" : null) + "]";
    }
}
