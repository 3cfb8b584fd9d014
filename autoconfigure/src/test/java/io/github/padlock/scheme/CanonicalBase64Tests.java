package io.github.padlock.scheme;

import java.util.Base64;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link CanonicalBase64} against the definition it replaces: text is canonical when encoding what it decodes to
 * gives it back — padded base64 (HTTP Basic) and unpadded base64url (JWS signatures).
 */
class CanonicalBase64Tests {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private static final String URL_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    @Test
    void isCanonicalWhenEveryLastCharacterOfEveryLengthThenSameAsReEncoding() {
        Random random = new Random(7617);
        int checked = 0;
        for (int length = 0; length <= 12; length++) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            String encoded = Base64.getEncoder().encodeToString(bytes);
            for (String candidate : variants(encoded)) {
                byte[] decoded;
                try {
                    decoded = Base64.getDecoder().decode(candidate);
                }
                catch (IllegalArgumentException ex) {
                    continue;
                }
                boolean reEncodes = Base64.getEncoder().encodeToString(decoded).equals(candidate);
                assertThat(CanonicalBase64.isCanonicalBase64(candidate)).as(candidate).isEqualTo(reEncodes);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(1_000);
    }

    @Test
    void isCanonicalBase64UrlWhenEveryLastCharacterOfEveryLengthThenSameAsReEncoding() {
        Random random = new Random(7515);
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        int checked = 0;
        for (int length = 0; length <= 12; length++) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            String encoded = encoder.encodeToString(bytes);
            for (String candidate : variants(encoded, URL_ALPHABET)) {
                if (candidate.contains("=")) {
                    continue;
                }
                byte[] decoded;
                try {
                    decoded = Base64.getUrlDecoder().decode(candidate);
                }
                catch (IllegalArgumentException ex) {
                    continue;
                }
                boolean reEncodes = encoder.encodeToString(decoded).equals(candidate);
                String token = "header.payload." + candidate;
                assertThat(CanonicalBase64.isCanonicalBase64Url(token, token.lastIndexOf('.') + 1, token.length()))
                    .as(candidate)
                    .isEqualTo(reEncodes);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(500);
    }

    private static String[] variants(String encoded) {
        return variants(encoded, ALPHABET);
    }

    /** The text, without its padding, and with each alphabet character in place of its last significant one. */
    private static String[] variants(String encoded, String alphabet) {
        String unpadded = encoded.replace("=", "");
        String padding = encoded.substring(unpadded.length());
        String[] variants = new String[2 * alphabet.length() + 2];
        int i = 0;
        variants[i++] = encoded;
        variants[i++] = unpadded;
        for (char c : alphabet.toCharArray()) {
            String replaced = unpadded.isEmpty() ? String.valueOf(c) : unpadded.substring(0, unpadded.length() - 1) + c;
            variants[i++] = replaced + padding;
            variants[i++] = replaced;
        }
        return variants;
    }
}
