package io.github.padlock.oauth2;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The random values of the token endpoint and how the stores key them: refresh tokens (256 random bits, base64url,
 * stored only as their SHA-256), family ids (128 random bits) and the store key of a {@code jti} or family id.
 */
final class OpaqueTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    /** The longest id kept as it is; a longer one, or one with other characters, is kept as its SHA-256. */
    static final int MAX_PLAIN_ID = 64;

    private OpaqueTokens() {
    }

    /** {@return a new refresh token: 256 random bits, base64url without padding (43 characters)} */
    static String newRefreshToken() {
        return random(32);
    }

    /** {@return a new family id: 128 random bits, base64url without padding (22 characters)} */
    static String newFamilyId() {
        return random(16);
    }

    /**
     * @param token a refresh token as presented
     * @return its SHA-256, base64url without padding (43 characters): what the stores keep and look up
     */
    static String hash(String token) {
        return BASE64URL.encodeToString(sha256().digest(token.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The key under which a store keeps a {@code jti} or a family id: the id itself when it is at most
     * {@value #MAX_PLAIN_ID} base64url characters (every id Padlock issues: readable in the store), else {@code ~}
     * and its SHA-256 (a token of another issuer may carry a long id, or any character, which no key or column need
     * hold). {@code ~} is no base64url character, so the two forms never meet.
     * @param id a {@code jti} or a family id
     * @return its key, at most 64 characters
     */
    static String storeKey(String id) {
        if (id.length() <= MAX_PLAIN_ID && !id.isEmpty() && id.chars().allMatch(OpaqueTokens::isBase64Url)) {
            return id;
        }
        return "~" + hash(id);
    }

    private static boolean isBase64Url(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return BASE64URL.encodeToString(value);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("Every JDK has SHA-256", ex);
        }
    }
}
