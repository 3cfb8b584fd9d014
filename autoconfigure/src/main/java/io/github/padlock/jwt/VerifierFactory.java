package io.github.padlock.jwt;

import java.security.Key;
import java.security.interfaces.EdECPublicKey;

import javax.crypto.SecretKey;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import org.jspecify.annotations.Nullable;

/**
 * nimbus's verifier factory, which knows the HMAC, RSA and EC algorithms, and also EdDSA: an Ed25519 key selected by
 * {@link ConfiguredKeySelector} verifies with {@link Ed25519Keys#verifier(EdECPublicKey)} (which needs Google Tink;
 * {@link JwtSettings} allows no EdDSA algorithm without it). The verifier of a shared secret is built once, a
 * {@link PooledMacVerifier} with keyed HMACs: nimbus's factory would build a new {@link MACVerifier} for every token,
 * copying the secret, and that one would look its HMAC up in the JCA providers and key it for every token.
 */
final class VerifierFactory extends DefaultJWSVerifierFactory {

    private final @Nullable SecretKey secretKey;

    private final @Nullable PooledMacVerifier secretVerifier;

    /**
     * @param secretKey the shared secret, or {@code null} when public keys verify
     */
    VerifierFactory(@Nullable SecretKey secretKey) {
        this.secretKey = secretKey;
        this.secretVerifier = (secretKey != null) ? new PooledMacVerifier(secretKey) : null;
    }

    @Override
    public JWSVerifier createJWSVerifier(JWSHeader header, Key key) throws JOSEException {
        if (key == this.secretKey && this.secretVerifier != null
                && MACVerifier.SUPPORTED_ALGORITHMS.contains(header.getAlgorithm())) {
            return this.secretVerifier;
        }
        if (JWSAlgorithm.Family.ED.contains(header.getAlgorithm()) && key instanceof EdECPublicKey ed25519) {
            return Ed25519Keys.verifier(ed25519);
        }
        return super.createJWSVerifier(header, key);
    }
}
