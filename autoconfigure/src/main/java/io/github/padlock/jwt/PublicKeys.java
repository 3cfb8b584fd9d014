package io.github.padlock.jwt;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.X509CertUtils;

import static io.github.padlock.jwt.KeyMaterial.PUBLIC_KEY;
import static io.github.padlock.jwt.KeyMaterial.invalid;

/**
 * Reads the {@code public-key} setting: a public JWK or JWK Set (RFC 7517), or PEM (RFC 7468) {@code PUBLIC KEY} and
 * {@code CERTIFICATE} blocks (the latter through nimbus's {@link X509CertUtils}). Keys are RSA of 2048 bits or more
 * (RFC 7518 §3.3), EC on P-256, P-384 or P-521, or Ed25519 (OKP JWKs, RFC 8037; PEM, RFC 8410), which
 * {@link Ed25519Keys} checks and refuses without Google Tink.
 */
final class PublicKeys {

    private PublicKeys() {
    }

    /**
     * @param text PEM {@code PUBLIC KEY} or {@code CERTIFICATE} blocks, or a public JWK or JWK Set
     * @return the public keys, at least one
     */
    static List<JWK> read(String text) {
        String trimmed = text.strip();
        List<JWK> keys = new ArrayList<>();
        if (KeyMaterial.isJson(trimmed)) {
            for (JWK jwk : KeyMaterial.jwks(trimmed, PUBLIC_KEY)) {
                if (jwk.isPrivate()) {
                    throw invalid(PUBLIC_KEY, "holds a private or symmetric key; give the public key here "
                            + "(a shared secret goes in secret, a private key in private-key)");
                }
                keys.add(checked(jwk, PUBLIC_KEY));
            }
        }
        else {
            for (KeyMaterial.Block block : KeyMaterial.pem(trimmed, PUBLIC_KEY)) {
                keys.add(checked(publicKey(block), PUBLIC_KEY));
            }
        }
        if (keys.isEmpty()) {
            throw invalid(PUBLIC_KEY, "holds no key");
        }
        return List.copyOf(keys);
    }

    /**
     * A JWK, public or private, that can sign or verify here: not symmetric, RSA keys long enough, and fitting some
     * supported algorithm.
     * @param jwk the key
     * @param setting the setting it comes from
     * @return the key
     */
    static JWK checked(JWK jwk, String setting) {
        KeyType type = jwk.getKeyType();
        if (jwk instanceof OctetKeyPair okp) {
            Ed25519Keys.check(okp, setting);
        }
        if (KeyType.OCT.equals(type)) {
            throw invalid(setting, "holds a symmetric (oct) key; a shared secret goes in secret");
        }
        KeyShape shape = KeyShape.of(jwk);
        if (KeyType.RSA.equals(type) && shape.bits() < KeyShape.MIN_RSA_BITS) {
            throw invalid(setting, "RSA keys must be at least " + KeyShape.MIN_RSA_BITS + " bits (RFC 7518 §3.3)");
        }
        if (shape.defaultAlgorithm(null) == null) {
            throw invalid(setting, "holds " + shape.describe() + ", which fits no supported algorithm");
        }
        return jwk;
    }

    private static JWK publicKey(KeyMaterial.Block block) {
        switch (block.type()) {
            case "PUBLIC KEY" -> {
                Key key = KeyMaterial.generate(new X509EncodedKeySpec(block.der()), true, PUBLIC_KEY);
                if (key instanceof RSAPublicKey rsa) {
                    return new RSAKey.Builder(rsa).build();
                }
                if (key instanceof ECPublicKey ec) {
                    return new ECKey.Builder(KeyMaterial.curve(ec.getParams(), PUBLIC_KEY), ec).build();
                }
                if (key instanceof EdECPublicKey ed) {
                    Ed25519Keys.check(ed, PUBLIC_KEY);
                    try {
                        return Ed25519Keys.publicJwk(ed);
                    }
                    catch (GeneralSecurityException ex) {
                        throw invalid(PUBLIC_KEY, "holds an Ed25519 key that is not readable");
                    }
                }
                throw KeyMaterial.unsupported(key, PUBLIC_KEY);
            }
            case "CERTIFICATE" -> {
                return certifiedKey(block);
            }
            case "PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY", "ENCRYPTED PRIVATE KEY" ->
                throw invalid(PUBLIC_KEY, "holds a private key; give the public key here and the private key as "
                        + "private-key");
            case "RSA PUBLIC KEY" -> throw invalid(PUBLIC_KEY, "holds a PKCS#1 RSA PUBLIC KEY block; convert it to "
                    + "a PUBLIC KEY block (openssl rsa -RSAPublicKey_in -pubout)");
            default -> throw invalid(PUBLIC_KEY, "holds a PEM block of type " + block.type()
                    + "; use PUBLIC KEY or CERTIFICATE");
        }
    }

    private static JWK certifiedKey(KeyMaterial.Block block) {
        X509Certificate certificate = X509CertUtils.parse(block.der());
        if (certificate == null) {
            throw invalid(PUBLIC_KEY, "holds a CERTIFICATE block that is not a readable X.509 certificate");
        }
        if (certificate.getPublicKey() instanceof EdECKey ed) {
            Ed25519Keys.check(ed, PUBLIC_KEY);
            throw invalid(PUBLIC_KEY, "holds a certificate of an Ed25519 key, which nimbus-jose-jwt does not "
                    + "read; give its PUBLIC KEY block (openssl x509 -pubkey -noout)");
        }
        try {
            return JWK.parse(certificate).toPublicJWK();
        }
        catch (JOSEException | RuntimeException ex) {
            throw invalid(PUBLIC_KEY, "holds a certificate whose key is neither RSA nor EC");
        }
    }
}
