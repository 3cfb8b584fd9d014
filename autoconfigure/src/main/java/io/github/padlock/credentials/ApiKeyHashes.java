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

    static String hash(String key) {
        return SHA256_PREFIX + HexFormat.of().formatHex(newSha256().digest(key.getBytes(StandardCharsets.UTF_8)));
    }
}
