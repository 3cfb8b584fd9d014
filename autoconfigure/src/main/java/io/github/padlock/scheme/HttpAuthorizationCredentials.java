package io.github.padlock.scheme;

import java.util.Objects;

/**
 * An {@code Authorization} header split into its scheme and credentials (RFC 9110 §11.6.2), as {@link HttpBase},
 * {@link HttpBearer} and {@link HttpDigest} produce it. {@link #toString()} masks the credentials, so the record can
 * be logged.
 *
 * @param scheme the authentication scheme, as the client sent it (its case kept)
 * @param credentials what follows the scheme, surrounding whitespace stripped
 */
public record HttpAuthorizationCredentials(String scheme, String credentials) {

    /**
     * Refuses {@code null} parts.
     *
     * @param scheme the authentication scheme, as the client sent it (its case kept)
     * @param credentials what follows the scheme, surrounding whitespace stripped
     */
    public HttpAuthorizationCredentials {
        Objects.requireNonNull(scheme, "scheme must not be null");
        Objects.requireNonNull(credentials, "credentials must not be null");
    }

    /**
     * @param expected an authentication scheme, such as {@code Bearer}
     * @return whether {@link #scheme()} is that scheme, compared case-insensitively in ASCII only (RFC 9110 §11.1),
     * as the schemes themselves compare it
     */
    public boolean hasScheme(String expected) {
        return AuthorizationHeader.sameScheme(this.scheme, expected);
    }

    @Override
    public String toString() {
        return "HttpAuthorizationCredentials[scheme=" + this.scheme + ", credentials=******]";
    }
}
