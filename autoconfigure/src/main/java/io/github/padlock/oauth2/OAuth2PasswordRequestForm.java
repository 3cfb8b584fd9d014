package io.github.padlock.oauth2;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The resource owner password credentials request of RFC 6749 §4.3.2: FastAPI's {@code OAuth2PasswordRequestForm}.
 * Declare a handler parameter of this type (no annotation needed) and Padlock binds it from an
 * {@code application/x-www-form-urlencoded} or {@code multipart/form-data} body:
 *
 * <pre>{@code
 * @PostMapping("/token")
 * Map<String, String> login(OAuth2PasswordRequestForm form) { ... }
 * }</pre>
 *
 * Fields: {@code grant_type} (optional; when sent it must be exactly {@code password}), {@code username} and
 * {@code password} (required, non-empty), {@code scope} (optional, split on whitespace into {@link #scopes()}),
 * {@code client_id} and {@code client_secret} (optional). An empty field counts as absent, a field sent twice is
 * refused (RFC 6749 §3.2), and values in the query string are ignored. A malformed form is answered with 400
 * problem+json naming each bad field, with {@code "error": "invalid_request"} (RFC 6749 §5.2) — FastAPI answers 422,
 * but OAuth2 clients and Spring users expect 400. A body of another media type is answered with 415.
 * <p>
 * {@link #toString()} masks the password and the client secret.
 *
 * @param grantType the grant type, {@code password} or {@code null}
 * @param username the resource owner's username
 * @param password the resource owner's password
 * @param scopes the requested scopes, in order
 * @param clientId the client's identifier, or {@code null}
 * @param clientSecret the client's secret, or {@code null}
 */
public record OAuth2PasswordRequestForm(@Nullable String grantType, String username, String password,
        List<String> scopes, @Nullable String clientId, @Nullable String clientSecret) {

    /**
     * Refuses a {@code null} username or password and copies the scopes; Padlock's binding checks the rest.
     *
     * @param grantType the grant type, {@code password} or {@code null}
     * @param username the resource owner's username
     * @param password the resource owner's password
     * @param scopes the requested scopes, in order
     * @param clientId the client's identifier, or {@code null}
     * @param clientSecret the client's secret, or {@code null}
     */
    public OAuth2PasswordRequestForm {
        Objects.requireNonNull(username, "username must not be null");
        Objects.requireNonNull(password, "password must not be null");
        scopes = List.copyOf(scopes);
    }

    @Override
    public String toString() {
        return "OAuth2PasswordRequestForm[grantType=" + this.grantType + ", username=" + this.username
                + ", password=******, scopes=" + this.scopes + ", clientId=" + this.clientId + ", clientSecret="
                + ((this.clientSecret != null) ? "******" : null) + "]";
    }
}
