package io.github.padlock.scheme;

import io.github.padlock.SecurityRequest;
import org.jspecify.annotations.Nullable;

/**
 * HTTP Digest credentials (RFC 7616), read but not verified: FastAPI's {@code HTTPDigest}, which is a stub. Produces
 * {@code Authorization: Digest <params>} as {@link HttpAuthorizationCredentials}; checking the response against a
 * nonce is a verifier's job.
 * <p>
 * No header, empty credentials or another scheme: 401 {@code Not authenticated} with {@code WWW-Authenticate: Digest},
 * or {@code null} when {@code autoError} is off. Several {@code Authorization} headers (RFC 9110 §5.3 does not allow
 * them to be combined): 400 {@code invalid_request} without a challenge, whatever {@code autoError}.
 */
public class HttpDigest extends AbstractSecurityScheme<HttpAuthorizationCredentials> {

    private static final String SCHEME = "Digest";

    /**
     * @param builder the settings
     */
    protected HttpDigest(Builder builder) {
        super(builder, HttpDigest.class, "HTTPDigest");
    }

    /**
     * @return a builder with FastAPI's defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public @Nullable HttpAuthorizationCredentials resolve(SecurityRequest request) {
        AuthorizationHeader.Parts header = authorization(request);
        if (header.param().isEmpty() || !header.hasScheme(SCHEME)) {
            return missing();
        }
        return new HttpAuthorizationCredentials(header.scheme(), header.param());
    }

    @Override
    public String challenge() {
        return SCHEME;
    }

    @Override
    public SecuritySchemeModel model() {
        return new SecuritySchemeModel.Http("digest", null, description());
    }

    /**
     * Settings of an {@link HttpDigest}, named after FastAPI's parameters.
     */
    public static class Builder extends AbstractSecurityScheme.Builder<Builder> {

        /**
         * Lets a builder with more settings extend this one; applications start from {@link HttpDigest#builder()}.
         */
        protected Builder() {
        }

        /**
         * @return the scheme
         */
        public HttpDigest build() {
            return new HttpDigest(this);
        }
    }
}
