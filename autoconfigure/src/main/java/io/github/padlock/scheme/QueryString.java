package io.github.padlock.scheme;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * Parameters of a raw query string, read as {@code application/x-www-form-urlencoded} (UTF-8, {@code +} a space), the
 * one reading of query strings in Padlock, without {@code getParameter}, which may read a form body. A parameter whose
 * name cannot decode to the one looked for is skipped without decoding or copying it, so scanning a query costs
 * nothing on the common path.
 */
public final class QueryString {

    private QueryString() {
    }

    /**
     * @param query the raw query string, or {@code null}
     * @param name the parameter name, decoded
     * @return whether a parameter is named {@code name}, with or without a value
     */
    public static boolean contains(@Nullable String query, String name) {
        return count(query, name, 1) > 0;
    }

    /**
     * @param query the raw query string, or {@code null}
     * @param name the parameter name, decoded
     * @return how many parameters are named {@code name}
     */
    public static int count(@Nullable String query, String name) {
        return count(query, name, Integer.MAX_VALUE);
    }

    private static int count(@Nullable String query, String name, int enough) {
        if (query == null) {
            return 0;
        }
        int count = 0;
        int start = 0;
        while (start < query.length() && count < enough) {
            int end = end(query, start);
            if (nameIs(query, start, nameEnd(query, start, end), name)) {
                count++;
            }
            start = end + 1;
        }
        return count;
    }

    /**
     * @return where the parameter starting at {@code start} ends: its {@code &} or the end of the query
     */
    static int end(String query, int start) {
        int end = query.indexOf('&', start);
        return (end < 0) ? query.length() : end;
    }

    /**
     * @return where the name of the parameter from {@code start} to {@code end} ends: its {@code =}, or {@code end}
     * when it has no value
     */
    static int nameEnd(String query, int start, int end) {
        int equals = query.indexOf('=', start);
        return (equals < 0 || equals > end) ? end : equals;
    }

    /**
     * @return whether {@code query[start, end)} decodes to {@code name}; a name that does not decode is nobody's
     */
    static boolean nameIs(String query, int start, int end, String name) {
        int length = end - start;
        if (length == name.length() && query.regionMatches(start, name, 0, length)) {
            return true;
        }
        // Decoding never lengthens, and only %XX and + change anything.
        if (length < name.length() || !isEncoded(query, start, end)) {
            return false;
        }
        return name.equals(decode(query.substring(start, end)));
    }

    /**
     * @param text a name or value as sent
     * @return it decoded, or {@code null} when its percent-encoding is broken
     */
    static @Nullable String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }

    private static boolean isEncoded(String query, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = query.charAt(i);
            if (c == '%' || c == '+') {
                return true;
            }
        }
        return false;
    }
}
