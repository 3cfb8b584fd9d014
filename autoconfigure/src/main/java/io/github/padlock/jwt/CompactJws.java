package io.github.padlock.jwt;

import java.util.Arrays;

import io.github.padlock.scheme.CanonicalBase64;

/**
 * What a bearer token must be before nimbus-jose-jwt parses it: short enough, a JWS in the compact serialization
 * (RFC 7515 §7.1) spelled one way only, and JSON no deeper than {@value #MAX_DEPTH} levels in its header and payload.
 * nimbus is lenient about the first two, so that without these checks one valid token would have many acceptable
 * spellings; and a parser that recursed as deep as the token asks would overflow its stack.
 */
final class CompactJws {

    /** Longer tokens are refused before they are parsed. */
    static final int MAX_LENGTH = 16 * 1024;

    /** The deepest nesting of JSON objects and arrays accepted in the header and the payload, the outer object 1. */
    static final int MAX_DEPTH = 32;

    /**
     * The six bits of each base64url character (RFC 4648 §5 Table 2), -1 for the other ASCII characters: one array
     * read per character, where comparisons would branch up to eight times.
     */
    private static final byte[] SEXTETS = new byte[128];

    static {
        Arrays.fill(SEXTETS, (byte) -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = 0; i < alphabet.length(); i++) {
            SEXTETS[alphabet.charAt(i)] = (byte) i;
        }
    }

    private CompactJws() {
    }

    /**
     * One pass over the token's characters (and three {@link String#indexOf} scans for its dots).
     * @param token a bearer token as sent
     * @return whether nimbus may parse it
     */
    static boolean isAcceptable(String token) {
        int length = token.length();
        if (length == 0 || length > MAX_LENGTH) {
            return false;
        }
        int header = token.indexOf('.');
        int payload = (header > 0) ? token.indexOf('.', header + 1) : -1;
        // Three parts, as a JWS has in the compact serialization (nimbus refuses any other count as a signed JWT).
        if (payload < 0 || token.indexOf('.', payload + 1) >= 0) {
            return false;
        }
        return isShallow(token, 0, header) && isShallow(token, header + 1, payload)
                && isBase64Url(token, payload + 1, length)
                && CanonicalBase64.isCanonicalBase64Url(token, payload + 1, length);
    }

    /**
     * RFC 7515 §7.1: base64url characters only, here for the signature ({@link #isShallow} checks the header's and
     * the payload's). nimbus trims the token ({@link String#trim()} drops NUL and every other control character at
     * either end) and its decoder skips characters outside the alphabet, so without this a valid token surrounded by,
     * or sprinkled with, such characters would still be taken. The signature must also be canonical (RFC 7515 §2, RFC
     * 4648 §3.5, {@link CanonicalBase64}): nimbus's decoder ignores the unused bits of the last character, so that one
     * signature would have several spellings and a valid token several strings. The header and payload need no such
     * check: the signature covers their spelling.
     */
    private static boolean isBase64Url(String token, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = token.charAt(i);
            if (c >= 128 || SEXTETS[c] < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a part is base64url characters only ({@link #isBase64Url}) and the JSON it encodes nests objects and
     * arrays at most {@value #MAX_DEPTH} deep, counted on its UTF-8 bytes (no byte of a multi-byte character is ASCII). nimbus parses JSON leniently (Gson),
     * which also takes single-quoted strings and comments; either could hide a bracket from this count, and neither
     * is JSON (RFC 8259), so a {@code '}, {@code /} or {@code #} outside a string refuses the token. Elsewhere a
     * bracket outside a double-quoted string is structure to Gson too, so the count is the depth Gson would reach.
     * @param token the token
     * @param start the part's first character
     * @param end after its last character
     * @return whether the part is base64url of bytes nested at most that deep, with none of those three characters
     * outside a string
     */
    private static boolean isShallow(String token, int start, int end) {
        if ((end - start) % 4 == 1) {
            return false; // no whole bytes: not base64url (RFC 4648 §5)
        }
        // Decoded in place, a byte at a time: a request allocates nothing for this check.
        int bits = 0;
        int bitCount = 0;
        int depth = 0;
        boolean inString = false;
        boolean escaped = false;
        for (int i = start; i < end; i++) {
            char c = token.charAt(i);
            int sextet = (c < 128) ? SEXTETS[c] : -1;
            if (sextet < 0) {
                return false; // not base64url: see isBase64Url
            }
            bits = (bits << 6) | sextet;
            bitCount += 6;
            if (bitCount < 8) {
                continue;
            }
            bitCount -= 8;
            int b = (bits >>> bitCount) & 0xFF;
            bits &= (1 << bitCount) - 1;
            if (inString) {
                if (escaped) {
                    escaped = false;
                }
                else if (b == '\\') {
                    escaped = true;
                }
                else if (b == '"') {
                    inString = false;
                }
            }
            else if (b == '"') {
                inString = true;
            }
            else if (b == '{' || b == '[') {
                if (++depth > MAX_DEPTH) {
                    return false;
                }
            }
            else if (b == '}' || b == ']') {
                depth--;
            }
            else if (b == '\'' || b == '/' || b == '#') {
                return false;
            }
        }
        return true;
    }
}
