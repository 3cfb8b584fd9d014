package io.github.padlock.credentials;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The {@code sha256:<hex>} form of a stored API key, with nothing but the JDK, so that {@link ApiKeyGenerator} runs
 * on a bare class path.
 */
final class ApiKeyHashes {

    static final String SHA256_PREFIX = "sha256:";

    /** What a malformed stored hash or an unknown id is compared with: no key hashes to it. */
    static final byte[] NO_DIGEST = new byte[32];

    private ApiKeyHashes() {
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("Every Java platform has SHA-256", ex);
        }
    }

    static String hash(String key) {
        return SHA256_PREFIX + HexFormat.of().formatHex(sha256(key));
    }

    /** The 32 bytes of a {@code sha256:<64 hex digits>} hash; anything else never matches. */
    static byte[] parseDigest(String hash) {
        String hex = hash.substring(SHA256_PREFIX.length());
        if (hex.length() != 64) {
            return NO_DIGEST;
        }
        try {
            return HexFormat.of().parseHex(hex);
        }
        catch (IllegalArgumentException ex) {
            return NO_DIGEST;
        }
    }
}
