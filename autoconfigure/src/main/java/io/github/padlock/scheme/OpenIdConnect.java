package io.github.padlock.scheme;

import io.github.padlock.SecurityRequest;
import org.jspecify.annotations.Nullable;

/**
 * OpenID Connect, documented by its discovery URL: FastAPI's {@code OpenIdConnect}, which is a stub — the URL is
 * never fetched. Produces the whole {@code Authorization} value, any scheme accepted; a verifier makes sense of it.
 * <p>
 * No header or an empty one: 401 {@code Not authenticated} with {@code WWW-Authenticate: Bearer}, or {@code null}
 * when {@code autoError} is off. Several {@code Authorization} headers, or a {@code Bearer} header together with an
 * {@code access_token} query parameter (RFC 6750 §2 allows one method only): 400 {@code invalid_request} with
 * {@code WWW-Authenticate: Bearer error="invalid_request"} (RFC 6750 §3.1), whatever {@code autoError}.
 */
public class OpenIdConnect extends AbstractSecurityScheme<String> {

    private final String openIdConnectUrl;

    /**
     * @param builder the settings
     */
    protected OpenIdConnect(Builder builder) {
        super(builder, OpenIdConnect.class, "OpenIdConnect");
        this.openIdConnectUrl = OAuth2.required(builder.openIdConnectUrl, "openIdConnectUrl");
    }

    /**
     * @param openIdConnectUrl the OpenID Connect discovery URL, emitted verbatim
     * @return a builder
     */
    public static Builder builder(String openIdConnectUrl) {
        return new Builder().openIdConnectUrl(openIdConnectUrl);
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
     * @return the discovery URL
     */
    public String openIdConnectUrl() {
        return this.openIdConnectUrl;
    }

    @Override
    public SecuritySchemeModel model() {
        return new SecuritySchemeModel.OpenIdConnect(this.openIdConnectUrl, description());
    }

    /**
     * Settings of an {@link OpenIdConnect}, named after FastAPI's parameters.
     */
    public static class Builder extends AbstractSecurityScheme.Builder<Builder> {

        private @Nullable String openIdConnectUrl;

        /**
         * Lets a builder with more settings extend this one (it must set {@link #openIdConnectUrl(String)});
         * applications start from {@link OpenIdConnect#builder(String)}.
         */
        protected Builder() {
        }

        /**
         * @param openIdConnectUrl the OpenID Connect discovery URL
         * @return this builder
         */
        public Builder openIdConnectUrl(String openIdConnectUrl) {
            this.openIdConnectUrl = OAuth2.required(openIdConnectUrl, "openIdConnectUrl");
            return this;
        }

        /**
         * @return the scheme
         */
        public OpenIdConnect build() {
            return new OpenIdConnect(this);
        }
    }
}
