package io.github.padlock.scheme;

import org.jspecify.annotations.Nullable;

/**
 * A bearer token (RFC 6750 §2.1) obtained with OAuth 2.0's resource owner password flow (RFC 6749 §4.3):
 * FastAPI's {@code OAuth2PasswordBearer}. Produces just the token; a verifier checks it. The {@code tokenUrl} is
 * where Swagger UI's Authorize dialog posts the username and password. See {@link OAuth2BearerScheme} for its
 * answers.
 */
public class OAuth2PasswordBearer extends OAuth2BearerScheme {

    /**
     * @param builder the settings
     */
    protected OAuth2PasswordBearer(Builder builder) {
        super(builder, OAuth2PasswordBearer.class, "OAuth2PasswordBearer", new SecuritySchemeModel.Flow(null,
                OAuth2.required(builder.tokenUrl, "tokenUrl"), builder.refreshUrl, builder.scopes));
    }

    /**
     * @param tokenUrl the token endpoint, emitted verbatim in the document (a relative {@code token} stays relative)
     * @return a builder
     */
    public static Builder builder(String tokenUrl) {
        return new Builder().tokenUrl(tokenUrl);
    }

    @Override
    public SecuritySchemeModel model() {
        return new SecuritySchemeModel.OAuth2(new SecuritySchemeModel.Flows(null, flow(), null, null), description());
    }

    /**
     * Settings of an {@link OAuth2PasswordBearer}, named after FastAPI's parameters.
     */
    public static class Builder extends OAuth2BearerScheme.Builder<Builder> {

        private @Nullable String tokenUrl;

        /**
         * Lets a builder with more settings extend this one (it must set {@link #tokenUrl(String)}); applications start
         * from {@link OAuth2PasswordBearer#builder(String)}.
         */
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
         * @return the scheme
         */
        public OAuth2PasswordBearer build() {
            return new OAuth2PasswordBearer(this);
        }
    }
}
