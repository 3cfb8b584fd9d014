package io.github.padlock.jwt;

import java.util.List;

import com.nimbusds.jose.Algorithm;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.CurveBasedJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyType;
import org.jspecify.annotations.Nullable;

/**
 * What decides which JWS algorithms a key may be used with (RFC 7518 §3.1, RFC 8037 §3.1): its type, its curve and
 * its size. Padlock supports the HMAC, RSA and NIST-curve ECDSA algorithms, and EdDSA with Ed25519 keys ({@code EdDSA},
 * and {@code Ed25519} of RFC 9864) when Google Tink, which nimbus-jose-jwt signs and verifies Ed25519 with, is on the
 * classpath ({@link Ed25519Keys#available()}, checked where keys and algorithms are read). Ed448 is not supported:
 * nimbus-jose-jwt has no signer for it.
 *
 * @param type the key type
 * @param curve the curve of an EC or OKP key, otherwise {@code null}
 * @param bits the key size in bits (the modulus of an RSA key, the whole secret of an HMAC key)
 */
record KeyShape(KeyType type, @Nullable Curve curve, int bits) {

    /** The algorithms Padlock signs and verifies with, in the order defaults are listed. */
    static final List<JWSAlgorithm> SUPPORTED = List.of(JWSAlgorithm.HS256, JWSAlgorithm.HS384, JWSAlgorithm.HS512,
            JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384,
            JWSAlgorithm.PS512, JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512, JWSAlgorithm.EdDSA,
            JWSAlgorithm.Ed25519);

    /** RFC 7518 §3.3: an RSA key of 2048 bits or more. */
    static final int MIN_RSA_BITS = 2048;

    static KeyShape secret(int bytes) {
        return new KeyShape(KeyType.OCT, null, bytes * 8);
    }

    static KeyShape of(JWK key) {
        Curve curve = (key instanceof CurveBasedJWK curveBased) ? curveBased.getCurve() : null;
        return new KeyShape(key.getKeyType(), curve, key.size());
    }

    /**
     * @param algorithm a supported algorithm
     * @return whether this key can sign or verify with it: an HMAC key at least as long as the hash (RFC 7518
     * §3.2), an RSA key for RS and PS, an EC key on the algorithm's curve for ES (RFC 7518 §3.4), an Ed25519 key
     * for EdDSA and Ed25519 (RFC 8037 §3.1, RFC 9864)
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
        if (JWSAlgorithm.EdDSA.equals(algorithm) || JWSAlgorithm.Ed25519.equals(algorithm)) {
            return KeyType.OKP.equals(this.type) && Curve.Ed25519.equals(this.curve);
        }
        return false;
    }

    /**
     * @param declared the {@code alg} a JWK declares, or {@code null}
     * @return the algorithm used when none is configured: the JWK's own when supported, otherwise HS256 for a
     * secret, RS256 for RSA, ES256, ES384 or ES512 by curve for EC, and EdDSA for Ed25519; {@code null} when the key
     * fits none
     */
    @Nullable JWSAlgorithm defaultAlgorithm(@Nullable Algorithm declared) {
        if (declared != null) {
            JWSAlgorithm algorithm = JWSAlgorithm.parse(declared.getName());
            if (SUPPORTED.contains(algorithm) && fits(algorithm)) {
                return algorithm;
            }
        }
        for (JWSAlgorithm algorithm : List.of(JWSAlgorithm.HS256, JWSAlgorithm.RS256, JWSAlgorithm.ES256,
                JWSAlgorithm.ES384, JWSAlgorithm.ES512, JWSAlgorithm.EdDSA)) {
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
     * or {@code an Ed25519 key}
     */
    String describe() {
        if (KeyType.OCT.equals(this.type)) {
            return "the secret";
        }
        if (KeyType.OKP.equals(this.type)) {
            return "an " + this.curve + " key";
        }
        return (this.curve != null) ? "an " + this.type + " " + this.curve + " key" : "an " + this.type + " key";
    }
}
