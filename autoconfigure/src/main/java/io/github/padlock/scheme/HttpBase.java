package io.github.padlock.scheme;

import java.util.Objects;

import io.github.padlock.SecurityRequest;
import org.jspecify.annotations.Nullable;

/**
 * Any HTTP authentication scheme (RFC 9110 §11): FastAPI's {@code HTTPBase}. Produces the {@code Authorization}
 * header split into {@link HttpAuthorizationCredentials}.
 * <p>
 * As in FastAPI, the scheme the client sent is <em>not</em> compared with the configured one: {@code HttpBase} with
 * scheme {@code Other} accepts {@code Bearer foo} and produces scheme {@code Bearer} — compare it in your verifier.
 * A missing header, an empty scheme or empty credentials: 401 {@code Not authenticated} with the configured scheme
 * title-cased as the challenge ({@code other} → {@code Other}), or {@code null} when {@code autoError} is off.
 * Several {@code Authorization} headers (RFC 9110 §5.3 does not allow them to be combined): 400
 * {@code invalid_request} without a challenge, whatever {@code autoError}.
 */
public class HttpBase extends AbstractSecurityScheme<HttpAuthorizationCredentials> {

    private final String scheme;

    private final String challenge;

    /**
     * @param builder the settings
     */
    protected HttpBase(Builder builder) {
        super(builder, HttpBase.class, "HTTPBase");
        this.scheme = Objects.requireNonNull(builder.scheme, "scheme is required");
        this.challenge = titleCase(this.scheme);
    }

    /**
     * @param scheme the HTTP authentication scheme, such as {@code Other}; documented as given
     * @return a builder
     */
    public static Builder builder(String scheme) {
        return new Builder().scheme(scheme);
    }

    @Override
    public @Nullable HttpAuthorizationCredentials resolve(SecurityRequest request) {
        AuthorizationHeader.Parts header = authorization(request);
        if (header.scheme().isEmpty() || header.param().isEmpty()) {
            return missing();
        }
        return new HttpAuthorizationCredentials(header.scheme(), header.param());
    }


    /**
     * @return the configured scheme
     */
    public String scheme() {
        return this.scheme;
    }

    /**
     * @return the {@code WWW-Authenticate} value: the configured scheme title-cased, as Python's {@code str.title()}
     */
    @Override
    public String challenge() {
        return this.challenge;
    }

    @Override
    public SecuritySchemeModel model() {
        return new SecuritySchemeModel.Http(this.scheme, null, description());
    }

    /** Python's {@code str.title()}: a letter after a letter is lower case, any other letter upper case. */
    static String titleCase(String text) {
        StringBuilder title = new StringBuilder(text.length());
        boolean previousIsLetter = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean letter = Character.isLetter(c);
            title.append(!letter ? c : previousIsLetter ? Character.toLowerCase(c) : Character.toUpperCase(c));
            previousIsLetter = letter;
        }
        return title.toString();
    }

    /**
     * Settings of an {@link HttpBase}, named after FastAPI's parameters.
     */
    public static class Builder extends AbstractSecurityScheme.Builder<Builder> {

        private @Nullable String scheme;

        /**
         * Lets a builder with more settings extend this one (it must set {@link #scheme(String)}); applications start
         * from {@link HttpBase#builder(String)}.
         */
        protected Builder() {
        }

        /**
         * @param scheme the HTTP authentication scheme (an RFC 9110 token)
         * @return this builder
         */
        public Builder scheme(String scheme) {
            if (scheme.isEmpty() || !scheme.chars().allMatch(HttpBase::isTokenChar)) {
                throw new IllegalArgumentException("scheme must be an HTTP token (RFC 9110 §5.6.2), got '"
                        + scheme + "'");
            }
            this.scheme = scheme;
            return this;
        }

        /**
         * @return the scheme
         */
        public HttpBase build() {
            return new HttpBase(this);
        }
    }

    private static boolean isTokenChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }
}
