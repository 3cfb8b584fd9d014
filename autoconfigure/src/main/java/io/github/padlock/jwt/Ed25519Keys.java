package io.github.padlock.jwt;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.EdECKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.google.crypto.tink.subtle.Ed25519Sign;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

/**
 * Everything EdDSA (RFC 8037) in one place: whether Ed25519 keys can be used, reading them, and signing, verifying and
 * selecting keys with them. nimbus-jose-jwt signs and verifies Ed25519 with Google Tink
 * ({@code com.google.crypto.tink:tink}), an optional dependency, and deals in its own {@link OctetKeyPair}, which it
 * can neither read from PEM nor export to a JDK {@link Key}; the JDK reads PEM and nimbus's key selection deals in
 * {@link Key}s, so keys pass between the two here.
 * <p>
 * {@link JwtSettings} refuses every Ed25519 key and EdDSA algorithm when {@link #available()} is false (through the
 * {@code check} methods here), so that an application without Tink fails at start-up rather than on each token;
 * the methods that reach Tink — {@link #privateJwk}, {@link #pairs}, {@link #signingKey} and {@link #verifier} — are
 * reached only after that check. Ed448 is not supported: nimbus-jose-jwt has no signer for it.
 */
final class Ed25519Keys {

    /** The Tink class nimbus-jose-jwt's {@code Ed25519Signer} signs with. */
    static final String TINK_CLASS = "com.google.crypto.tink.subtle.Ed25519Sign";

    /** Why Ed25519 keys and the EdDSA algorithms are refused when Google Tink is not on the classpath. */
    static final String EDDSA_NOT_SUPPORTED = "EdDSA (Ed25519) keys are not supported: nimbus-jose-jwt needs "
            + "Google Tink (com.google.crypto.tink:tink) for them, which is not on the classpath";

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

    /** @return whether Ed25519 keys and EdDSA can be used: Google Tink is on nimbus-jose-jwt's classpath */
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
     * @param setting the setting that names an Ed25519 key or an EdDSA algorithm
     * @throws IllegalArgumentException with {@link #EDDSA_NOT_SUPPORTED} when Tink is not on the classpath
     */
    private static void requireEdDsa(String setting) {
        if (!available()) {
            throw KeyMaterial.invalid(setting, EDDSA_NOT_SUPPORTED);
        }
    }

    /**
     * @param name an algorithm of the {@code algorithms} setting: Ed448 is not supported, and EdDSA and Ed25519
     * (RFC 9864) need Tink
     */
    static void checkAlgorithm(String name) {
        if (name.equalsIgnoreCase("Ed448")) {
            throw KeyMaterial.invalid(Algorithms.ALGORITHMS, "Ed448 is not supported; nimbus-jose-jwt signs and "
                    + "verifies EdDSA with Ed25519 keys only");
        }
        if (name.equalsIgnoreCase("EdDSA") || name.equalsIgnoreCase("Ed25519")) {
            requireEdDsa(Algorithms.ALGORITHMS);
        }
    }

    /**
     * An OKP JWK must be an Ed25519 key (RFC 8037 §2), and Ed25519 needs Tink.
     * @param jwk an OKP JWK read from {@code setting}
     * @param setting {@code public-key} or {@code private-key}
     */
    static void check(OctetKeyPair jwk, String setting) {
        if (!Curve.Ed25519.equals(jwk.getCurve())) {
            throw KeyMaterial.invalid(setting, "holds an OKP key on curve " + jwk.getCurve() + "; only Ed25519 keys "
                    + "sign tokens here (X25519 and X448 are for key agreement, and nimbus-jose-jwt cannot sign with "
                    + "Ed448)");
        }
        requireEdDsa(setting);
    }

    /**
     * An EdDSA key read by the JDK must be Ed25519 rather than Ed448, and Ed25519 needs Tink.
     * @param key the key read from {@code setting}
     * @param setting {@code public-key} or {@code private-key}
     */
    static void check(EdECKey key, String setting) {
        if (!NamedParameterSpec.ED25519.getName().equalsIgnoreCase(key.getParams().getName())) {
            throw KeyMaterial.invalid(setting, "holds an Ed448 key; nimbus-jose-jwt signs and verifies EdDSA with "
                    + "Ed25519 keys only");
        }
        requireEdDsa(setting);
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
     * {@link Key}s and cannot export an {@link OctetKeyPair} to one itself
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
     * @param jwks the JWKs nimbus's matcher picked for an EdDSA token
     * @return the Ed25519 keys among them, which nimbus's selection would drop, as the JDK's {@link EdECPublicKey}s
     * for {@link VerifierFactory}; a JWK that is not a usable Ed25519 key (a JWK Set URL may serve anything) is
     * skipped, as nimbus would skip it
     */
    static List<Key> javaKeys(List<JWK> jwks) {
        List<Key> keys = new ArrayList<>();
        for (JWK jwk : jwks) {
            if (jwk instanceof OctetKeyPair okp && Curve.Ed25519.equals(okp.getCurve())) {
                try {
                    keys.add(javaKey(okp));
                }
                catch (GeneralSecurityException ex) {
                    // not a usable Ed25519 key: skip it
                }
            }
        }
        return keys;
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

    /**
     * Needs Tink, which nimbus's {@link Ed25519Signer} signs with.
     * @param jwk an Ed25519 private JWK whose halves pair ({@link #pairs})
     * @return the key, ready to sign, announcing the JWK's {@code kid}
     */
    static SigningKey signingKey(OctetKeyPair jwk) {
        try {
            return new SigningKey(KeyShape.of(jwk), jwk.getKeyID(), new Ed25519Signer(jwk));
        }
        catch (JOSEException ex) {
            throw KeyMaterial.invalid(KeyMaterial.PRIVATE_KEY, "holds an Ed25519 key that cannot sign");
        }
    }

    /**
     * Needs Tink, which nimbus's {@link Ed25519Verifier} verifies with.
     * @param jwk an Ed25519 public JWK
     * @return nimbus's verifier for it
     * @throws JOSEException when nimbus refuses the key
     */
    static JWSVerifier verifier(OctetKeyPair jwk) throws JOSEException {
        return new Ed25519Verifier(jwk);
    }

    /**
     * Needs Tink: {@link #verifier(OctetKeyPair)} for a key selected by {@link ConfiguredKeySelector}.
     */
    static JWSVerifier verifier(EdECPublicKey key) throws JOSEException {
        try {
            return new Ed25519Verifier(publicJwk(key));
        }
        catch (GeneralSecurityException ex) {
            throw new JOSEException("Not an Ed25519 key");
        }
    }
}
