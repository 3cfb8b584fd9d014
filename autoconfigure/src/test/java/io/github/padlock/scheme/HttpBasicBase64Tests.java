package io.github.padlock.scheme;

import java.util.Base64;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link HttpBasic#isCanonical(String)} against the definition it replaces: text is canonical base64 when encoding
 * what it decodes to gives it back.
 */
class HttpBasicBase64Tests {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

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
                assertThat(HttpBasic.isCanonical(candidate)).as(candidate).isEqualTo(reEncodes);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(1_000);
    }

    /** The text, without its padding, and with each alphabet character in place of its last significant one. */
    private static String[] variants(String encoded) {
        String unpadded = encoded.replace("=", "");
        String padding = encoded.substring(unpadded.length());
        String[] variants = new String[2 * ALPHABET.length() + 2];
        int i = 0;
        variants[i++] = encoded;
        variants[i++] = unpadded;
        for (char c : ALPHABET.toCharArray()) {
            String replaced = unpadded.isEmpty() ? String.valueOf(c) : unpadded.substring(0, unpadded.length() - 1) + c;
            variants[i++] = replaced + padding;
            variants[i++] = replaced;
        }
        return variants;
    }
}
