package io.github.padlock.scheme;

import java.util.Map;

import io.github.padlock.SecurityRequest;
import org.jspecify.annotations.Nullable;

/**
 * What {@link OAuth2PasswordBearer} and {@link OAuth2AuthorizationCodeBearer} share: they read a bearer token (RFC 6750
 * §2.1) and differ only in the OAuth2 flow they document.
 * <p>
 * No header or another scheme: 401 {@code Not authenticated} with {@code WWW-Authenticate: Bearer}, or {@code null}
 * when {@code autoError} is off. {@code Authorization: Bearer} with nothing after it produces {@code ""}, as in
 * FastAPI. Several {@code Authorization} headers, or a {@code Bearer} header together with an
 * {@code access_token} query parameter (RFC 6750 §2 allows one method only): 400 {@code invalid_request} with
 * {@code WWW-Authenticate: Bearer error="invalid_request"} (RFC 6750 §3.1), whatever {@code autoError}.
 * Only the header is read, never a query parameter or form field.
 */
public abstract class OAuth2BearerScheme extends AbstractSecurityScheme<String> {

    private final SecuritySchemeModel.Flow flow;

    OAuth2BearerScheme(Builder<?> builder, Class<?> schemeClass, String defaultSchemeName,
            SecuritySchemeModel.Flow flow) {
        super(builder, schemeClass, defaultSchemeName);
        this.flow = flow;
    }

    @Override
    public final @Nullable String resolve(SecurityRequest request) {
        AuthorizationHeader.Parts header = bearerAuthorization(request);
        return header.hasScheme(HttpBearer.SCHEME) ? header.param() : missing();
    }

    @Override
    public String challenge() {
        return HttpBearer.SCHEME;
    }

    /**
     * @return the documented flow
     */
    public SecuritySchemeModel.Flow flow() {
        return this.flow;
    }

    /**
     * The settings both bearer schemes have besides their URLs.
     *
     * @param <B> the concrete builder
     */
    public abstract static class Builder<B extends Builder<B>> extends AbstractSecurityScheme.Builder<B> {

        @Nullable String refreshUrl;

        Map<String, String> scopes = Map.of();

        Builder() {
        }

        /**
         * @param refreshUrl the refresh endpoint, or {@code null}
         * @return this builder
         */
        @SuppressWarnings("unchecked")
        public B refreshUrl(@Nullable String refreshUrl) {
            this.refreshUrl = refreshUrl;
            return (B) this;
        }

        /**
         * @param scopes the available scopes and their descriptions, listed in the Authorize dialog
         * @return this builder
         */
        @SuppressWarnings("unchecked")
        public B scopes(Map<String, String> scopes) {
            this.scopes = scopes;
            return (B) this;
        }
    }
}
