package io.github.padlock.jwt;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.OctetKeyPair;
import org.jspecify.annotations.Nullable;

import static io.github.padlock.jwt.KeyMaterial.PRIVATE_KEY;
import static io.github.padlock.jwt.KeyMaterial.invalid;

/**
 * Reads the {@code private-key} setting, which signs the token endpoint's tokens: one private JWK (RFC 7517), or one
 * unencrypted PKCS#8 PEM {@code PRIVATE KEY} block (RFC 5958, RFC 7468). Keys are RSA of 2048 bits or more
 * (RFC 7518 §3.3), EC on P-256, P-384 or P-521, or Ed25519 ({@link Ed25519Keys}); a private Ed25519 JWK must carry
 * the public key of its seed.
 */
final class PrivateKeys {

    private PrivateKeys() {
    }

    /**
     * The key that signs: the secret, which also verifies, or else the private key when one is given.
     * @param secret the {@code secret} setting's bytes, or {@code null}
     * @param privateKey the {@code private-key} setting, or {@code null}
     * @return the signing key, or {@code null} when there is none
     */
    static @Nullable SigningKey signingKey(byte @Nullable [] secret, @Nullable String privateKey) {
        if (secret != null) {
            if (privateKey != null) {
                throw invalid(PRIVATE_KEY, "cannot be combined with secret, which both signs and verifies");
            }
            return SigningKey.secret(secret);
        }
        return (privateKey != null) ? read(privateKey) : null;
    }

    /**
     * @param text one unencrypted PKCS#8 PEM {@code PRIVATE KEY} block, or one private JWK
     * @return the key, ready to sign
     */
    static SigningKey read(String text) {
        String trimmed = text.strip();
        if (KeyMaterial.isJson(trimmed)) {
            List<JWK> jwks = KeyMaterial.jwks(trimmed, PRIVATE_KEY);
            if (jwks.size() != 1) {
                throw invalid(PRIVATE_KEY, "must hold exactly one key");
            }
            return privateKey(PublicKeys.checked(jwks.get(0), PRIVATE_KEY));
        }
        List<KeyMaterial.Block> blocks = KeyMaterial.pem(trimmed, PRIVATE_KEY);
        if (blocks.size() != 1) {
            throw invalid(PRIVATE_KEY, "must hold exactly one PEM block");
        }
        return privateKey(blocks.get(0));
    }

    private static SigningKey privateKey(KeyMaterial.Block block) {
        switch (block.type()) {
            case "PRIVATE KEY" -> {
                Key key = KeyMaterial.generate(new PKCS8EncodedKeySpec(block.der()), false, PRIVATE_KEY);
                if (key instanceof RSAPrivateKey rsa) {
                    return rsa(new KeyShape(KeyType.RSA, null, rsa.getModulus().bitLength()), null, rsa);
                }
                if (key instanceof ECPrivateKey ec) {
                    Curve curve = KeyMaterial.curve(ec.getParams(), PRIVATE_KEY);
                    return ec(new KeyShape(KeyType.EC, curve, ec.getParams().getCurve().getField().getFieldSize()),
                            null, ec);
                }
                if (key instanceof EdECPrivateKey ed) {
                    Ed25519Keys.check(ed, PRIVATE_KEY);
                    try {
                        return Ed25519Keys.signingKey(Ed25519Keys.privateJwk(ed));
                    }
                    catch (GeneralSecurityException ex) {
                        throw invalid(PRIVATE_KEY, "holds an Ed25519 key that cannot sign");
                    }
                }
                throw KeyMaterial.unsupported(key, PRIVATE_KEY);
            }
            case "RSA PRIVATE KEY", "EC PRIVATE KEY" -> throw invalid(PRIVATE_KEY, "holds a " + block.type()
                    + " block; convert it to PKCS#8 PRIVATE KEY (openssl pkcs8 -topk8 -nocrypt)");
            case "ENCRYPTED PRIVATE KEY" -> throw invalid(PRIVATE_KEY, "is encrypted; give an unencrypted PKCS#8 "
                    + "PRIVATE KEY block");
            default -> throw invalid(PRIVATE_KEY, "holds a PEM block of type " + block.type()
                    + "; use PRIVATE KEY (PKCS#8)");
        }
    }

    private static SigningKey privateKey(JWK jwk) {
        if (!jwk.isPrivate()) {
            throw invalid(PRIVATE_KEY, "holds a public key; give the private key");
        }
        if (jwk instanceof OctetKeyPair okp) {
            if (!Ed25519Keys.pairs(okp)) {
                throw invalid(PRIVATE_KEY, "holds an Ed25519 JWK whose x is not the public key of its d");
            }
            return Ed25519Keys.signingKey(okp);
        }
        try {
            KeyShape shape = KeyShape.of(jwk);
            return KeyType.RSA.equals(jwk.getKeyType())
                    ? rsa(shape, jwk.getKeyID(), jwk.toRSAKey().toPrivateKey())
                    : ec(shape, jwk.getKeyID(), jwk.toECKey().toPrivateKey());
        }
        catch (JOSEException | RuntimeException ex) {
            throw invalid(PRIVATE_KEY, "holds a private JWK that is not usable for signing");
        }
    }

    private static SigningKey rsa(KeyShape shape, @Nullable String keyId, PrivateKey key) {
        if (shape.bits() < KeyShape.MIN_RSA_BITS) {
            throw invalid(PRIVATE_KEY, "RSA keys must be at least " + KeyShape.MIN_RSA_BITS + " bits (RFC 7518 §3.3)");
        }
        return SigningKey.rsa(shape, keyId, key);
    }

    private static SigningKey ec(KeyShape shape, @Nullable String keyId, PrivateKey key) {
        try {
            return SigningKey.ec(shape, keyId, key);
        }
        catch (JOSEException ex) {
            throw invalid(PRIVATE_KEY, "holds " + shape.describe() + ", which cannot sign");
        }
    }
}
