package io.github.padlock.jwt;

import io.github.padlock.scheme.CanonicalBase64;

/**
 * What a bearer token must be before nimbus-jose-jwt parses it: short enough, and a JWS in the compact serialization
 * (RFC 7515 §7.1) spelled one way only. nimbus is lenient about both, so that without these checks one valid token
 * would have many acceptable spellings.
 */
final class CompactJws {

    /** Longer tokens are refused before they are parsed. */
    static final int MAX_LENGTH = 16 * 1024;

    private CompactJws() {
    }

    /**
     * @param token a bearer token as sent
     * @return whether nimbus may parse it
     */
    static boolean isAcceptable(String token) {
        return !token.isEmpty() && token.length() <= MAX_LENGTH && isCompactSerialization(token)
                && hasCanonicalSignature(token);
    }

    /**
     * RFC 7515 §7.1: base64url characters and dots only. nimbus trims the token ({@link String#trim()} drops NUL and
     * every other control character at either end) and its decoder skips characters outside the alphabet, so without
     * this a valid token surrounded by, or sprinkled with, such characters would still be taken.
     */
    private static boolean isCompactSerialization(String token) {
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.')) {
                return false;
            }
        }
        return true;
    }

    /**
     * RFC 7515 §2 and RFC 4648 §3.5: the signature in canonical base64url ({@link CanonicalBase64}). nimbus's decoder
     * ignores the unused bits of the last character, so that one signature has several spellings and a valid token
     * several strings. The header and payload need no check: the signature covers their spelling.
     */
    private static boolean hasCanonicalSignature(String token) {
        return CanonicalBase64.isCanonicalBase64Url(token, token.lastIndexOf('.') + 1, token.length());
    }
}
