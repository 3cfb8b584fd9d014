package io.github.padlock.jwt;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.EdECKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

import com.google.crypto.tink.subtle.Ed25519Sign;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

/**
 * Ed25519 keys (RFC 8037) for the EdDSA algorithms: whether they can be used, and their passage between the JDK's
 * key classes, which read PEM and which nimbus's key selection deals in, and nimbus's {@link OctetKeyPair}, which
 * its {@code Ed25519Signer} and {@code Ed25519Verifier} take.
 * <p>
 * nimbus-jose-jwt signs and verifies Ed25519 with Google Tink ({@code com.google.crypto.tink:tink}), an optional
 * dependency. {@link JwtSettings} refuses every Ed25519 key and EdDSA algorithm when {@link #available()} is false,
 * so that an application without Tink fails at start-up rather than on each token; {@link #privateJwk} and
 * {@link #pairs}, the only methods here that call Tink, are reached only after that check.
 */
final class Ed25519Keys {

    /** The Tink class nimbus-jose-jwt's {@code Ed25519Signer} signs with. */
    static final String TINK_CLASS = "com.google.crypto.tink.subtle.Ed25519Sign";

    /**
     * RFC 8410 §4 (and its example in §10.1): every Ed25519 SubjectPublicKeyInfo is this DER prefix — SEQUENCE,
     * AlgorithmIdentifier {1.3.101.112}, BIT STRING of 33 bytes with no unused bits — then the 32-byte key.
     */
    private static final byte[] SPKI_PREFIX = { 0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21,
            0x00 };

    private static final int KEY_BYTES = 32;

    /** Whether nimbus-jose-jwt, through its own class loader, finds Tink. */
    private static final boolean TINK_PRESENT = isTinkPresent(JWK.class.getClassLoader());

    private Ed25519Keys() {
    }

    /**
     * @return whether Ed25519 keys and the EdDSA algorithms can be used: Google Tink is on nimbus-jose-jwt's
     * classpath
     */
    static boolean available() {
        return TINK_PRESENT;
    }

    /**
     * The decision behind {@link #available()}, for the class loader given.
     * @param classLoader the class loader to look in, {@code null} for the default one
     * @return whether it finds {@value #TINK_CLASS}
     */
    static boolean isTinkPresent(@Nullable ClassLoader classLoader) {
        return ClassUtils.isPresent(TINK_CLASS, classLoader);
    }

    /**
     * @param key an EdDSA key read by the JDK
     * @return whether it is an Ed25519 key, rather than Ed448
     */
    static boolean isEd25519(EdECKey key) {
        return NamedParameterSpec.ED25519.getName().equalsIgnoreCase(key.getParams().getName());
    }

    /**
     * @param key an Ed25519 public key read by the JDK
     * @return the same key as a public JWK, its {@code x} taken from the key's X.509 encoding (RFC 8410 §4)
     * @throws GeneralSecurityException when the key's encoding is not an Ed25519 SubjectPublicKeyInfo
     */
    static OctetKeyPair publicJwk(EdECPublicKey key) throws GeneralSecurityException {
        byte[] der = key.getEncoded();
        if (der == null || der.length != SPKI_PREFIX.length + KEY_BYTES
                || !Arrays.equals(der, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0, SPKI_PREFIX.length)) {
            throw new GeneralSecurityException("not an Ed25519 public key");
        }
        byte[] x = Arrays.copyOfRange(der, SPKI_PREFIX.length, der.length);
        return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(x)).build();
    }

    /**
     * @param jwk an Ed25519 JWK, public or private
     * @return its public key as the JDK's {@link EdECPublicKey}, for nimbus's key selection, which hands on
     * {@link java.security.Key}s and cannot export an {@link OctetKeyPair} to one itself
     * @throws GeneralSecurityException when {@code x} is not an Ed25519 public key
     */
    static PublicKey javaKey(OctetKeyPair jwk) throws GeneralSecurityException {
        byte[] x = jwk.getDecodedX();
        if (!Curve.Ed25519.equals(jwk.getCurve()) || x.length != KEY_BYTES) {
            throw new GeneralSecurityException("not an Ed25519 public key");
        }
        byte[] der = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + KEY_BYTES);
        System.arraycopy(x, 0, der, SPKI_PREFIX.length, KEY_BYTES);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
    }

    /**
     * Needs Tink: the public half of a PKCS#8 Ed25519 key, which holds only the private seed, is derived from it.
     * @param key an Ed25519 private key read by the JDK
     * @return the same key as a private JWK, with {@code d} the seed and {@code x} its public key
     * @throws GeneralSecurityException when the key holds no 32-byte seed
     */
    static OctetKeyPair privateJwk(EdECPrivateKey key) throws GeneralSecurityException {
        byte[] seed = key.getBytes().orElseThrow(() -> new GeneralSecurityException("no private key bytes"));
        if (seed.length != KEY_BYTES) {
            throw new GeneralSecurityException("not an Ed25519 private key");
        }
        byte[] x = Ed25519Sign.KeyPair.newKeyPairFromSeed(seed).getPublicKey();
        return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(x)).d(Base64URL.encode(seed)).build();
    }

    /**
     * Needs Tink. A private JWK carries both halves, and nothing else ties them: a {@code x} that is not the
     * seed's would announce a key that cannot verify what the seed signs.
     * @param jwk an Ed25519 private JWK
     * @return whether its {@code x} is the public key of its {@code d}
     */
    static boolean pairs(OctetKeyPair jwk) {
        try {
            byte[] d = jwk.getDecodedD();
            return d != null && d.length == KEY_BYTES
                    && Arrays.equals(Ed25519Sign.KeyPair.newKeyPairFromSeed(d).getPublicKey(), jwk.getDecodedX());
        }
        catch (GeneralSecurityException ex) {
            return false;
        }
    }
}
