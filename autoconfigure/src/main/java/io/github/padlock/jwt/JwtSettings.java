package io.github.padlock.jwt;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import org.jspecify.annotations.Nullable;

/**
 * How Padlock checks (and optionally issues) JSON Web Tokens (RFC 7519) signed as JWS (RFC 7515): the key to verify
 * with — exactly one of a shared {@code secret}, a {@code public-key} or a {@code jwk-set-uri} — the algorithms
 * allowed, and the claims required. Build it with {@link #builder()}, whose setters say what each setting means;
 * {@link Builder#build()} refuses settings that could not work or would be unsafe, with a message naming the setting
 * and never its value. A {@link JwtDecoder} verifies with it, a {@link JwtIssuer} signs with it;
 * {@link #toString()} shows no key material.
 */
public final class JwtSettings {

    private final VerificationKeys keys;

    private final @Nullable SigningKey signingKey;

    private final List<JWSAlgorithm> algorithms;

    private final ClaimPolicy claims;

    private JwtSettings(VerificationKeys keys, List<JWSAlgorithm> algorithms, @Nullable SigningKey signingKey,
            ClaimPolicy claims) {
        this.keys = keys;
        this.signingKey = signingKey;
        this.algorithms = List.copyOf(algorithms);
        this.claims = claims;
    }

    /**
     * @return a builder with the defaults: no key, algorithms by key, a 60-second clock skew, the scope claim
     */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the JWS algorithms accepted, in order of preference (the first that fits the signing key signs) */
    public List<String> algorithms() {
        return this.algorithms.stream().map(JWSAlgorithm::getName).toList();
    }

    /** @return the required {@code iss}, or {@code null} when any issuer is accepted */
    public @Nullable String issuer() {
        return this.claims.issuer();
    }

    /** @return the audiences of which {@code aud} must hold one; empty when any audience is accepted */
    public List<String> audience() {
        return this.claims.audience();
    }

    /** @return the tolerance on {@code exp} and {@code nbf} */
    public Duration clockSkew() {
        return this.claims.clockSkew();
    }

    /** @return the claim holding the granted scopes, {@code scope} or {@code scp} */
    public String scopeClaim() {
        return this.claims.scopeClaim();
    }

    ClaimPolicy claims() {
        return this.claims;
    }

    VerificationKeys keys() {
        return this.keys;
    }

    @Nullable SigningKey signingKey() {
        return this.signingKey;
    }

    List<JWSAlgorithm> jwsAlgorithms() {
        return this.algorithms;
    }

    @Override
    public String toString() {
        String signing = (this.signingKey != null) ? this.signingKey.shape().describe() : "none";
        return "JwtSettings[keySource=" + this.keys.source() + ", algorithms=" + algorithms() + ", " + this.claims
                + ", signing=" + signing + "]";
    }

    /**
     * The settings of a {@link JwtSettings}, named after the {@code padlock.jwt} properties. Blank strings count as
     * absent, so that an empty environment variable leaves a setting out.
     */
    public static final class Builder {

        private @Nullable String secret;

        private @Nullable String publicKey;

        private @Nullable String jwkSetUri;

        private @Nullable String privateKey;

        private final ClaimPolicy.Builder claims = new ClaimPolicy.Builder();

        private List<String> algorithms = List.of();

        private Builder() {
        }

        /**
         * @param secret HMAC key material for HS256/HS384/HS512, taken as UTF-8 bytes, at least as long as the hash
         * (RFC 7518 §3.2), 256 bits (32 bytes) for HS256, and random, such as {@code openssl rand -base64 48} writes
         * (fewer than 8 distinct bytes, a shorter pattern repeated or a published sample is refused); it verifies
         * and signs
         * @return this builder
         */
        public Builder secret(@Nullable String secret) {
            this.secret = blankToNull(secret);
            return this;
        }

        /**
         * @param publicKey PEM {@code PUBLIC KEY} or {@code CERTIFICATE} blocks, or a JWK or JWK Set (RFC 7517), of
         * RSA (2048 bits or more), EC (P-256, P-384, P-521) or Ed25519 keys (an OKP JWK, RFC 8037, or a PEM
         * {@code PUBLIC KEY}, not a certificate); Ed25519 needs Google Tink ({@code com.google.crypto.tink:tink}),
         * which nimbus-jose-jwt signs and verifies it with, and without which it is refused at start-up
         * @return this builder
         */
        public Builder publicKey(@Nullable String publicKey) {
            this.publicKey = blankToNull(publicKey);
            return this;
        }

        /**
         * @param jwkSetUri an https URL serving the issuer's JWK Set (plain http only to localhost, 127.0.0.0/8 or
         * [::1]), fetched on first use, cached, and fetched again when a token names an unknown {@code kid} (key
         * rotation), at most twice every 30 seconds
         * @return this builder
         */
        public Builder jwkSetUri(@Nullable String jwkSetUri) {
            this.jwkSetUri = blankToNull(jwkSetUri);
            return this;
        }

        /**
         * @param privateKey an unencrypted PKCS#8 PEM {@code PRIVATE KEY} or a private JWK, only to issue tokens with
         * {@link JwtIssuer}; it must pair with {@code public-key} when both are given
         * @return this builder
         */
        public Builder privateKey(@Nullable String privateKey) {
            this.privateKey = blankToNull(privateKey);
            return this;
        }

        /**
         * @param type the media type {@code typ} must name, such as {@code at+jwt} for RFC 9068 access tokens (RFC 8725
         * §3.11), compared case-insensitively and with or without {@code application/}, also written into issued
         * tokens; null to accept {@code typ} absent, {@code JWT} or {@code at+jwt}
         * @return this builder
         */
        public Builder type(@Nullable String type) {
            this.claims.type(blankToNull(type));
            return this;
        }

        /**
         * @param issuer the required {@code iss} (RFC 7519 §4.1.1), also written into issued tokens; null for any
         * @return this builder
         */
        public Builder issuer(@Nullable String issuer) {
            this.claims.issuer(blankToNull(issuer));
            return this;
        }

        /**
         * @param audience the audiences of which {@code aud} must hold one (RFC 7519 §4.1.3), also written into
         * issued tokens; empty for any, which {@code public-key} and {@code jwk-set-uri} allow only without
         * {@link #audienceRequired(boolean) audienceRequired}
         * @return this builder
         */
        public Builder audience(Collection<String> audience) {
            this.claims.audience(audience);
            return this;
        }

        /**
         * @param audienceRequired whether {@code public-key} and {@code jwk-set-uri} need an {@code audience}, true by
         * default: their issuer also signs tokens for its other clients, which would be accepted here without one
         * (RFC 8725 §3.9); ignored for a {@code secret}, whose tokens are this application's own
         * @return this builder
         */
        public Builder audienceRequired(boolean audienceRequired) {
            this.claims.audienceRequired(audienceRequired);
            return this;
        }

        /**
         * @param clockSkew the tolerance on {@code exp} and {@code nbf}, whole seconds, not negative; 60 seconds by
         * default
         * @return this builder
         */
        public Builder clockSkew(Duration clockSkew) {
            this.claims.clockSkew(clockSkew);
            return this;
        }

        /**
         * @param scopeClaim {@code scope}, a space-separated string (RFC 8693 §4.2, RFC 9068 §2.2.3), or {@code scp},
         * a JSON array; either shape is read from the claim named
         * @return this builder
         */
        public Builder scopeClaim(String scopeClaim) {
            this.claims.scopeClaim(scopeClaim);
            return this;
        }

        /**
         * @param algorithms the JWS algorithm names accepted (RFC 8725 §3.1), in order of preference; empty for the
         * key's default: HS256 for a secret, RS256 for RSA, ES256/ES384/ES512 by curve for EC, EdDSA for Ed25519, or
         * the {@code alg} a JWK declares. {@code Ed25519} (RFC 9864) is accepted when listed; Ed448 is not supported;
         * {@code none} is always refused
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
            String keySource = VerificationKeys.source(this.secret, this.publicKey, this.jwkSetUri);
            VerificationKeys keys = new VerificationKeys(keySource, this.secret, this.publicKey, this.jwkSetUri);
            SigningKey signingKey = PrivateKeys.signingKey(keys.secret(), this.privateKey);
            List<JWSAlgorithm> algorithms = Algorithms.choose(this.algorithms, keys, signingKey);
            return new JwtSettings(keys, algorithms, signingKey, this.claims.build(keys));
        }

        private static @Nullable String blankToNull(@Nullable String value) {
            return (value == null || value.isBlank()) ? null : value;
        }
    }
}
