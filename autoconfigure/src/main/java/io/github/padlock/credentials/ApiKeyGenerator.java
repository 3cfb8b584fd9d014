package io.github.padlock.credentials;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Generates a new API key {@code id.secret} (256 random bits, base64url) and the {@code sha256:} hash to put in
 * {@code padlock.api-keys.<id>.hash}. The key is shown once; only its hash is stored.
 * It needs nothing but the JDK:
 * <pre>
 * java -cp padlock-spring-boot-autoconfigure.jar io.github.padlock.credentials.ApiKeyGenerator reporting
 * </pre>
 */
public final class ApiKeyGenerator {

    private ApiKeyGenerator() {
    }

    /**
     * @param args one argument, the key's id: letters, digits, {@code -} and {@code _}
     */
    public static void main(String[] args) {
        if (args.length != 1 || !args[0].matches("[A-Za-z0-9_-]+")) {
            System.err.println("Usage: ApiKeyGenerator <id>   (id: letters, digits, - and _)");
            System.exit(2);
            return;
        }
        GeneratedKey key = generate(args[0]);
        System.out.println("API key (give it to the client, once): " + key.key());
        System.out.println();
        System.out.println("padlock:");
        System.out.println("  api-keys:");
        System.out.println("    " + key.id() + ":");
        System.out.println("      hash: " + key.hash());
    }

    static GeneratedKey generate(String id) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        String key = id + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new GeneratedKey(id, key, ApiKeyHashes.hash(key));
    }

    record GeneratedKey(String id, String key, String hash) {
    }
}
