package io.github.padlock.jwt;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.spec.ECParameterSpec;
import java.security.spec.KeySpec;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;

/**
 * What reading the {@code public-key} ({@link PublicKeys}) and {@code private-key} ({@link PrivateKeys}) settings
 * shares: JWK or JWK Set JSON (RFC 7517) through nimbus, PEM (RFC 7468) blocks through the JDK's {@link KeyFactory}.
 * nimbus's own PEM reader ({@code JWK.parseFromPEMEncodedObjects}) needs Bouncy Castle, which is not on the classpath.
 * <p>
 * Every refusal is an {@link IllegalArgumentException} whose message names the setting and the problem, never the
 * key material, and carries no cause (a parser's message may quote its input).
 */
final class KeyMaterial {

    static final String PUBLIC_KEY = "public-key";

    static final String PRIVATE_KEY = "private-key";

    private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([^-]*)-----END \\1-----");

    private static final List<String> KEY_FACTORIES = List.of("RSA", "EC", "EdDSA");

    private KeyMaterial() {
    }

    /**
     * @param text the setting's value, stripped
     * @return whether it is JSON (a JWK or JWK Set) rather than PEM
     */
    static boolean isJson(String text) {
        return text.startsWith("{");
    }

    /**
     * @param json a JWK or a JWK Set
     * @param setting the setting it comes from
     * @return its keys
     */
    static List<JWK> jwks(String json, String setting) {
        try {
            Map<String, Object> object = JSONObjectUtils.parse(json);
            return object.containsKey("keys") ? JWKSet.parse(object).getKeys() : List.of(JWK.parse(object));
        }
        catch (ParseException | RuntimeException ex) {
            throw invalid(setting, "is not a readable JWK or JWK Set (RFC 7517)");
        }
    }

    /**
     * @param text PEM text
     * @param setting the setting it comes from
     * @return its blocks, at least one
     */
    static List<Block> pem(String text, String setting) {
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

    /**
     * @param spec the DER of a PEM block
     * @param publicKey whether it is a public key (X.509 SubjectPublicKeyInfo) or a private one (PKCS#8)
     * @param setting the setting it comes from
     * @return the RSA, EC or EdDSA key it holds
     */
    static Key generate(KeySpec spec, boolean publicKey, String setting) {
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

    /**
     * @param parameters an EC key's domain parameters
     * @param setting the setting it comes from
     * @return its curve, when it is one of the curves JWS uses (RFC 7518 §3.4)
     */
    static Curve curve(ECParameterSpec parameters, String setting) {
        Curve curve = Curve.forECParameterSpec(parameters);
        if (curve == null || !List.of(Curve.P_256, Curve.P_384, Curve.P_521).contains(curve)) {
            throw invalid(setting, "holds an EC key on a curve other than P-256, P-384 or P-521");
        }
        return curve;
    }

    static IllegalArgumentException unsupported(Key key, String setting) {
        return invalid(setting, "holds a " + key.getAlgorithm() + " key; use an RSA, EC or Ed25519 key");
    }

    /**
     * @param setting the setting refused
     * @param problem what is wrong, never the material itself
     * @return the refusal, without a cause
     */
    static IllegalArgumentException invalid(String setting, String problem) {
        return new IllegalArgumentException(setting + ": " + problem);
    }

    /**
     * A PEM block: its type, such as {@code PUBLIC KEY}, and its DER.
     *
     * @param type the label of its {@code BEGIN} line
     * @param der its decoded content
     */
    record Block(String type, byte[] der) {
    }
}
