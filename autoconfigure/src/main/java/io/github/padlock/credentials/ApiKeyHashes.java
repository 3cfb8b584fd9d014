package io.github.padlock.credentials;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The {@code sha256:<hex>} form of a stored API key — the prefix and 64 hexadecimal digits — in one place, with
 * nothing but the JDK, so that {@link ApiKeyGenerator} runs on a bare class path.
 */
public final class ApiKeyHashes {

    /** The prefix of a SHA-256 API-key hash. */
    public static final String SHA256_PREFIX = "sha256:";

    private static final int DIGEST_LENGTH = 32;

    private ApiKeyHashes() {
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("Every Java platform has SHA-256", ex);
        }
    }

    /**
     * @param hash a stored hash
     * @return whether it is {@code sha256:} and 64 hexadecimal digits
     */
    public static boolean isSha256(String hash) {
        return hash.length() == SHA256_PREFIX.length() + 2 * DIGEST_LENGTH && hash.startsWith(SHA256_PREFIX)
                && hash.chars().skip(SHA256_PREFIX.length()).allMatch(HexFormat::isHexDigit);
    }

    /**
     * Decodes a {@code sha256:} hash into {@code digest} in place.
     * @param hash a stored hash
     * @param digest 32 bytes to fill
     * @return whether {@code hash} is well formed ({@link #isSha256}); when not, {@code digest} is left zeroed
     */
    static boolean decodeSha256(String hash, byte[] digest) {
        if (hash.length() != SHA256_PREFIX.length() + 2 * DIGEST_LENGTH || !hash.startsWith(SHA256_PREFIX)) {
            Arrays.fill(digest, (byte) 0);
            return false;
        }
        int start = SHA256_PREFIX.length();
        for (int i = 0; i < DIGEST_LENGTH; i++) {
            char high = hash.charAt(start + 2 * i);
            char low = hash.charAt(start + 2 * i + 1);
            if (!HexFormat.isHexDigit(high) || !HexFormat.isHexDigit(low)) {
                Arrays.fill(digest, (byte) 0);
                return false;
            }
            digest[i] = (byte) ((HexFormat.fromHexDigit(high) << 4) | HexFormat.fromHexDigit(low));
        }
        return true;
    }

    /**
     * @param key a whole API key, {@code id.secret}
     * @return its {@code sha256:} hash
     */
    public static String hash(String key) {
        return SHA256_PREFIX + HexFormat.of().formatHex(newSha256().digest(key.getBytes(StandardCharsets.UTF_8)));
    }
}
