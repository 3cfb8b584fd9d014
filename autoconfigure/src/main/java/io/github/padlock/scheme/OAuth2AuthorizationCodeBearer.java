package io.github.padlock.scheme;

import java.util.Map;

import io.github.padlock.NotAuthenticatedException;
import io.github.padlock.PadlockException;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * A bearer token (RFC 6750 §2.1) obtained with OAuth 2.0's authorization code flow (RFC 6749 §4.1): FastAPI's
 * {@code OAuth2AuthorizationCodeBearer}. Behaves exactly as {@link OAuth2PasswordBearer} at runtime; only the
 * documented flow differs.
 */
public class OAuth2AuthorizationCodeBearer extends AbstractSecurityScheme<String> {

    private final SecuritySchemeModel.Flow flow;

    /**
     * @param builder the settings
     */
    protected OAuth2AuthorizationCodeBearer(Builder builder) {
        super(builder, OAuth2AuthorizationCodeBearer.class, "OAuth2AuthorizationCodeBearer");
        this.flow = new SecuritySchemeModel.Flow(OAuth2.required(builder.authorizationUrl, "authorizationUrl"),
                OAuth2.required(builder.tokenUrl, "tokenUrl"), builder.refreshUrl, builder.scopes);
    }

    /**
     * @param authorizationUrl the authorization endpoint, emitted verbatim
     * @param tokenUrl the token endpoint, emitted verbatim
     * @return a builder
     */
    public static Builder builder(String authorizationUrl, String tokenUrl) {
        return new Builder().authorizationUrl(authorizationUrl).tokenUrl(tokenUrl);
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
     * @return the documented authorization code flow
     */
    public SecuritySchemeModel.Flow flow() {
        return this.flow;
    }

    @Override
    public SecuritySchemeModel model() {
        return new SecuritySchemeModel.OAuth2(new SecuritySchemeModel.Flows(null, null, null, this.flow),
                description());
    }

    /**
     * Settings of an {@link OAuth2AuthorizationCodeBearer}, named after FastAPI's parameters.
     */
    public static class Builder extends AbstractSecurityScheme.Builder<Builder> {

        private @Nullable String authorizationUrl;

        private @Nullable String tokenUrl;

        private @Nullable String refreshUrl;

        private Map<String, String> scopes = Map.of();

        protected Builder() {
        }

        /**
         * @param authorizationUrl the authorization endpoint
         * @return this builder
         */
        public Builder authorizationUrl(String authorizationUrl) {
            this.authorizationUrl = OAuth2.required(authorizationUrl, "authorizationUrl");
            return this;
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
         * @param scopes the available scopes and their descriptions
         * @return this builder
         */
        public Builder scopes(Map<String, String> scopes) {
            this.scopes = scopes;
            return this;
        }

        /**
         * @return the scheme
         */
        public OAuth2AuthorizationCodeBearer build() {
            return new OAuth2AuthorizationCodeBearer(this);
        }
    }
}
