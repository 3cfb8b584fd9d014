package io.github.padlock.jwt;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.padlock.scheme.ScopeTokens;
import org.jspecify.annotations.Nullable;

/**
 * Issues signed JSON Web Tokens (RFC 7519) for a token endpoint, with nimbus-jose-jwt: the shared {@code secret} or
 * the {@code private-key} of {@link JwtSettings} signs, with the first configured algorithm that fits it. Each
 * token carries {@code typ} (the configured {@code type}, such as {@code at+jwt}, or {@code JWT}), {@code sub},
 * {@code iat}, {@code nbf}, {@code exp}, a random {@code jti} (128 bits from {@link SecureRandom}, base64url: the id
 * a revocation names, RFC 7009), {@code iss} and {@code aud} when configured, and the
 * scopes in the configured claim ({@code scope} as a space-separated string, RFC 8693 §4.2, or {@code scp} as an
 * array), so that a {@link JwtDecoder} built from the same settings accepts it.
 */
public final class JwtIssuer {

    /** The registered claims (RFC 7519 §4.1) that {@link #issue} sets itself. */
    private static final Set<String> ISSUER_CLAIMS = Set.of("sub", "iat", "nbf", "exp", "jti", "iss", "aud");

    private final JWSSigner signer;

    private final JWSHeader header;

    private final @Nullable String issuer;

    private final List<String> audience;

    private final String scopeClaim;

    private final Clock clock;

    private final SecureRandom random = new SecureRandom();

    /**
     * @param settings settings with a {@code secret} or a {@code private-key}
     * @throws IllegalArgumentException naming {@code private-key} when the settings hold no key that signs
     */
    public JwtIssuer(JwtSettings settings) {
        this(settings, Clock.systemUTC());
    }

    JwtIssuer(JwtSettings settings, Clock clock) {
        SigningKey key = settings.signingKey();
        if (key == null) {
            throw new IllegalArgumentException(KeyMaterial.PRIVATE_KEY + ": is needed to issue tokens when the "
                    + "settings verify with public-key or jwk-set-uri (or give a secret instead)");
        }
        JWSAlgorithm algorithm = Objects.requireNonNull(key.firstFitting(settings.jwsAlgorithms()));
        this.signer = key.signer();
        this.header = new JWSHeader.Builder(algorithm).type(settings.claims().type().issued()).keyID(key.keyId())
            .build();
        this.issuer = settings.issuer();
        this.audience = settings.audience();
        this.scopeClaim = settings.scopeClaim();
        this.clock = clock;
    }

    /**
     * Issue a token.
     * @param subject the {@code sub}, such as a username: a {@link SubjectClaim}, which a {@link JwtDecoder} accepts
     * @param scopes the scopes granted, each an RFC 6749 §3.3 scope-token (no spaces or quotes)
     * @param timeToLive how long the token is valid, more than zero
     * @return the token, its expiry and its scopes
     * @throws IllegalArgumentException for a subject a decoder would refuse, a malformed scope or a time to live that
     * is not positive
     */
    public IssuedToken issue(String subject, Collection<String> scopes, Duration timeToLive) {
        return issue(subject, scopes, timeToLive, Map.of());
    }

    /**
     * Issue a token with claims of the application's own beside those the issuer sets, such as a {@code name} or a
     * tenant that a verifier reads from {@link JwtPrincipal#claims()} ({@code padlock-spring-boot-test} builds its
     * tokens with it).
     * @param subject the {@code sub}, such as a username: a {@link SubjectClaim}, which a {@link JwtDecoder} accepts
     * @param scopes the scopes granted, each an RFC 6749 §3.3 scope-token (no spaces or quotes)
     * @param timeToLive how long the token is valid, more than zero
     * @param claims further claims, as JSON values (strings, numbers, booleans, lists and maps of them); none of those
     * the issuer sets ({@code sub}, {@code iat}, {@code nbf}, {@code exp}, {@code jti}, {@code iss}, {@code aud} and
     * the scope claim)
     * @return the token, its expiry and its scopes
     * @throws IllegalArgumentException for a subject a decoder would refuse, a malformed scope, a time to live that
     * is not positive or ends after the year 9999 ({@link NumericDateClaims}), or a claim the issuer sets
     */
    public IssuedToken issue(String subject, Collection<String> scopes, Duration timeToLive, Map<String, ?> claims) {
        for (String name : claims.keySet()) {
            if (ISSUER_CLAIMS.contains(name) || name.equals(this.scopeClaim)) {
                throw new IllegalArgumentException("claims must not hold '" + name + "', which the issuer sets");
            }
        }
        if (!SubjectClaim.isValid(subject)) {
            throw new IllegalArgumentException("subject must not be blank nor hold control characters or unpaired "
                    + "surrogates");
        }
        if (timeToLive.isNegative() || timeToLive.toSeconds() < 1) {
            throw new IllegalArgumentException("timeToLive must be at least one second");
        }
        List<String> granted = List.copyOf(scopes);
        for (String scope : granted) {
            if (!ScopeTokens.isScopeToken(scope)) {
                throw new IllegalArgumentException("scopes must be RFC 6749 scope-tokens, without spaces or quotes");
            }
        }
        Instant now = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
        if (timeToLive.toSeconds() > NumericDateClaims.MAX_SECONDS - now.getEpochSecond()) {
            throw new IllegalArgumentException("timeToLive must end by the year 9999, which a decoder accepts");
        }
        Instant expiresAt = now.plusSeconds(timeToLive.toSeconds());
        JWTClaimsSet.Builder set = new JWTClaimsSet.Builder().subject(subject)
            .issueTime(Date.from(now))
            .notBeforeTime(Date.from(now))
            .expirationTime(Date.from(expiresAt))
            .jwtID(tokenId())
            .issuer(this.issuer);
        if (!this.audience.isEmpty()) {
            set.audience(this.audience);
        }
        claims.forEach(set::claim);
        if (!granted.isEmpty()) {
            set.claim(this.scopeClaim, "scp".equals(this.scopeClaim) ? granted : String.join(" ", granted));
        }
        SignedJWT jwt = new SignedJWT(this.header, set.build());
        try {
            jwt.sign(this.signer);
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("Could not sign a token with " + this.header.getAlgorithm());
        }
        return new IssuedToken(jwt.serialize(), expiresAt, granted);
    }

    /** A {@code jti}: 128 random bits, base64url without padding (22 characters). */
    private String tokenId() {
        byte[] id = new byte[16];
        this.random.nextBytes(id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    }
}
