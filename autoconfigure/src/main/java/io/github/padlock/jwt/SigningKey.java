package io.github.padlock.jwt;

import java.security.Key;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyConverter;
import com.nimbusds.jose.jwk.OctetKeyPair;
import org.jspecify.annotations.Nullable;

/**
 * A key that signs tokens — the secret, or the private key — with nimbus's signer for it and the key id
 * ({@code kid}, RFC 7515 §4.1.4) to announce; an Ed25519 key's comes from {@link Ed25519Keys#signingKey}. Holds key
 * material: {@link #toString()} names only its shape.
 */
final class SigningKey {

    private final KeyShape shape;

    private final @Nullable String keyId;

    private final JWSSigner signer;

    SigningKey(KeyShape shape, @Nullable String keyId, JWSSigner signer) {
        this.shape = shape;
        this.keyId = keyId;
        this.signer = signer;
    }

    static SigningKey secret(byte[] secret) {
        try {
            return new SigningKey(KeyShape.secret(secret.length), null, new MACSigner(secret));
        }
        catch (JOSEException ex) {
            throw new IllegalArgumentException("secret: must be at least 256 bits (32 bytes) of key material");
        }
    }

    static SigningKey rsa(KeyShape shape, @Nullable String keyId, PrivateKey key) {
        return new SigningKey(shape, keyId, new RSASSASigner(key));
    }

    static SigningKey ec(KeyShape shape, @Nullable String keyId, PrivateKey key) throws JOSEException {
        return new SigningKey(shape, keyId, new ECDSASigner(key, shape.curve()));
    }

    KeyShape shape() {
        return this.shape;
    }

    @Nullable String keyId() {
        return this.keyId;
    }

    JWSSigner signer() {
        return this.signer;
    }

    /**
     * @param algorithms the allowed algorithms, in order of preference
     * @return the first that fits this key, or {@code null}
     */
    @Nullable JWSAlgorithm firstFitting(List<JWSAlgorithm> algorithms) {
        return algorithms.stream().filter(this.shape::fits).findFirst().orElse(null);
    }

    /**
     * Whether this private key pairs with one of the public keys given with it: a probe signed with this key verifies
     * with one of them.
     * @param publicKeys the {@code public-key} setting's keys
     * @param algorithm the algorithm this key signs with
     * @return whether one of them verifies what this key signs
     */
    boolean pairsWithAnyOf(List<JWK> publicKeys, JWSAlgorithm algorithm) {
        try {
            JWSObject probe = new JWSObject(new JWSHeader(algorithm), new Payload("padlock"));
            probe.sign(this.signer);
            for (JWK key : publicKeys) {
                if (KeyShape.of(key).fits(algorithm)) {
                    for (JWSVerifier verifier : verifiers(key, probe.getHeader())) {
                        if (probe.verify(verifier)) {
                            return true;
                        }
                    }
                }
            }
        }
        catch (JOSEException | RuntimeException ex) {
            // not a pair
        }
        return false;
    }

    /**
     * nimbus's verifiers for a public key: an Ed25519 JWK's through {@link Ed25519Keys}, since nimbus's verifier
     * factory knows no EdDSA and nimbus cannot export an {@link OctetKeyPair} to a {@link java.security.Key}.
     */
    private static List<JWSVerifier> verifiers(JWK key, JWSHeader header) throws JOSEException {
        if (key instanceof OctetKeyPair ed25519) {
            return List.of(Ed25519Keys.verifier(ed25519));
        }
        List<JWSVerifier> verifiers = new ArrayList<>();
        for (Key javaKey : KeyConverter.toJavaKeys(List.of(key))) {
            verifiers.add(new DefaultJWSVerifierFactory().createJWSVerifier(header, javaKey));
        }
        return verifiers;
    }

    @Override
    public String toString() {
        return "SigningKey[" + this.shape.describe() + "]";
    }
}
