package io.github.padlock.jwt;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyConverter;
import com.nimbusds.jose.jwk.OctetKeyPair;
import org.jspecify.annotations.Nullable;

/**
 * How Padlock checks (and optionally issues) JSON Web Tokens (RFC 7519) signed as JWS (RFC 7515): the key to verify
 * with — exactly one of a shared {@code secret}, a {@code public-key} or a {@code jwk-set-uri} — the algorithms
 * allowed, and the claims required. Build it with {@link #builder()}; {@link Builder#build()} refuses settings that
 * could not work or would be unsafe, with a message naming the setting and never its value.
 * <ul>
 * <li>{@code secret}: HMAC key material for HS256/HS384/HS512, taken as UTF-8 bytes, at least as long as the hash
 * (RFC 7518 §3.2): 256 bits (32 bytes) for HS256.</li>
 * <li>{@code public-key}: PEM {@code PUBLIC KEY} or {@code CERTIFICATE} blocks, or a JWK or JWK Set (RFC 7517), of
 * RSA (2048 bits or more), EC (P-256, P-384, P-521) or Ed25519 keys (an OKP JWK, RFC 8037, or a PEM
 * {@code PUBLIC KEY}, not a certificate). Ed25519 needs Google Tink ({@code com.google.crypto.tink:tink}) on the
 * classpath, which nimbus-jose-jwt signs and verifies it with; without Tink, Ed25519 keys and the EdDSA algorithms
 * are refused here, at start-up.</li>
 * <li>{@code jwk-set-uri}: an http(s) URL serving a JWK Set, fetched on first use, cached, and fetched again when a
 * token names an unknown {@code kid} (key rotation), at most twice every 30 seconds.</li>
 * <li>{@code private-key}: an unencrypted PKCS#8 PEM {@code PRIVATE KEY} or a private JWK, only to issue tokens
 * with {@link JwtIssuer}; it must pair with {@code public-key} when both are given.</li>
 * <li>{@code algorithms}: the JWS algorithms accepted (RFC 8725 §3.1); by default HS256 for a secret, RS256 for RSA,
 * ES256/ES384/ES512 by curve for EC, EdDSA for Ed25519, or the {@code alg} a JWK declares. {@code Ed25519} (RFC 9864)
 * is accepted when listed; Ed448 is not supported. {@code none} is always refused.</li>
 * <li>{@code issuer}, {@code audience}: when set, {@code iss} must equal the issuer and {@code aud} must hold one of
 * the audiences (RFC 7519 §4.1.1, §4.1.3).</li>
 * <li>{@code clock-skew}: the tolerance on {@code exp} and {@code nbf}, 60 seconds by default.</li>
 * <li>{@code scope-claim}: {@code scope}, a space-separated string (RFC 8693 §4.2, RFC 9068 §2.2.3), or
 * {@code scp}, a JSON array; either shape is read from the claim named.</li>
 * </ul>
 * {@link #toString()} shows no key material.
 */
public final class JwtSettings {

    static final String SECRET = "secret";

    static final String JWK_SET_URI = "jwk-set-uri";

    static final String ALGORITHMS = "algorithms";

    static final String SCOPE_CLAIM = "scope-claim";

    static final String CLOCK_SKEW = "clock-skew";

    /** The shortest HMAC key accepted, in bytes: 256 bits (RFC 7518 §3.2). */
    static final int MIN_SECRET_BYTES = 32;

    private static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);

    private final String keySource;

    private final byte @Nullable [] secret;

    private final @Nullable JWKSet publicKeys;

    private final @Nullable URL jwkSetUrl;

    private final @Nullable SigningKey signingKey;

    private final List<JWSAlgorithm> algorithms;

    private final @Nullable String issuer;

    private final List<String> audience;

    private final Duration clockSkew;

    private final String scopeClaim;

    private JwtSettings(Builder builder, String keySource, byte @Nullable [] secret, List<JWK> publicKeys,
            @Nullable URL jwkSetUrl, List<JWSAlgorithm> algorithms, @Nullable SigningKey signingKey) {
        this.keySource = keySource;
        this.secret = secret;
        this.publicKeys = publicKeys.isEmpty() ? null : new JWKSet(publicKeys);
        this.jwkSetUrl = jwkSetUrl;
        this.signingKey = signingKey;
        this.algorithms = List.copyOf(algorithms);
        this.issuer = builder.issuer;
        this.audience = List.copyOf(builder.audience);
        this.clockSkew = builder.clockSkew;
        this.scopeClaim = builder.scopeClaim;
    }

    /**
     * @return a builder with the defaults: no key, algorithms by key, 60 seconds of clock skew, the {@code scope}
     * claim
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @return the JWS algorithms accepted, in order of preference (the first that fits the signing key signs)
     */
    public List<String> algorithms() {
        return this.algorithms.stream().map(JWSAlgorithm::getName).toList();
    }

    /**
     * @return the required {@code iss}, or {@code null} when any issuer is accepted
     */
    public @Nullable String issuer() {
        return this.issuer;
    }

    /**
     * @return the audiences of which {@code aud} must hold one; empty when any audience is accepted
     */
    public List<String> audience() {
        return this.audience;
    }

    /**
     * @return the tolerance on {@code exp} and {@code nbf}
     */
    public Duration clockSkew() {
        return this.clockSkew;
    }

    /**
     * @return the claim holding the granted scopes, {@code scope} or {@code scp}
     */
    public String scopeClaim() {
        return this.scopeClaim;
    }

    byte @Nullable [] secret() {
        return this.secret;
    }

    @Nullable JWKSet publicKeys() {
        return this.publicKeys;
    }

    @Nullable URL jwkSetUrl() {
        return this.jwkSetUrl;
    }

    @Nullable SigningKey signingKey() {
        return this.signingKey;
    }

    List<JWSAlgorithm> jwsAlgorithms() {
        return this.algorithms;
    }

    /**
     * @return the JWK Set URL without user info, query or fragment, fit for a log line
     */
    String jwkSetUriForLogs() {
        URL url = Objects.requireNonNull(this.jwkSetUrl);
        return url.getProtocol() + "://" + url.getHost() + ((url.getPort() != -1) ? ":" + url.getPort() : "")
                + url.getPath();
    }

    @Override
    public String toString() {
        return "JwtSettings[keySource=" + this.keySource + ", algorithms=" + algorithms() + ", issuer=" + this.issuer
                + ", audience=" + this.audience + ", clockSkew=" + this.clockSkew + ", scopeClaim=" + this.scopeClaim
                + ", signing=" + ((this.signingKey != null) ? this.signingKey.shape().describe() : "none") + "]";
    }

    private static URL url(String uri) {
        try {
            URI parsed = new URI(uri);
            if (parsed.getHost() != null
                    && ("https".equalsIgnoreCase(parsed.getScheme()) || "http".equalsIgnoreCase(parsed.getScheme()))) {
                return parsed.toURL();
            }
        }
        catch (URISyntaxException | MalformedURLException | IllegalArgumentException ex) {
            // refused below
        }
        throw new IllegalArgumentException(JWK_SET_URI + ": must be an absolute http or https URL");
    }

    /**
     * The settings of a {@link JwtSettings}, named after the {@code padlock} properties. Blank strings count as
     * absent, so that an empty environment variable leaves a setting out.
     */
    public static final class Builder {

        private @Nullable String secret;

        private @Nullable String publicKey;

        private @Nullable String jwkSetUri;

        private @Nullable String privateKey;

        private @Nullable String issuer;

        private List<String> audience = List.of();

        private Duration clockSkew = DEFAULT_CLOCK_SKEW;

        private String scopeClaim = "scope";

        private List<String> algorithms = List.of();

        private Builder() {
        }

        /**
         * @param secret HMAC key material, at least 256 bits (32 bytes) as UTF-8
         * @return this builder
         */
        public Builder secret(@Nullable String secret) {
            this.secret = blankToNull(secret);
            return this;
        }

        /**
         * @param publicKey PEM {@code PUBLIC KEY} or {@code CERTIFICATE} blocks, or a JWK or JWK Set
         * @return this builder
         */
        public Builder publicKey(@Nullable String publicKey) {
            this.publicKey = blankToNull(publicKey);
            return this;
        }

        /**
         * @param jwkSetUri an http(s) URL serving the issuer's JWK Set
         * @return this builder
         */
        public Builder jwkSetUri(@Nullable String jwkSetUri) {
            this.jwkSetUri = blankToNull(jwkSetUri);
            return this;
        }

        /**
         * @param privateKey an unencrypted PKCS#8 PEM {@code PRIVATE KEY} or a private JWK, to issue tokens
         * @return this builder
         */
        public Builder privateKey(@Nullable String privateKey) {
            this.privateKey = blankToNull(privateKey);
            return this;
        }

        /**
         * @param issuer the required {@code iss}, also written into issued tokens; {@code null} for any
         * @return this builder
         */
        public Builder issuer(@Nullable String issuer) {
            this.issuer = blankToNull(issuer);
            return this;
        }

        /**
         * @param audience the audiences of which {@code aud} must hold one, also written into issued tokens
         * @return this builder
         */
        public Builder audience(Collection<String> audience) {
            this.audience = audience.stream().filter((value) -> !value.isBlank()).distinct().toList();
            return this;
        }

        /**
         * @param clockSkew the tolerance on {@code exp} and {@code nbf}, whole seconds, not negative
         * @return this builder
         */
        public Builder clockSkew(Duration clockSkew) {
            this.clockSkew = Objects.requireNonNull(clockSkew, "clockSkew must not be null");
            return this;
        }

        /**
         * @param scopeClaim {@code scope} (a space-separated string) or {@code scp} (a JSON array)
         * @return this builder
         */
        public Builder scopeClaim(String scopeClaim) {
            this.scopeClaim = Objects.requireNonNull(scopeClaim, "scopeClaim must not be null");
            return this;
        }

        /**
         * @param algorithms the JWS algorithm names accepted, in order of preference; empty for the key's default
         * @return this builder
         */
        public Builder algorithms(Collection<String> algorithms) {
            this.algorithms = List.copyOf(algorithms);
            return this;
        }

        /**
         * @return the settings
         * @throws IllegalArgumentException naming the setting when they could not work or would be unsafe
         */
        public JwtSettings build() {
            String keySource = keySource();
            if (!List.of("scope", "scp").contains(this.scopeClaim)) {
                throw new IllegalArgumentException(SCOPE_CLAIM + ": must be scope or scp");
            }
            if (this.clockSkew.isNegative() || this.clockSkew.toSeconds() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(CLOCK_SKEW + ": must be zero or more seconds");
            }
            byte[] secret = (this.secret != null) ? this.secret.getBytes(StandardCharsets.UTF_8) : null;
            if (secret != null && secret.length < MIN_SECRET_BYTES) {
                throw new IllegalArgumentException(SECRET + ": must be at least 256 bits (32 bytes) of key material");
            }
            List<JWK> publicKeys = (this.publicKey != null) ? KeyMaterial.publicKeys(this.publicKey) : List.of();
            URL jwkSetUrl = (this.jwkSetUri != null) ? url(this.jwkSetUri) : null;
            List<KeyShape> shapes = (secret != null) ? List.of(KeyShape.secret(secret.length))
                    : publicKeys.stream().map(KeyShape::of).toList();
            SigningKey signingKey = signingKey(secret);
            List<JWSAlgorithm> algorithms = this.algorithms.isEmpty()
                    ? defaults(keySource, publicKeys, signingKey) : explicit(this.algorithms);
            for (JWSAlgorithm algorithm : algorithms) {
                checkFits(algorithm, keySource, shapes);
            }
            if (signingKey != null) {
                JWSAlgorithm signing = signingKey.firstFitting(algorithms);
                if (signing == null) {
                    throw new IllegalArgumentException(KeyMaterial.PRIVATE_KEY + ": holds "
                            + signingKey.shape().describe() + ", which fits none of the algorithms "
                            + names(algorithms));
                }
                if (!publicKeys.isEmpty()) {
                    checkPair(signingKey, signing, publicKeys);
                }
            }
            return new JwtSettings(this, keySource, secret, publicKeys, jwkSetUrl, algorithms, signingKey);
        }

        private String keySource() {
            List<String> given = new ArrayList<>();
            if (this.secret != null) {
                given.add(SECRET);
            }
            if (this.publicKey != null) {
                given.add(KeyMaterial.PUBLIC_KEY);
            }
            if (this.jwkSetUri != null) {
                given.add(JWK_SET_URI);
            }
            if (given.size() != 1) {
                throw new IllegalArgumentException("Exactly one of secret, public-key or jwk-set-uri must be set to "
                        + "verify tokens" + (given.isEmpty() ? ", but none is" : ", but " + String.join(" and ", given)
                        + " are"));
            }
            return given.get(0);
        }

        private @Nullable SigningKey signingKey(byte @Nullable [] secret) {
            if (secret != null) {
                if (this.privateKey != null) {
                    throw new IllegalArgumentException(KeyMaterial.PRIVATE_KEY + ": cannot be combined with secret, "
                            + "which both signs and verifies");
                }
                return SigningKey.secret(secret);
            }
            return (this.privateKey != null) ? KeyMaterial.privateKey(this.privateKey) : null;
        }

        private static List<JWSAlgorithm> defaults(String keySource, List<JWK> publicKeys,
                @Nullable SigningKey signingKey) {
            if (SECRET.equals(keySource)) {
                return List.of(JWSAlgorithm.HS256);
            }
            if (JWK_SET_URI.equals(keySource)) {
                JWSAlgorithm signing = (signingKey != null) ? signingKey.shape().defaultAlgorithm(null) : null;
                return List.of((signing != null) ? signing : JWSAlgorithm.RS256);
            }
            Set<JWSAlgorithm> defaults = new LinkedHashSet<>();
            for (JWK key : publicKeys) {
                defaults.add(Objects.requireNonNull(KeyShape.of(key).defaultAlgorithm(key.getAlgorithm())));
            }
            return List.copyOf(defaults);
        }

        private static List<JWSAlgorithm> explicit(List<String> names) {
            Set<JWSAlgorithm> algorithms = new LinkedHashSet<>();
            for (String name : names) {
                String trimmed = name.strip();
                if (trimmed.equalsIgnoreCase("none")) {
                    throw new IllegalArgumentException(ALGORITHMS + ": none is never accepted (RFC 8725 §3.2)");
                }
                if (trimmed.equalsIgnoreCase("Ed448")) {
                    throw new IllegalArgumentException(ALGORITHMS + ": Ed448 is not supported; nimbus-jose-jwt signs "
                            + "and verifies EdDSA with Ed25519 keys only");
                }
                JWSAlgorithm algorithm = KeyShape.SUPPORTED.stream()
                    .filter((supported) -> supported.getName().equalsIgnoreCase(trimmed))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(ALGORITHMS + ": unknown JWS algorithm '"
                            + trimmed + "'; use some of " + names(KeyShape.SUPPORTED)));
                if (JWSAlgorithm.Family.ED.contains(algorithm)) {
                    KeyMaterial.requireEdDsa(ALGORITHMS);
                }
                algorithms.add(algorithm);
            }
            return List.copyOf(algorithms);
        }

        private static void checkFits(JWSAlgorithm algorithm, String keySource, List<KeyShape> shapes) {
            if (JWK_SET_URI.equals(keySource)) {
                if (JWSAlgorithm.Family.HMAC_SHA.contains(algorithm)) {
                    throw new IllegalArgumentException(ALGORITHMS + ": " + algorithm + " needs a secret, and "
                            + JWK_SET_URI + " serves public keys");
                }
                return;
            }
            if (shapes.stream().anyMatch((shape) -> shape.fits(algorithm))) {
                return;
            }
            if (SECRET.equals(keySource) && JWSAlgorithm.Family.HMAC_SHA.contains(algorithm)) {
                int bits = KeyShape.minSecretBits(algorithm);
                throw new IllegalArgumentException(SECRET + ": must be at least " + bits + " bits (" + bits / 8
                        + " bytes) of key material for " + algorithm);
            }
            String keys = SECRET.equals(keySource) ? "the secret" : "any key of " + KeyMaterial.PUBLIC_KEY;
            throw new IllegalArgumentException(ALGORITHMS + ": " + algorithm + " does not fit " + keys);
        }

        /**
         * A private key given with the public key must be its pair: sign a probe with one, verify with the other.
         */
        private static void checkPair(SigningKey signingKey, JWSAlgorithm algorithm, List<JWK> publicKeys) {
            try {
                JWSObject probe = new JWSObject(new JWSHeader(algorithm), new Payload("padlock"));
                probe.sign(signingKey.signer());
                for (JWK key : publicKeys) {
                    if (KeyShape.of(key).fits(algorithm)) {
                        for (JWSVerifier verifier : verifiers(key, probe.getHeader())) {
                            if (probe.verify(verifier)) {
                                return;
                            }
                        }
                    }
                }
            }
            catch (JOSEException | RuntimeException ex) {
                // not a pair
            }
            throw new IllegalArgumentException(KeyMaterial.PRIVATE_KEY + ": does not pair with any key of "
                    + KeyMaterial.PUBLIC_KEY);
        }

        /**
         * nimbus's verifiers for a public key: an Ed25519 JWK's directly, since nimbus's verifier factory knows no
         * EdDSA and nimbus cannot export an {@link OctetKeyPair} to a {@link Key}.
         */
        private static List<JWSVerifier> verifiers(JWK key, JWSHeader header) throws JOSEException {
            if (key instanceof OctetKeyPair ed25519) {
                return List.of(new Ed25519Verifier(ed25519));
            }
            List<JWSVerifier> verifiers = new ArrayList<>();
            for (Key javaKey : KeyConverter.toJavaKeys(List.of(key))) {
                verifiers.add(new DefaultJWSVerifierFactory().createJWSVerifier(header, javaKey));
            }
            return verifiers;
        }

        private static String names(List<JWSAlgorithm> algorithms) {
            return algorithms.stream().map(JWSAlgorithm::getName).toList().toString();
        }

        private static @Nullable String blankToNull(@Nullable String value) {
            return (value == null || value.isBlank()) ? null : value;
        }
    }
}
