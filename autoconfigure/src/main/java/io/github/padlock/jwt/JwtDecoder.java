package io.github.padlock.jwt;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimNames;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.github.padlock.BearerTokenErrors;
import io.github.padlock.NotAuthenticatedException;
import io.github.padlock.scheme.CanonicalBase64;
import io.github.padlock.scheme.ScopeTokens;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Checks a bearer token (RFC 6750) that is a signed JSON Web Token (RFC 7519, RFC 7515) with nimbus-jose-jwt, as
 * {@link JwtSettings} say, and returns its {@link JwtPrincipal}. It follows RFC 8725's advice: only the configured
 * algorithms and keys are used ({@code alg: none}, {@code jku}, {@code x5u}, {@code x5c} and {@code jwk} headers are
 * never trusted, and {@code kid} only chooses among configured keys), {@code exp} and {@code sub} are required,
 * {@code nbf} and {@code exp} are checked with the clock skew, {@code iss} and {@code aud} when configured, and an
 * unknown {@code crit} header is refused.
 * <p>
 * Every refusal is the same 401 with detail {@value #INVALID_TOKEN} and
 * {@code WWW-Authenticate: Bearer error="invalid_token", error_description="Invalid token"} (RFC 6750 §3.1): the
 * client learns nothing about which check failed, and the token is never echoed nor logged. A JWK Set URL is fetched
 * on the first token, not at construction; when it cannot be fetched the token is refused the same way and one
 * WARN line is logged.
 * <p>
 * Thread-safe: build one per {@link JwtSettings} and share it, so that a JWK Set is cached once.
 */
public final class JwtDecoder {

    /** The detail of every refusal. */
    static final String INVALID_TOKEN = "Invalid token";

    /** The challenge of every refusal (RFC 6750 §3.1). */

    /** Longer tokens are refused before they are parsed. */
    static final int MAX_TOKEN_LENGTH = 16 * 1024;

    /** The connect and read timeouts of a JWK Set fetch. */
    private static final Duration JWK_SET_TIMEOUT = Duration.ofSeconds(2);

    private static final Duration JWK_SET_CACHE_TIME_TO_LIVE = Duration.ofMinutes(5);

    private static final Duration JWK_SET_REFRESH_TIMEOUT = Duration.ofSeconds(15);

    /** nimbus fetches at most twice in each such interval, whatever {@code kid}s tokens name. */
    private static final Duration JWK_SET_RATE_LIMIT_INTERVAL = Duration.ofSeconds(30);

    private static final Log logger = LogFactory.getLog(JwtDecoder.class);

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    private final String scopeClaim;

    private final @Nullable String jwkSetUri;

    private final @Nullable String jwkSetUriForLogs;

    /**
     * @param settings the keys, algorithms and claims to check
     */
    public JwtDecoder(JwtSettings settings) {
        this(settings, Clock.systemUTC());
    }

    JwtDecoder(JwtSettings settings, Clock clock) {
        this.scopeClaim = settings.scopeClaim();
        this.jwkSetUri = (settings.jwkSetUrl() != null) ? settings.jwkSetUrl().toString() : null;
        this.jwkSetUriForLogs = (settings.jwkSetUrl() != null) ? settings.jwkSetUriForLogs() : null;
        this.processor.setJWSTypeVerifier(typeVerifier());
        byte[] secret = settings.secret();
        SecretKey secretKey = (secret != null) ? new SecretKeySpec(secret, "HMAC") : null;
        this.processor.setJWSKeySelector((secretKey != null)
                ? new SecretKeySelector(settings.jwsAlgorithms(), secretKey) : keySelector(settings));
        this.processor.setJWSVerifierFactory(new VerifierFactory(secretKey));
        this.processor.setJWTClaimsSetVerifier(claimsVerifier(settings, clock));
    }

    /**
     * Decode {@code token}: check its signature and claims, and read its principal.
     * @param token the compact JWS, as sent after {@code Bearer}
     * @return the token's subject, scopes and claims
     * @throws NotAuthenticatedException 401 {@code invalid_token} when the token is not acceptable, for whatever
     * reason
     */
    public JwtPrincipal decode(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH
                || !isCompactSerialization(token) || !hasCanonicalSignature(token)) {
            throw invalidToken();
        }
        JWTClaimsSet claims;
        try {
            claims = this.processor.process(SignedJWT.parse(token), null);
        }
        catch (KeySourceException ex) {
            keySourceFailed(ex);
            throw invalidToken();
        }
        // Nothing but the 401 may escape: not a parser's runtime exception, nor a stack overflow on nested JSON
        // should a future parser lose nimbus's nesting limit.
        catch (ParseException | BadJOSEException | JOSEException | RuntimeException | StackOverflowError ex) {
            if (logger.isDebugEnabled()) {
                logger.debug("Refused a bearer token (" + ex.getClass().getSimpleName() + ")");
            }
            throw invalidToken();
        }
        return principal(claims);
    }

    /**
     * RFC 7515 §7.1: base64url characters and dots only. nimbus trims the token ({@link String#trim()} drops NUL and
     * every other control character at either end) and its decoder skips characters outside the alphabet, so without
     * this a valid token surrounded by, or sprinkled with, such characters would still be taken.
     */
    private static boolean isCompactSerialization(String token) {
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.')) {
                return false;
            }
        }
        return true;
    }

    /**
     * RFC 7515 §2 and RFC 4648 §3.5: the signature in canonical base64url. nimbus's decoder ignores the unused bits of
     * the last character, so that one signature has several spellings and a valid token several strings. The header
     * and payload need no check: the signature covers their spelling.
     */
    private static boolean hasCanonicalSignature(String token) {
        return CanonicalBase64.isCanonicalBase64Url(token, token.lastIndexOf('.') + 1, token.length());
    }

    private JwtPrincipal principal(JWTClaimsSet claims) {
        String subject = claims.getSubject();
        List<String> scopes = scopes(claims.getClaim(this.scopeClaim));
        if (subject == null || subject.isBlank() || scopes == null) {
            throw invalidToken();
        }
        return new JwtPrincipal(subject, scopes, claims.toJSONObject());
    }

    /**
     * @return the scopes of a {@code scope} string or an {@code scp} array, whichever shape the claim has; empty
     * when it is absent; {@code null} when it is neither
     */
    private static @Nullable List<String> scopes(@Nullable Object claim) {
        if (claim == null) {
            return List.of();
        }
        if (claim instanceof String string) {
            return ScopeTokens.split(string);
        }
        if (claim instanceof List<?> list) {
            List<String> scopes = new ArrayList<>();
            for (Object scope : list) {
                if (!(scope instanceof String string)) {
                    return null;
                }
                scopes.add(string);
            }
            return scopes;
        }
        return null;
    }

    private void keySourceFailed(KeySourceException ex) {
        if (ex instanceof RateLimitReachedException) {
            logger.debug("Refused a bearer token: the JWK Set was fetched too recently to fetch it again");
            return;
        }
        Throwable cause = ex;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        // The JDK's messages quote the full URL, which may carry credentials in its user info or query.
        String message = String.valueOf(cause.getMessage()).replace(String.valueOf(this.jwkSetUri),
                String.valueOf(this.jwkSetUriForLogs));
        logger.warn("Could not fetch the JWK Set from " + this.jwkSetUriForLogs + ", so a bearer token was refused: "
                + cause.getClass().getSimpleName() + ": " + message);
    }

    static NotAuthenticatedException invalidToken() {
        return BearerTokenErrors.invalidToken();
    }

    /**
     * {@code typ} is optional (RFC 7519 §5.1); when present it must say JWT, or an RFC 9068 access token, so that
     * another kind of JWS signed by the same key is not taken for an access token (RFC 8725 §3.11).
     */
    private static DefaultJOSEObjectTypeVerifier<SecurityContext> typeVerifier() {
        Set<JOSEObjectType> types = new HashSet<>();
        types.add(null);
        types.add(JOSEObjectType.JWT);
        types.add(new JOSEObjectType("at+jwt"));
        types.add(new JOSEObjectType("application/at+jwt"));
        return new DefaultJOSEObjectTypeVerifier<>(types);
    }

    private static ConfiguredKeySelector keySelector(JwtSettings settings) {
        Set<JWSAlgorithm> algorithms = new HashSet<>(settings.jwsAlgorithms());
        JWKSet publicKeys = settings.publicKeys();
        if (publicKeys != null) {
            JWKSource<SecurityContext> source = new ImmutableJWKSet<>(publicKeys);
            boolean keyIds = publicKeys.getKeys().stream().map(JWK::getKeyID).anyMatch(Objects::nonNull);
            return new ConfiguredKeySelector(algorithms, source, !keyIds);
        }
        JWKSource<SecurityContext> remote = JWKSourceBuilder
            .create(Objects.requireNonNull(settings.jwkSetUrl()),
                    new DefaultResourceRetriever((int) JWK_SET_TIMEOUT.toMillis(), (int) JWK_SET_TIMEOUT.toMillis(),
                            JWKSourceBuilder.DEFAULT_HTTP_SIZE_LIMIT))
            .cache(JWK_SET_CACHE_TIME_TO_LIVE.toMillis(), JWK_SET_REFRESH_TIMEOUT.toMillis())
            .refreshAheadCache(false)
            .rateLimited(JWK_SET_RATE_LIMIT_INTERVAL.toMillis())
            .retrying(false)
            .outageTolerant(false)
            .build();
        return new ConfiguredKeySelector(algorithms, remote, false);
    }

    private static DefaultJWTClaimsVerifier<SecurityContext> claimsVerifier(JwtSettings settings, Clock clock) {
        JWTClaimsSet.Builder exact = new JWTClaimsSet.Builder();
        Set<String> required = new HashSet<>(List.of(JWTClaimNames.SUBJECT, JWTClaimNames.EXPIRATION_TIME));
        if (settings.issuer() != null) {
            exact.issuer(settings.issuer());
            required.add(JWTClaimNames.ISSUER);
        }
        Set<String> audience = settings.audience().isEmpty() ? null : new HashSet<>(settings.audience());
        DefaultJWTClaimsVerifier<SecurityContext> verifier = new DefaultJWTClaimsVerifier<>(audience, exact.build(),
                required, null) {

            @Override
            protected Date currentTime() {
                return Date.from(clock.instant());
            }
        };
        verifier.setMaxClockSkew((int) settings.clockSkew().toSeconds());
        return verifier;
    }

    /**
     * The key of a shared secret, for the configured HMAC algorithms only, built once: what nimbus's
     * {@code JWSVerificationKeySelector} over an {@code ImmutableSecret} would select for every token, without turning
     * the secret into a JWK, matching it against the header and exporting it again on each token. A {@code kid} cannot
     * choose among one key, so it is not looked at.
     */
    private static final class SecretKeySelector implements JWSKeySelector<SecurityContext> {

        private final Set<JWSAlgorithm> algorithms;

        private final List<Key> keys;

        SecretKeySelector(List<JWSAlgorithm> algorithms, SecretKey key) {
            this.algorithms = Set.copyOf(algorithms);
            this.keys = List.of(key);
        }

        @Override
        public List<? extends Key> selectJWSKeys(JWSHeader header, @Nullable SecurityContext context) {
            return this.algorithms.contains(header.getAlgorithm()) ? this.keys : List.of();
        }
    }

    /**
     * nimbus's selector for the configured algorithms and keys, with three changes. Among configured keys without ids
     * (PEM keys), a token's {@code kid} cannot choose, so it is left out of the match rather than refusing
     * every token that carries one. An EC key on another curve than the algorithm's is left out, since nimbus
     * stops at the first key whose verifier refuses the algorithm instead of trying the next. And for EdDSA, whose
     * JWKs nimbus cannot export to a {@link Key} and so would drop, the matching Ed25519 JWKs are handed on as the
     * JDK's {@link EdECPublicKey}, for {@link VerifierFactory}.
     */
    private static final class ConfiguredKeySelector extends JWSVerificationKeySelector<SecurityContext> {

        private final boolean ignoreKeyId;

        ConfiguredKeySelector(Set<JWSAlgorithm> algorithms, JWKSource<SecurityContext> source, boolean ignoreKeyId) {
            super(algorithms, source);
            this.ignoreKeyId = ignoreKeyId;
        }

        @Override
        protected JWKMatcher createJWKMatcher(JWSHeader header) {
            return super.createJWKMatcher(this.ignoreKeyId
                    ? new JWSHeader.Builder(header).keyID(null).x509CertSHA256Thumbprint(null).build() : header);
        }

        @Override
        public List<Key> selectJWSKeys(JWSHeader header, SecurityContext context) throws KeySourceException {
            if (JWSAlgorithm.Family.ED.contains(header.getAlgorithm())) {
                return selectEd25519Keys(header, context);
            }
            Set<Curve> curves = Curve.forJWSAlgorithm(header.getAlgorithm());
            return super.selectJWSKeys(header, context).stream()
                .filter((key) -> !(key instanceof ECPublicKey ec) || curves.contains(Curve.forECParameterSpec(
                        ec.getParams())))
                .toList();
        }

        /**
         * What nimbus's {@code selectJWSKeys} does for the other algorithms — only an allowed algorithm, only the
         * keys its matcher picks — keeping the Ed25519 keys that nimbus's own conversion would drop.
         */
        private List<Key> selectEd25519Keys(JWSHeader header, SecurityContext context) throws KeySourceException {
            if (!isAllowed(header.getAlgorithm())) {
                return List.of();
            }
            List<Key> keys = new ArrayList<>();
            for (JWK jwk : getJWKSource().get(new JWKSelector(createJWKMatcher(header)), context)) {
                if (jwk instanceof OctetKeyPair okp && Curve.Ed25519.equals(okp.getCurve())) {
                    try {
                        keys.add(Ed25519Keys.javaKey(okp));
                    }
                    catch (GeneralSecurityException ex) {
                        // not a usable Ed25519 key (a JWK Set URL may serve anything): skip it, as nimbus would
                    }
                }
            }
            return keys;
        }
    }

    /**
     * nimbus's verifier factory, which knows the HMAC, RSA and EC algorithms, and also EdDSA: an Ed25519 key selected
     * by {@link ConfiguredKeySelector} verifies with nimbus's {@link Ed25519Verifier} (which needs Google Tink;
     * {@link JwtSettings} allows no EdDSA algorithm without it). The verifier of a shared secret is built once: a
     * {@link MACVerifier} keeps nothing of one token, and nimbus's factory would build a new one, copying the
     * secret, for every token.
     */
    private static final class VerifierFactory extends DefaultJWSVerifierFactory {

        private final @Nullable SecretKey secretKey;

        private final @Nullable MACVerifier secretVerifier;

        VerifierFactory(@Nullable SecretKey secretKey) {
            this.secretKey = secretKey;
            this.secretVerifier = (secretKey != null) ? macVerifier(secretKey) : null;
        }

        private static MACVerifier macVerifier(SecretKey secretKey) {
            try {
                return new MACVerifier(secretKey);
            }
            catch (JOSEException ex) {
                throw new IllegalArgumentException("The JWT secret is not a usable HMAC key", ex);
            }
        }

        @Override
        public JWSVerifier createJWSVerifier(JWSHeader header, Key key) throws JOSEException {
            if (key == this.secretKey && this.secretVerifier != null
                    && MACVerifier.SUPPORTED_ALGORITHMS.contains(header.getAlgorithm())) {
                return this.secretVerifier;
            }
            if (JWSAlgorithm.Family.ED.contains(header.getAlgorithm()) && key instanceof EdECPublicKey ed25519) {
                try {
                    return new Ed25519Verifier(Ed25519Keys.publicJwk(ed25519));
                }
                catch (GeneralSecurityException ex) {
                    throw new JOSEException("Not an Ed25519 key");
                }
            }
            return super.createJWSVerifier(header, key);
        }
    }
}
