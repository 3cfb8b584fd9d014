package io.github.padlock.scheme;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * Whether a query string carries RFC 6750 §2.3's {@code access_token} parameter, found without reading a form body
 * (unlike {@code getParameter}) and without allocating unless a parameter name is percent-encoded.
 */
final class AccessTokenQuery {

    static final String NAME = "access_token";

    private AccessTokenQuery() {
    }

    /**
     * @param query the raw query string, or {@code null}
     * @return whether one of its parameters is named exactly {@code access_token} (after percent-decoding), with or
     * without a value
     */
    static boolean isPresent(@Nullable String query) {
        if (query == null) {
            return false;
        }
        int length = query.length();
        int start = 0;
        while (start < length) {
            int end = query.indexOf('&', start);
            if (end < 0) {
                end = length;
            }
            int nameEnd = query.indexOf('=', start);
            if (nameEnd < 0 || nameEnd > end) {
                nameEnd = end;
            }
            if (isName(query, start, nameEnd)) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    private static boolean isName(String query, int start, int end) {
        if (end - start == NAME.length() && query.regionMatches(start, NAME, 0, NAME.length())) {
            return true;
        }
        // Only an encoded name (access%5Ftoken) can decode to it; '+' decodes to a space, never to a letter.
        if (end - start <= NAME.length() || !hasPercent(query, start, end)) {
            return false;
        }
        try {
            return NAME.equals(URLDecoder.decode(query.substring(start, end), StandardCharsets.UTF_8));
        }
        catch (IllegalArgumentException ex) {
            return false;
        }
    }

    private static boolean hasPercent(String query, int start, int end) {
        for (int i = start; i < end; i++) {
            if (query.charAt(i) == '%') {
                return true;
            }
        }
        return false;
    }
}
