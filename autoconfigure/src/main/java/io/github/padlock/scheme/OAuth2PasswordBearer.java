package io.github.padlock.scheme;

import java.util.Map;

import io.github.padlock.NotAuthenticatedException;
import io.github.padlock.PadlockException;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * A bearer token (RFC 6750 §2.1) obtained with OAuth 2.0's resource owner password flow (RFC 6749 §4.3):
 * FastAPI's {@code OAuth2PasswordBearer}. Produces just the token; a verifier checks it. The {@code tokenUrl} is
 * where Swagger UI's Authorize dialog posts the username and password.
 * <p>
 * No header or another scheme: 401 {@code Not authenticated} with {@code WWW-Authenticate: Bearer}, or {@code null}
 * when {@code autoError} is off. {@code Authorization: Bearer} with nothing after it produces {@code ""}, as in
 * FastAPI. Several {@code Authorization} headers: the same 401 whatever {@code autoError}. Only the header is read.
 */
public class OAuth2PasswordBearer extends AbstractSecurityScheme<String> {

    private final SecuritySchemeModel.Flow flow;

    /**
     * @param builder the settings
     */
    protected OAuth2PasswordBearer(Builder builder) {
        super(builder, OAuth2PasswordBearer.class, "OAuth2PasswordBearer");
        this.flow = new SecuritySchemeModel.Flow(null, OAuth2.required(builder.tokenUrl, "tokenUrl"),
                builder.refreshUrl, builder.scopes);
    }

    /**
     * @param tokenUrl the token endpoint, emitted verbatim in the document (a relative {@code token} stays relative)
     * @return a builder
     */
    public static Builder builder(String tokenUrl) {
        return new Builder().tokenUrl(tokenUrl);
    }

    @Override
    public @Nullable String resolve(HttpServletRequest request) {
        AuthorizationHeader.Parts header = authorization(request);
        return header.hasScheme(HttpBearer.SCHEME) ? header.param() : missing();
    }

    @Override
    protected PadlockException makeNotAuthenticatedError() {
        return new NotAuthenticatedException(NotAuthenticatedException.NOT_AUTHENTICATED, HttpBearer.SCHEME);
    }

    /**
     * @return the documented password flow
     */
    public SecuritySchemeModel.Flow flow() {
        return this.flow;
    }

    @Override
    public SecuritySchemeModel model() {
        return new SecuritySchemeModel.OAuth2(new SecuritySchemeModel.Flows(null, this.flow, null, null),
                description());
    }

    /**
     * Settings of an {@link OAuth2PasswordBearer}, named after FastAPI's parameters.
     */
    public static class Builder extends AbstractSecurityScheme.Builder<Builder> {

        private @Nullable String tokenUrl;

        private @Nullable String refreshUrl;

        private Map<String, String> scopes = Map.of();

        protected Builder() {
        }

        /**
         * @param tokenUrl the token endpoint
         * @return this builder
         */
        public Builder tokenUrl(String tokenUrl) {
            this.tokenUrl = OAuth2.required(tokenUrl, "tokenUrl");
            return this;
        }

        /**
         * @param refreshUrl the refresh endpoint, or {@code null}
         * @return this builder
         */
        public Builder refreshUrl(@Nullable String refreshUrl) {
            this.refreshUrl = refreshUrl;
            return this;
        }

        /**
         * @param scopes the available scopes and their descriptions, listed in the Authorize dialog
         * @return this builder
         */
        public Builder scopes(Map<String, String> scopes) {
            this.scopes = scopes;
            return this;
        }

        /**
         * @return the scheme
         */
        public OAuth2PasswordBearer build() {
            return new OAuth2PasswordBearer(this);
        }
    }
}
