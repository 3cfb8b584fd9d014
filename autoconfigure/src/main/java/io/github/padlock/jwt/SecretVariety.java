package io.github.padlock.jwt;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

/**
 * Refuses a {@code secret} that is long enough but is no key: one with too little variety to be random (fewer than
 * {@value #MIN_DISTINCT_BYTES} distinct bytes, or a shorter pattern repeated), or a sample value that anyone can read
 * and sign tokens with. An HMAC key must be as hard to guess as its length says (RFC 7518 §3.2, RFC 8725 §3.5); a
 * value a person typed or copied from an example is not. Each refusal names the setting and says what to do instead,
 * and shows nothing of the value.
 */
final class SecretVariety {

    /** 32 random bytes hold about 30 distinct values; a secret with fewer than this many distinct bytes is no key. */
    static final int MIN_DISTINCT_BYTES = 8;

    private static final String INSTEAD = "; use random bytes instead, such as the output of openssl rand -base64 48 "
            + "(and keep it out of the repository)";

    /**
     * SHA-256 of sample secrets that have been published, in hex: the demo's fallback
     * ({@code padlock-demo-development-secret-not-for-production}, in {@code application.yml} until the demo started
     * generating one) and the {@code SECRET_KEY} of FastAPI's OAuth2 JWT tutorial, whose applications Padlock ports.
     */
    private static final Set<String> PUBLISHED = Set.of(
            "4e5bdfcd2e7dc10fe2ef5bda8db0f1ca8edd85eb8a4673870392ce3f7316709b",
            "570dad43de1af4c925f92c16a68a50936da42b7dd6fdeb24850507a1199aac89");

    private SecretVariety() {
    }

    /**
     * @param secret the {@code secret} setting's UTF-8 bytes, at least {@value VerificationKeys#MIN_SECRET_BYTES}
     * @throws IllegalArgumentException naming the setting when the secret has too little variety or was published
     */
    static void check(byte[] secret) {
        if (distinctBytes(secret) < MIN_DISTINCT_BYTES) {
            throw refused("has fewer than " + MIN_DISTINCT_BYTES + " distinct bytes");
        }
        if (shortestPeriod(secret) <= secret.length / 2) {
            throw refused("repeats a shorter pattern");
        }
        if (PUBLISHED.contains(sha256(secret))) {
            throw refused("is a sample value published in Padlock's demo or FastAPI's tutorial, which anyone can "
                    + "sign tokens with");
        }
    }

    private static int distinctBytes(byte[] secret) {
        boolean[] seen = new boolean[256];
        int distinct = 0;
        for (byte b : secret) {
            if (!seen[b & 0xFF]) {
                seen[b & 0xFF] = true;
                distinct++;
            }
        }
        return distinct;
    }

    /**
     * @return the smallest {@code p} such that every byte equals the one {@code p} before it, so that the secret is
     * its first {@code p} bytes repeated (the last repetition possibly cut short): its length less its longest border,
     * by Knuth-Morris-Pratt's prefix function
     */
    private static int shortestPeriod(byte[] secret) {
        int[] border = new int[secret.length];
        for (int i = 1; i < secret.length; i++) {
            int k = border[i - 1];
            while (k > 0 && secret[i] != secret[k]) {
                k = border[k - 1];
            }
            border[i] = (secret[i] == secret[k]) ? k + 1 : k;
        }
        return secret.length - border[secret.length - 1];
    }

    private static String sha256(byte[] secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("Every Java platform has SHA-256", ex);
        }
    }

    private static IllegalArgumentException refused(String why) {
        return new IllegalArgumentException(VerificationKeys.SECRET + ": " + why + INSTEAD);
    }
}
