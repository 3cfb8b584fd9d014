package io.github.padlock.jwt;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECParameterSpec;
import java.security.spec.KeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jose.util.X509CertUtils;
import org.jspecify.annotations.Nullable;

/**
 * Reads the {@code public-key} and {@code private-key} settings: JWK or JWK Set JSON (RFC 7517) through nimbus, or
 * PEM (RFC 7468) {@code PUBLIC KEY}, {@code CERTIFICATE} and unencrypted PKCS#8 {@code PRIVATE KEY} blocks through
 * the JDK's {@link KeyFactory} and nimbus's {@link X509CertUtils}. nimbus's own PEM reader
 * ({@code JWK.parseFromPEMEncodedObjects}) needs Bouncy Castle, which is not on the classpath.
 * <p>
 * Keys are RSA, EC on P-256, P-384 or P-521, or Ed25519 (OKP JWKs, RFC 8037; PEM, RFC 8410). Ed25519 keys are
 * refused with {@link #EDDSA_NOT_SUPPORTED} when Google Tink is not on the classpath
 * ({@link Ed25519Keys#available()}), since nimbus-jose-jwt could then neither sign nor verify with them.
 * <p>
 * Every refusal is an {@link IllegalArgumentException} whose message names the setting and the problem, never the
 * key material, and carries no cause (a parser's message may quote its input).
 */
final class KeyMaterial {

    static final String PUBLIC_KEY = "public-key";

    static final String PRIVATE_KEY = "private-key";

    /** Why Ed25519 keys and the EdDSA algorithms are refused when Google Tink is not on the classpath. */
    static final String EDDSA_NOT_SUPPORTED = "EdDSA (Ed25519) keys are not supported: nimbus-jose-jwt needs "
            + "Google Tink (com.google.crypto.tink:tink) for them, which is not on the classpath";

    private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([^-]*)-----END \\1-----");

    private static final List<String> KEY_FACTORIES = List.of("RSA", "EC", "EdDSA");

    private KeyMaterial() {
    }

    /**
     * @param text PEM {@code PUBLIC KEY} or {@code CERTIFICATE} blocks, or a public JWK or JWK Set
     * @return the public keys, at least one
     */
    static List<JWK> publicKeys(String text) {
        String trimmed = text.strip();
        List<JWK> keys = new ArrayList<>();
        if (trimmed.startsWith("{")) {
            for (JWK jwk : jwks(trimmed, PUBLIC_KEY)) {
                if (jwk.isPrivate()) {
                    throw invalid(PUBLIC_KEY, "holds a private or symmetric key; give the public key here "
                            + "(a shared secret goes in secret, a private key in private-key)");
                }
                keys.add(checked(jwk, PUBLIC_KEY));
            }
        }
        else {
            for (Block block : pem(trimmed, PUBLIC_KEY)) {
                keys.add(checked(publicKey(block), PUBLIC_KEY));
            }
        }
        if (keys.isEmpty()) {
            throw invalid(PUBLIC_KEY, "holds no key");
        }
        return List.copyOf(keys);
    }

    /**
     * @param text one unencrypted PKCS#8 PEM {@code PRIVATE KEY} block, or one private JWK
     * @return the key, ready to sign
     */
    static SigningKey privateKey(String text) {
        String trimmed = text.strip();
        if (trimmed.startsWith("{")) {
            List<JWK> jwks = jwks(trimmed, PRIVATE_KEY);
            if (jwks.size() != 1) {
                throw invalid(PRIVATE_KEY, "must hold exactly one key");
            }
            return privateKey(checked(jwks.get(0), PRIVATE_KEY));
        }
        List<Block> blocks = pem(trimmed, PRIVATE_KEY);
        if (blocks.size() != 1) {
            throw invalid(PRIVATE_KEY, "must hold exactly one PEM block");
        }
        return privateKey(blocks.get(0));
    }

    private static List<JWK> jwks(String json, String setting) {
        try {
            Map<String, Object> object = JSONObjectUtils.parse(json);
            return object.containsKey("keys") ? JWKSet.parse(object).getKeys() : List.of(JWK.parse(object));
        }
        catch (ParseException | RuntimeException ex) {
            throw invalid(setting, "is not a readable JWK or JWK Set (RFC 7517)");
        }
    }

    private static JWK checked(JWK jwk, String setting) {
        KeyType type = jwk.getKeyType();
        if (jwk instanceof OctetKeyPair okp) {
            if (!Curve.Ed25519.equals(okp.getCurve())) {
                throw invalid(setting, "holds an OKP key on curve " + okp.getCurve() + "; only Ed25519 keys sign "
                        + "tokens here (X25519 and X448 are for key agreement, and nimbus-jose-jwt cannot sign with "
                        + "Ed448)");
            }
            requireEdDsa(setting);
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

    private static JWK publicKey(Block block) {
        switch (block.type()) {
            case "PUBLIC KEY" -> {
                Key key = generate(new X509EncodedKeySpec(block.der()), true, PUBLIC_KEY);
                if (key instanceof RSAPublicKey rsa) {
                    return new RSAKey.Builder(rsa).build();
                }
                if (key instanceof ECPublicKey ec) {
                    return new ECKey.Builder(curve(ec.getParams(), PUBLIC_KEY), ec).build();
                }
                if (key instanceof EdECPublicKey ed) {
                    requireEd25519(ed, PUBLIC_KEY);
                    try {
                        return Ed25519Keys.publicJwk(ed);
                    }
                    catch (GeneralSecurityException ex) {
                        throw invalid(PUBLIC_KEY, "holds an Ed25519 key that is not readable");
                    }
                }
                throw unsupported(key, PUBLIC_KEY);
            }
            case "CERTIFICATE" -> {
                X509Certificate certificate = X509CertUtils.parse(block.der());
                if (certificate == null) {
                    throw invalid(PUBLIC_KEY, "holds a CERTIFICATE block that is not a readable X.509 certificate");
                }
                if (certificate.getPublicKey() instanceof EdECKey ed) {
                    requireEd25519(ed, PUBLIC_KEY);
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
            case "PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY", "ENCRYPTED PRIVATE KEY" ->
                throw invalid(PUBLIC_KEY, "holds a private key; give the public key here and the private key as "
                        + "private-key");
            case "RSA PUBLIC KEY" -> throw invalid(PUBLIC_KEY, "holds a PKCS#1 RSA PUBLIC KEY block; convert it to "
                    + "a PUBLIC KEY block (openssl rsa -RSAPublicKey_in -pubout)");
            default -> throw invalid(PUBLIC_KEY, "holds a PEM block of type " + block.type()
                    + "; use PUBLIC KEY or CERTIFICATE");
        }
    }

    private static SigningKey privateKey(Block block) {
        switch (block.type()) {
            case "PRIVATE KEY" -> {
                Key key = generate(new PKCS8EncodedKeySpec(block.der()), false, PRIVATE_KEY);
                if (key instanceof RSAPrivateKey rsa) {
                    return rsa(new KeyShape(KeyType.RSA, null, rsa.getModulus().bitLength()), null, rsa);
                }
                if (key instanceof ECPrivateKey ec) {
                    Curve curve = curve(ec.getParams(), PRIVATE_KEY);
                    return ec(new KeyShape(KeyType.EC, curve, ec.getParams().getCurve().getField().getFieldSize()),
                            null, ec);
                }
                if (key instanceof EdECPrivateKey ed) {
                    requireEd25519(ed, PRIVATE_KEY);
                    try {
                        return ed25519(Ed25519Keys.privateJwk(ed));
                    }
                    catch (GeneralSecurityException ex) {
                        throw invalid(PRIVATE_KEY, "holds an Ed25519 key that cannot sign");
                    }
                }
                throw unsupported(key, PRIVATE_KEY);
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
            return ed25519(okp);
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

    private static SigningKey ed25519(OctetKeyPair jwk) {
        try {
            return SigningKey.ed25519(KeyShape.of(jwk), jwk.getKeyID(), jwk);
        }
        catch (JOSEException ex) {
            throw invalid(PRIVATE_KEY, "holds an Ed25519 key that cannot sign");
        }
    }

    /**
     * An EdDSA key read by the JDK must be Ed25519, and Ed25519 needs Tink.
     */
    private static void requireEd25519(EdECKey key, String setting) {
        if (!Ed25519Keys.isEd25519(key)) {
            throw invalid(setting, "holds an Ed448 key; nimbus-jose-jwt signs and verifies EdDSA with Ed25519 "
                    + "keys only");
        }
        requireEdDsa(setting);
    }

    /**
     * @param setting the setting that names an Ed25519 key or an EdDSA algorithm
     * @throws IllegalArgumentException with {@link #EDDSA_NOT_SUPPORTED} when Tink is not on the classpath
     */
    static void requireEdDsa(String setting) {
        if (!Ed25519Keys.available()) {
            throw invalid(setting, EDDSA_NOT_SUPPORTED);
        }
    }

    private static Key generate(KeySpec spec, boolean publicKey, String setting) {
        for (String algorithm : KEY_FACTORIES) {
            try {
                KeyFactory factory = KeyFactory.getInstance(algorithm);
                return publicKey ? factory.generatePublic(spec) : factory.generatePrivate(spec);
            }
            catch (GeneralSecurityException | RuntimeException ex) {
                // not a key of this type: try the next
            }
        }
        throw invalid(setting, "is not a readable RSA, EC or Ed25519 " + (publicKey ? "public" : "private") + " key");
    }

    private static IllegalArgumentException unsupported(Key key, String setting) {
        return invalid(setting, "holds a " + key.getAlgorithm() + " key; use an RSA, EC or Ed25519 key");
    }

    private static Curve curve(ECParameterSpec parameters, String setting) {
        Curve curve = Curve.forECParameterSpec(parameters);
        if (curve == null || !List.of(Curve.P_256, Curve.P_384, Curve.P_521).contains(curve)) {
            throw invalid(setting, "holds an EC key on a curve other than P-256, P-384 or P-521");
        }
        return curve;
    }

    private static List<Block> pem(String text, String setting) {
        List<Block> blocks = new ArrayList<>();
        Matcher matcher = PEM.matcher(text);
        while (matcher.find()) {
            try {
                blocks.add(new Block(matcher.group(1), Base64.getDecoder().decode(matcher.group(2)
                    .replaceAll("\\s", ""))));
            }
            catch (IllegalArgumentException ex) {
                throw invalid(setting, "holds a " + matcher.group(1) + " PEM block that is not valid base64");
            }
        }
        if (blocks.isEmpty()) {
            throw invalid(setting, "is neither PEM (-----BEGIN ...-----) nor JWK JSON");
        }
        return blocks;
    }

    private static IllegalArgumentException invalid(String setting, String problem) {
        return new IllegalArgumentException(setting + ": " + problem);
    }

    private record Block(String type, byte[] der) {
    }
}
