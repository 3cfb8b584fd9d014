package io.github.padlock.oauth2;

import java.util.List;

import com.nimbusds.jose.Algorithm;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyType;
import org.jspecify.annotations.Nullable;

/**
 * What decides which JWS algorithms a key may be used with (RFC 7518 §3.1): its type, its curve and its size.
 * Padlock supports the HMAC, RSA and NIST-curve ECDSA algorithms; EdDSA would need Google Tink, which nimbus-jose-jwt
 * uses for Ed25519 and which is not on the classpath.
 *
 * @param type the key type
 * @param curve the curve of an EC key, otherwise {@code null}
 * @param bits the key size in bits (the modulus of an RSA key, the whole secret of an HMAC key)
 */
record KeyShape(KeyType type, @Nullable Curve curve, int bits) {

    /** The algorithms Padlock signs and verifies with, in the order defaults are listed. */
    static final List<JWSAlgorithm> SUPPORTED = List.of(JWSAlgorithm.HS256, JWSAlgorithm.HS384, JWSAlgorithm.HS512,
            JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384,
            JWSAlgorithm.PS512, JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512);

    /** RFC 7518 §3.3: an RSA key of 2048 bits or more. */
    static final int MIN_RSA_BITS = 2048;

    static KeyShape secret(int bytes) {
        return new KeyShape(KeyType.OCT, null, bytes * 8);
    }

    static KeyShape of(JWK key) {
        Curve curve = (key instanceof ECKey ec) ? ec.getCurve() : null;
        return new KeyShape(key.getKeyType(), curve, key.size());
    }

    /**
     * @param algorithm a supported algorithm
     * @return whether this key can sign or verify with it: an HMAC key at least as long as the hash (RFC 7518
     * §3.2), an RSA key for RS and PS, an EC key on the algorithm's curve for ES (RFC 7518 §3.4)
     */
    boolean fits(JWSAlgorithm algorithm) {
        if (JWSAlgorithm.Family.HMAC_SHA.contains(algorithm)) {
            return KeyType.OCT.equals(this.type) && this.bits >= minSecretBits(algorithm);
        }
        if (JWSAlgorithm.Family.RSA.contains(algorithm)) {
            return KeyType.RSA.equals(this.type);
        }
        if (JWSAlgorithm.Family.EC.contains(algorithm)) {
            return KeyType.EC.equals(this.type) && Curve.forJWSAlgorithm(algorithm).contains(this.curve);
        }
        return false;
    }

    /**
     * @param declared the {@code alg} a JWK declares, or {@code null}
     * @return the algorithm used when none is configured: the JWK's own when supported, otherwise HS256 for a
     * secret, RS256 for RSA, and ES256, ES384 or ES512 by curve; {@code null} when the key fits none
     */
    @Nullable JWSAlgorithm defaultAlgorithm(@Nullable Algorithm declared) {
        if (declared != null) {
            JWSAlgorithm algorithm = JWSAlgorithm.parse(declared.getName());
            if (SUPPORTED.contains(algorithm) && fits(algorithm)) {
                return algorithm;
            }
        }
        for (JWSAlgorithm algorithm : List.of(JWSAlgorithm.HS256, JWSAlgorithm.RS256, JWSAlgorithm.ES256,
                JWSAlgorithm.ES384, JWSAlgorithm.ES512)) {
            if (fits(algorithm)) {
                return algorithm;
            }
        }
        return null;
    }

    static int minSecretBits(JWSAlgorithm algorithm) {
        return Integer.parseInt(algorithm.getName().substring(2));
    }

    /**
     * @return a description that names the key's type but nothing of its material, such as {@code an EC P-256 key}
     */
    String describe() {
        if (KeyType.OCT.equals(this.type)) {
            return "the secret";
        }
        return (this.curve != null) ? "an " + this.type + " " + this.curve + " key" : "an " + this.type + " key";
    }
}
