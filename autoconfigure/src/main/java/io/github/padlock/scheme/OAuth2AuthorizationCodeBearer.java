package io.github.padlock.scheme;

import org.jspecify.annotations.Nullable;

/**
 * A bearer token (RFC 6750 §2.1) obtained with OAuth 2.0's authorization code flow (RFC 6749 §4.1): FastAPI's
 * {@code OAuth2AuthorizationCodeBearer}. Behaves exactly as {@link OAuth2PasswordBearer} at runtime (see
 * {@link OAuth2BearerScheme}); only the documented flow differs.
 */
public class OAuth2AuthorizationCodeBearer extends OAuth2BearerScheme {

    /**
     * @param builder the settings
     */
    protected OAuth2AuthorizationCodeBearer(Builder builder) {
        super(builder, OAuth2AuthorizationCodeBearer.class, "OAuth2AuthorizationCodeBearer",
                new SecuritySchemeModel.Flow(OAuth2.required(builder.authorizationUrl, "authorizationUrl"),
                        OAuth2.required(builder.tokenUrl, "tokenUrl"), builder.refreshUrl, builder.scopes));
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
    public SecuritySchemeModel model() {
        return new SecuritySchemeModel.OAuth2(new SecuritySchemeModel.Flows(null, null, null, flow()), description());
    }

    /**
     * Settings of an {@link OAuth2AuthorizationCodeBearer}, named after FastAPI's parameters.
     */
    public static class Builder extends OAuth2BearerScheme.Builder<Builder> {

        private @Nullable String authorizationUrl;

        private @Nullable String tokenUrl;

        /**
         * Lets a builder with more settings extend this one (it must set both URLs); applications start from {@link
         * OAuth2AuthorizationCodeBearer#builder(String, String)}.
         */
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
         * @return the scheme
         */
        public OAuth2AuthorizationCodeBearer build() {
            return new OAuth2AuthorizationCodeBearer(this);
        }
    }
}
