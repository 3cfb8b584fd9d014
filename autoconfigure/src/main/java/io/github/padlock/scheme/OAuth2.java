package io.github.padlock.scheme;

import java.util.Map;
import java.util.Objects;

import io.github.padlock.SecurityRequest;
import org.jspecify.annotations.Nullable;

/**
 * OAuth 2.0 (RFC 6749) with any set of flows: FastAPI's {@code OAuth2(flows=...)}. Produces the whole
 * {@code Authorization} value, scheme included and any scheme accepted ({@code Other footokenbar} →
 * {@code "Other footokenbar"}); a verifier makes sense of it. Most applications want {@link OAuth2PasswordBearer}
 * or {@link OAuth2AuthorizationCodeBearer}, which produce just the bearer token.
 * <p>
 * No header or an empty one: 401 {@code Not authenticated} with {@code WWW-Authenticate: Bearer}, or {@code null}
 * when {@code autoError} is off. Several {@code Authorization} headers, or a {@code Bearer} header together with an
 * {@code access_token} query parameter (RFC 6750 §2 allows one method only): 400 {@code invalid_request} with
 * {@code WWW-Authenticate: Bearer error="invalid_request"} (RFC 6750 §3.1), whatever {@code autoError}.
 */
public class OAuth2 extends AbstractSecurityScheme<String> {

    private final SecuritySchemeModel.Flows flows;

    /**
     * @param builder the settings
     */
    protected OAuth2(Builder builder) {
        super(builder, OAuth2.class, "OAuth2");
        this.flows = new SecuritySchemeModel.Flows(builder.implicit, builder.password, builder.clientCredentials,
                builder.authorizationCode);
    }

    /**
     * @return a builder with no flows (documented as {@code "flows": {}})
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public @Nullable String resolve(SecurityRequest request) {
        AuthorizationHeader.Parts header = bearerAuthorization(request);
        return header.value().isEmpty() ? missing() : header.value();
    }

    @Override
    public String challenge() {
        return HttpBearer.SCHEME;
    }

    /**
     * @return the documented flows
     */
    public SecuritySchemeModel.Flows flows() {
        return this.flows;
    }

    @Override
    public SecuritySchemeModel model() {
        return new SecuritySchemeModel.OAuth2(this.flows, description());
    }

    static String required(@Nullable String url, String name) {
        Objects.requireNonNull(url, name + " is required");
        if (url.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return url;
    }

    /**
     * Settings of an {@link OAuth2}: one method per OpenAPI flow, each with an optional refresh URL.
     */
    public static class Builder extends AbstractSecurityScheme.Builder<Builder> {

        private SecuritySchemeModel.@Nullable Flow implicit;

        private SecuritySchemeModel.@Nullable Flow password;

        private SecuritySchemeModel.@Nullable Flow clientCredentials;

        private SecuritySchemeModel.@Nullable Flow authorizationCode;

        /**
         * Lets a builder with more settings extend this one; applications start from {@link OAuth2#builder()}.
         */
        protected Builder() {
        }

        /**
         * @param authorizationUrl the authorization endpoint
         * @param scopes the available scopes and their descriptions
         * @return this builder
         */
        public Builder implicitFlow(String authorizationUrl, Map<String, String> scopes) {
            return implicitFlow(authorizationUrl, null, scopes);
        }

        /**
         * @param authorizationUrl the authorization endpoint
         * @param refreshUrl the refresh endpoint, or {@code null}
         * @param scopes the available scopes and their descriptions
         * @return this builder
         */
        public Builder implicitFlow(String authorizationUrl, @Nullable String refreshUrl, Map<String, String> scopes) {
            this.implicit = new SecuritySchemeModel.Flow(required(authorizationUrl, "authorizationUrl"), null,
                    refreshUrl, scopes);
            return this;
        }

        /**
         * @param tokenUrl the token endpoint
         * @param scopes the available scopes and their descriptions
         * @return this builder
         */
        public Builder passwordFlow(String tokenUrl, Map<String, String> scopes) {
            return passwordFlow(tokenUrl, null, scopes);
        }

        /**
         * @param tokenUrl the token endpoint
         * @param refreshUrl the refresh endpoint, or {@code null}
         * @param scopes the available scopes and their descriptions
         * @return this builder
         */
        public Builder passwordFlow(String tokenUrl, @Nullable String refreshUrl, Map<String, String> scopes) {
            this.password = new SecuritySchemeModel.Flow(null, required(tokenUrl, "tokenUrl"), refreshUrl, scopes);
            return this;
        }

        /**
         * @param tokenUrl the token endpoint
         * @param scopes the available scopes and their descriptions
         * @return this builder
         */
        public Builder clientCredentialsFlow(String tokenUrl, Map<String, String> scopes) {
            return clientCredentialsFlow(tokenUrl, null, scopes);
        }

        /**
         * @param tokenUrl the token endpoint
         * @param refreshUrl the refresh endpoint, or {@code null}
         * @param scopes the available scopes and their descriptions
         * @return this builder
         */
        public Builder clientCredentialsFlow(String tokenUrl, @Nullable String refreshUrl,
                Map<String, String> scopes) {
            this.clientCredentials = new SecuritySchemeModel.Flow(null, required(tokenUrl, "tokenUrl"), refreshUrl,
                    scopes);
            return this;
        }

        /**
         * @param authorizationUrl the authorization endpoint
         * @param tokenUrl the token endpoint
         * @param scopes the available scopes and their descriptions
         * @return this builder
         */
        public Builder authorizationCodeFlow(String authorizationUrl, String tokenUrl, Map<String, String> scopes) {
            return authorizationCodeFlow(authorizationUrl, tokenUrl, null, scopes);
        }

        /**
         * @param authorizationUrl the authorization endpoint
         * @param tokenUrl the token endpoint
         * @param refreshUrl the refresh endpoint, or {@code null}
         * @param scopes the available scopes and their descriptions
         * @return this builder
         */
        public Builder authorizationCodeFlow(String authorizationUrl, String tokenUrl, @Nullable String refreshUrl,
                Map<String, String> scopes) {
            this.authorizationCode = new SecuritySchemeModel.Flow(required(authorizationUrl, "authorizationUrl"),
                    required(tokenUrl, "tokenUrl"), refreshUrl, scopes);
            return this;
        }

        /**
         * @return the scheme
         */
        public OAuth2 build() {
            return new OAuth2(this);
        }
    }
}
