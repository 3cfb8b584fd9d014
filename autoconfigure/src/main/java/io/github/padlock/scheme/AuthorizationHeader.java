package io.github.padlock.scheme;

import io.github.padlock.RepeatedValueException;
import io.github.padlock.SecurityRequest;
import org.jspecify.annotations.Nullable;

/**
 * Reads and splits the {@code Authorization} header as FastAPI's {@code get_authorization_scheme_param} does: at the
 * first space, the rest stripped of surrounding whitespace. Never throws.
 */
final class AuthorizationHeader {

    static final String NAME = "Authorization";

    /** What an absent or empty header splits into. */
    static final Parts MISSING = new Parts("", "", "");

    private AuthorizationHeader() {
    }

    /**
     * @param request the request
     * @return the split header ({@link #MISSING} when absent), or {@code null} when the request has several
     * {@code Authorization} headers, which RFC 9110 §5.3 does not allow to be combined
     */
    static @Nullable Parts read(SecurityRequest request) {
        try {
            return split(request.header(NAME));
        }
        catch (RepeatedValueException ex) {
            return null;
        }
    }

    /**
     * RFC 9110 §11.1: an authentication scheme is a token compared case-insensitively, in ASCII only. Not
     * {@link String#equalsIgnoreCase}, which also folds non-ASCII look-alikes ({@code Baſic}, with U+017F, or
     * {@code Bas\u0130c}) onto {@code Basic}, unlike FastAPI's {@code str.lower()} and unlike proxies that read the
     * header as ASCII.
     * @param scheme a scheme as sent
     * @param expected the scheme looked for
     * @return whether they are the same scheme
     */
    static boolean sameScheme(String scheme, String expected) {
        if (scheme.length() != expected.length()) {
            return false;
        }
        for (int i = 0; i < expected.length(); i++) {
            if (asciiLowerCase(scheme.charAt(i)) != asciiLowerCase(expected.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static char asciiLowerCase(char c) {
        return (c >= 'A' && c <= 'Z') ? (char) (c + ('a' - 'A')) : c;
    }

    /**
     * @param value a header value
     * @return its scheme (as sent) and parameter (stripped); {@code ("", "")} for {@code null} or empty, and
     * {@code (value, "")} when there is no space
     */
    static Parts split(@Nullable String value) {
        if (value == null || value.isEmpty()) {
            return MISSING;
        }
        int space = value.indexOf(' ');
        if (space < 0) {
            return new Parts(value, value, "");
        }
        return new Parts(value, value.substring(0, space), value.substring(space + 1).strip());
    }

    /**
     * @param value the whole header value, as sent
     * @param scheme the authentication scheme as sent
     * @param param the rest of the header, stripped
     */
    record Parts(String value, String scheme, String param) {

        boolean hasScheme(String expected) {
            return sameScheme(this.scheme, expected);
        }
    }
}
