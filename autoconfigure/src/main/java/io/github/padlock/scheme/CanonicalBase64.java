package io.github.padlock.scheme;

/**
 * RFC 4648's canonical encodings, checked in place without decoding: the one spelling of given bytes. Decoders
 * (Java's, nimbus-jose-jwt's) accept non-zero pad bits, and Java's accepts missing padding, so that one credential has
 * several spellings; Padlock refuses all but the canonical one, so that what was authenticated is never ambiguous.
 */
public final class CanonicalBase64 {

    private CanonicalBase64() {
    }

    /**
     * RFC 4648 §4 with padding, as HTTP Basic uses it (RFC 7617 §2): a length that is a multiple of 4 and zero pad
     * bits (§3.5).
     * @param text text of base64 characters that a decoder accepted
     * @return whether it is canonical
     */
    public static boolean isCanonicalBase64(String text) {
        int length = text.length();
        if (length % 4 != 0) {
            return false;
        }
        if (length == 0 || text.charAt(length - 1) != '=') {
            return true;
        }
        boolean two = text.charAt(length - 2) == '=';
        return (sextet(text.charAt(length - (two ? 3 : 2))) & (two ? 0b1111 : 0b11)) == 0;
    }

    /**
     * RFC 4648 §5 without padding, as JWS uses it (RFC 7515 §2): a length that is not 1 more than a multiple of 4 and
     * zero unused bits in the last character (§3.5).
     * @param text text whose characters from {@code start} to {@code end} are base64url characters
     * @param start the first character
     * @param end after the last character
     * @return whether that part is canonical
     */
    public static boolean isCanonicalBase64Url(String text, int start, int end) {
        int length = end - start;
        if (length % 4 == 1) {
            return false;
        }
        if (length == 0) {
            return true;
        }
        int unusedBits = (length % 4 == 2) ? 4 : (length % 4 == 3) ? 2 : 0;
        return (sextet(text.charAt(end - 1)) & ((1 << unusedBits) - 1)) == 0;
    }

    /**
     * The value of a character of either alphabet (RFC 4648 §4 Table 1, §5 Table 2), for code that decodes in place.
     * @param c a character of either alphabet
     * @return its six bits
     */
    public static int sextet(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return (c == '+' || c == '-') ? 62 : 63;
    }
}
