package io.github.padlock.jwt;

import java.security.PrivateKey;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.OctetKeyPair;
import org.jspecify.annotations.Nullable;

/**
 * A key that signs tokens — the secret, or the private key — with nimbus's signer for it and the key id
 * ({@code kid}, RFC 7515 §4.1.4) to announce. Holds key material: {@link #toString()} names only its shape.
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

    /**
     * Needs Google Tink, which nimbus's {@link Ed25519Signer} signs with: call only when
     * {@link Ed25519Keys#available()}.
     */
    static SigningKey ed25519(KeyShape shape, @Nullable String keyId, OctetKeyPair key) throws JOSEException {
        return new SigningKey(shape, keyId, new Ed25519Signer(key));
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

    @Override
    public String toString() {
        return "SigningKey[" + this.shape.describe() + "]";
    }
}
