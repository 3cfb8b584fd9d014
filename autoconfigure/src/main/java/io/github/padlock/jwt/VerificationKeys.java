package io.github.padlock.jwt;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import org.jspecify.annotations.Nullable;

/**
 * The keys a {@link JwtSettings} verifies with, from exactly one of its three settings: a shared {@code secret}
 * (HMAC key material, at least as long as the hash, RFC 7518 §3.2, and random enough for {@link SecretVariety}), a
 * {@code public-key} ({@link PublicKeys}), or a {@code jwk-set-uri} ({@link JwkSetSource}). Holds key material:
 * nothing here prints it.
 */
final class VerificationKeys {

    static final String SECRET = "secret";

    static final String JWK_SET_URI = "jwk-set-uri";

    /** The shortest HMAC key accepted, in bytes: 256 bits (RFC 7518 §3.2). */
    static final int MIN_SECRET_BYTES = 32;

    private final String source;

    private final byte @Nullable [] secret;

    private final List<JWK> publicKeys;

    private final @Nullable JWKSet publicKeySet;

    private final @Nullable URL jwkSetUrl;

    /**
     * @param source the one setting given, from {@link #source}
     * @param secret the {@code secret} setting, or {@code null}
     * @param publicKey the {@code public-key} setting, or {@code null}
     * @param jwkSetUri the {@code jwk-set-uri} setting, or {@code null}
     */
    VerificationKeys(String source, @Nullable String secret, @Nullable String publicKey, @Nullable String jwkSetUri) {
        this.source = source;
        this.secret = (secret != null) ? secret.getBytes(StandardCharsets.UTF_8) : null;
        if (this.secret != null) {
            if (this.secret.length < MIN_SECRET_BYTES) {
                throw new IllegalArgumentException(SECRET + ": must be at least 256 bits (32 bytes) of key material");
            }
            SecretVariety.check(this.secret);
        }
        this.publicKeys = (publicKey != null) ? PublicKeys.read(publicKey) : List.of();
        this.publicKeySet = this.publicKeys.isEmpty() ? null : new JWKSet(this.publicKeys);
        this.jwkSetUrl = (jwkSetUri != null) ? JwkSetSource.url(jwkSetUri) : null;
    }

    /**
     * @param secret the {@code secret} setting, or {@code null}
     * @param publicKey the {@code public-key} setting, or {@code null}
     * @param jwkSetUri the {@code jwk-set-uri} setting, or {@code null}
     * @return the name of the one setting given
     * @throws IllegalArgumentException naming them when none or several are given
     */
    static String source(@Nullable String secret, @Nullable String publicKey, @Nullable String jwkSetUri) {
        List<String> given = new ArrayList<>();
        if (secret != null) {
            given.add(SECRET);
        }
        if (publicKey != null) {
            given.add(KeyMaterial.PUBLIC_KEY);
        }
        if (jwkSetUri != null) {
            given.add(JWK_SET_URI);
        }
        if (given.size() != 1) {
            throw new IllegalArgumentException("Exactly one of secret, public-key or jwk-set-uri must be set to "
                    + "verify tokens" + (given.isEmpty() ? ", but none is" : ", but " + String.join(" and ", given)
                    + " are"));
        }
        return given.get(0);
    }

    /**
     * @return {@code secret}, {@code public-key} or {@code jwk-set-uri}
     */
    String source() {
        return this.source;
    }

    boolean isSecret() {
        return SECRET.equals(this.source);
    }

    boolean isJwkSetUri() {
        return JWK_SET_URI.equals(this.source);
    }

    byte @Nullable [] secret() {
        return this.secret;
    }

    /**
     * @return the keys of {@code public-key}, in the order given; empty for the other sources
     */
    List<JWK> publicKeys() {
        return this.publicKeys;
    }

    @Nullable JWKSet publicKeySet() {
        return this.publicKeySet;
    }

    @Nullable URL jwkSetUrl() {
        return this.jwkSetUrl;
    }

    /**
     * @return the shapes of the keys known at start-up: the secret's or the public keys'; none for a JWK Set URL
     */
    List<KeyShape> shapes() {
        return (this.secret != null) ? List.of(KeyShape.secret(this.secret.length))
                : this.publicKeys.stream().map(KeyShape::of).toList();
    }
}
