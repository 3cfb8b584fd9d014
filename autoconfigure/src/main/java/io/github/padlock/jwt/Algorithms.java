package io.github.padlock.jwt;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import org.jspecify.annotations.Nullable;

/**
 * The JWS algorithms a {@link JwtSettings} accepts (RFC 8725 §3.1: only those configured, never {@code none}), and
 * their fit with the keys: each must fit a verifying key, and the signing key must fit one of them and pair with the
 * public key given beside it.
 */
final class Algorithms {

    static final String ALGORITHMS = "algorithms";

    private Algorithms() {
    }

    /**
     * @param names the {@code algorithms} setting, in order of preference; empty for the keys' defaults
     * @param keys the keys that verify
     * @param signingKey the key that signs, or {@code null}
     * @return the algorithms accepted, in order of preference
     * @throws IllegalArgumentException naming the setting when an algorithm is unknown, unsafe or fits no key
     */
    static List<JWSAlgorithm> choose(List<String> names, VerificationKeys keys, @Nullable SigningKey signingKey) {
        List<JWSAlgorithm> algorithms = names.isEmpty() ? defaults(keys, signingKey) : explicit(names);
        List<KeyShape> shapes = keys.shapes();
        for (JWSAlgorithm algorithm : algorithms) {
            checkFits(algorithm, keys, shapes);
        }
        if (signingKey != null) {
            JWSAlgorithm signing = signingKey.firstFitting(algorithms);
            if (signing == null) {
                throw new IllegalArgumentException(KeyMaterial.PRIVATE_KEY + ": holds "
                        + signingKey.shape().describe() + ", which fits none of the algorithms " + names(algorithms));
            }
            if (!keys.publicKeys().isEmpty() && !signingKey.pairsWithAnyOf(keys.publicKeys(), signing)) {
                throw new IllegalArgumentException(KeyMaterial.PRIVATE_KEY + ": does not pair with any key of "
                        + KeyMaterial.PUBLIC_KEY);
            }
        }
        return List.copyOf(algorithms);
    }

    /**
     * HS256 for a secret; for a JWK Set URL, the signing key's default or RS256; for public keys, each key's default
     * ({@link KeyShape#defaultAlgorithm}).
     */
    private static List<JWSAlgorithm> defaults(VerificationKeys keys, @Nullable SigningKey signingKey) {
        if (keys.isSecret()) {
            return List.of(JWSAlgorithm.HS256);
        }
        if (keys.isJwkSetUri()) {
            JWSAlgorithm signing = (signingKey != null) ? signingKey.shape().defaultAlgorithm(null) : null;
            return List.of((signing != null) ? signing : JWSAlgorithm.RS256);
        }
        Set<JWSAlgorithm> defaults = new LinkedHashSet<>();
        for (JWK key : keys.publicKeys()) {
            defaults.add(Objects.requireNonNull(KeyShape.of(key).defaultAlgorithm(key.getAlgorithm())));
        }
        return List.copyOf(defaults);
    }

    private static List<JWSAlgorithm> explicit(List<String> names) {
        Set<JWSAlgorithm> algorithms = new LinkedHashSet<>();
        for (String name : names) {
            String trimmed = name.strip();
            if (trimmed.equalsIgnoreCase("none")) {
                throw new IllegalArgumentException(ALGORITHMS + ": none is never accepted (RFC 8725 §3.2)");
            }
            Ed25519Keys.checkAlgorithm(trimmed);
            JWSAlgorithm algorithm = KeyShape.SUPPORTED.stream()
                .filter((supported) -> supported.getName().equalsIgnoreCase(trimmed))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(ALGORITHMS + ": unknown JWS algorithm '"
                        + trimmed + "'; use some of " + names(KeyShape.SUPPORTED)));
            algorithms.add(algorithm);
        }
        return List.copyOf(algorithms);
    }

    private static void checkFits(JWSAlgorithm algorithm, VerificationKeys keys, List<KeyShape> shapes) {
        if (keys.isJwkSetUri()) {
            if (JWSAlgorithm.Family.HMAC_SHA.contains(algorithm)) {
                throw new IllegalArgumentException(ALGORITHMS + ": " + algorithm + " needs a secret, and "
                        + VerificationKeys.JWK_SET_URI + " serves public keys");
            }
            return;
        }
        if (shapes.stream().anyMatch((shape) -> shape.fits(algorithm))) {
            return;
        }
        if (keys.isSecret() && JWSAlgorithm.Family.HMAC_SHA.contains(algorithm)) {
            int bits = KeyShape.minSecretBits(algorithm);
            throw new IllegalArgumentException(VerificationKeys.SECRET + ": must be at least " + bits + " bits ("
                    + bits / 8 + " bytes) of key material for " + algorithm);
        }
        String where = keys.isSecret() ? "the secret" : "any key of " + KeyMaterial.PUBLIC_KEY;
        throw new IllegalArgumentException(ALGORITHMS + ": " + algorithm + " does not fit " + where);
    }

    static String names(List<JWSAlgorithm> algorithms) {
        return algorithms.stream().map(JWSAlgorithm::getName).toList().toString();
    }
}
