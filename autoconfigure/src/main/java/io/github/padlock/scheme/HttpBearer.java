package io.github.padlock.scheme;

import io.github.padlock.SecurityRequest;
import org.jspecify.annotations.Nullable;

/**
 * Bearer token authentication (RFC 6750 §2.1): FastAPI's {@code HTTPBearer}. Produces
 * {@code Authorization: Bearer <token>} as {@link HttpAuthorizationCredentials}; a verifier checks the token.
 * <p>
 * No header, an empty token or another scheme: 401 {@code Not authenticated} with {@code WWW-Authenticate: Bearer},
 * or {@code null} when {@code autoError} is off. Several {@code Authorization} headers, or a {@code Bearer} header
 * together with an {@code access_token} query parameter (RFC 6750 §2 allows one method only): 400
 * {@code invalid_request} with {@code WWW-Authenticate: Bearer error="invalid_request"} (RFC 6750 §3.1), whatever
 * {@code autoError}. Only the header is read, never a query parameter or form field (RFC 6750 §2.2, §2.3).
 */
public class HttpBearer extends AbstractSecurityScheme<HttpAuthorizationCredentials> {

    static final String SCHEME = "Bearer";

    private final @Nullable String bearerFormat;

    /**
     * @param builder the settings
     */
    protected HttpBearer(Builder builder) {
        super(builder, HttpBearer.class, "HTTPBearer");
        this.bearerFormat = builder.bearerFormat;
    }

    /**
     * @return a builder with FastAPI's defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public @Nullable HttpAuthorizationCredentials resolve(SecurityRequest request) {
        AuthorizationHeader.Parts header = bearerAuthorization(request);
        if (header.param().isEmpty() || !header.hasScheme(SCHEME)) {
            return missing();
        }
        return new HttpAuthorizationCredentials(header.scheme(), header.param());
    }

    @Override
    public String challenge() {
        return SCHEME;
    }

    /**
     * @return the documented token format, such as {@code JWT}, or {@code null}
     */
    public @Nullable String bearerFormat() {
        return this.bearerFormat;
    }

    @Override
    public SecuritySchemeModel model() {
        return new SecuritySchemeModel.Http("bearer", this.bearerFormat, description());
    }

    /**
     * Settings of an {@link HttpBearer}, named after FastAPI's parameters.
     */
    public static class Builder extends AbstractSecurityScheme.Builder<Builder> {

        private @Nullable String bearerFormat;

        /**
         * Lets a builder with more settings extend this one; applications start from {@link HttpBearer#builder()}.
         */
        protected Builder() {
        }

        /**
         * @param bearerFormat a hint at the token's format for the documentation, such as {@code JWT}
         * @return this builder
         */
        public Builder bearerFormat(@Nullable String bearerFormat) {
            this.bearerFormat = bearerFormat;
            return this;
        }

        /**
         * @return the scheme
         */
        public HttpBearer build() {
            return new HttpBearer(this);
        }
    }
}
