package io.github.padlock.jwt;

import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import io.github.padlock.BearerTokenErrors;
import io.github.padlock.NotAuthenticatedException;
import io.github.padlock.jwt.VerifiedTokenCache.TokenKey;
import io.github.padlock.scheme.ScopeTokens;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Decodes a bearer token (RFC 6750) that is a signed JSON Web Token (RFC 7519, RFC 7515) with nimbus-jose-jwt, as
 * {@link JwtSettings} say, into its {@link JwtPrincipal}: Spring Security's {@code JwtDecoder}, for Padlock. It
 * follows RFC 8725's advice: only the configured algorithms and keys are used ({@code alg: none}, {@code jku},
 * {@code x5u}, {@code x5c} and {@code jwk} headers are never trusted, and {@code kid} only chooses among configured
 * keys), {@code exp} and {@code sub} are required ({@code sub} a string, {@link SubjectClaim}), {@code nbf} and
 * {@code exp} are checked with the clock skew, {@code iss} and {@code aud} when configured, {@code typ} as
 * {@link TokenType} says, and an unknown {@code crit} header is refused. Before nimbus parses it, the token must be the compact serialization with a
 * canonical signature, and its JSON nested at most {@value CompactJws#MAX_DEPTH} deep ({@link CompactJws}).
 * <p>
 * Every refusal is the same 401 {@code invalid_token} of {@link BearerTokenErrors#invalidToken()} (RFC 6750 §3.1),
 * with detail {@value BearerTokenErrors#INVALID_TOKEN_DETAIL}, so the client learns nothing about which check failed,
 * and the token is never echoed nor logged. A JWK Set URL is fetched on the first token, not at construction; when it
 * cannot be fetched the token is refused the same way and one WARN line is logged ({@link JwkSetSource}).
 * <p>
 * With {@link JwtCacheSettings} (what {@code padlock.jwt.cache} configures, on by default), a token that passed every
 * check is kept, and the same token sent again gets the same principal without being verified again, until it expires
 * ({@code exp} plus the clock skew, checked on every hit, exactly as a new check would) or the maximum age passes
 * ({@link VerifiedTokenCache}). What is per request stays per request: the scopes required on the path
 * ({@link JwtVerifiers}) and every verifier above this one run on every request, cached token or not. Once the cache
 * is full, a token is kept from its second check on, so that tokens sent once (clients that never reuse a token) cost
 * no insertion and no eviction. A refused token is never kept, so it cannot evict a good one; the cache is emptied
 * when a JWK Set is fetched with other keys, and a new configuration is a new decoder with an empty cache (a secret or
 * public key changes only that way).
 * <p>
 * With {@link RevokedTokens} (what Padlock's token endpoint provides), every accepted token — verified now or found in
 * the cache — is looked up by its {@code jti} and its family ({@value RevokedTokens#FAMILY_CLAIM}) after the cache, so
 * the cache never answers for a revoked token (RFC 7009 §2: a revoked token is refused from the next request on). A
 * revoked token gets the same 401 as any other invalid token; a list that cannot be read gets its own 503, never an
 * accepted token.
 * <p>
 * Thread-safe: build one per {@link JwtSettings} and share it, so that a JWK Set is cached once. Everything that
 * depends only on the settings is built here (the keyed HMACs of a secret too: {@link PooledMacVerifier}); per token,
 * only per-token work is done.
 */
public final class JwtDecoder {

    private static final Log logger = LogFactory.getLog(JwtDecoder.class);

    private final SignedTokenProcessor processor;

    private final String scopeClaim;

    /** The clock skew as nimbus applies it to {@code exp}: whole seconds, in milliseconds. */
    private final long clockSkewMillis;

    private final @Nullable VerifiedTokenCache cache;

    private final @Nullable JwkSetSource jwkSet;

    private final @Nullable RevokedTokens revoked;

    /**
     * A decoder that verifies every token it is given.
     * @param settings the keys, algorithms and claims to check
     */
    public JwtDecoder(JwtSettings settings) {
        this(settings, (JwtCacheSettings) null);
    }

    /**
     * A decoder that keeps the tokens it verified, as {@code cache} says, or verifies every token.
     * @param settings the keys, algorithms and claims to check
     * @param cache how verified tokens are kept, or {@code null} to verify every token; needs Caffeine
     * ({@code com.github.ben-manes.caffeine:caffeine}) on the classpath
     */
    public JwtDecoder(JwtSettings settings, @Nullable JwtCacheSettings cache) {
        this(settings, cache, null);
    }

    /**
     * A decoder that keeps the tokens it verified, as {@code cache} says, and refuses those {@code revoked} lists,
     * whether it kept them or not (RFC 7009).
     * @param settings the keys, algorithms and claims to check
     * @param cache how verified tokens are kept, or {@code null} to verify every token; needs Caffeine
     * ({@code com.github.ben-manes.caffeine:caffeine}) on the classpath
     * @param revoked the revocation list asked about every accepted token, or {@code null} for none
     */
    public JwtDecoder(JwtSettings settings, @Nullable JwtCacheSettings cache, @Nullable RevokedTokens revoked) {
        this(settings, cache, revoked, Clock.systemUTC(), System::nanoTime, Runnable::run);
    }

    JwtDecoder(JwtSettings settings, Clock clock) {
        this(settings, null, null, clock, System::nanoTime, Runnable::run);
    }

    JwtDecoder(JwtSettings settings, @Nullable JwtCacheSettings cache, Clock clock, LongSupplier ticker,
            Executor executor) {
        this(settings, cache, null, clock, ticker, executor);
    }

    /**
     * @param clock the time {@code exp} and {@code nbf} are checked against, on a check and on a cache hit
     * @param ticker the cache's time source for the maximum age, in nanoseconds
     * @param executor where the cache evicts; on the thread that wrote, by default ({@link VerifiedTokenCache})
     */
    JwtDecoder(JwtSettings settings, @Nullable JwtCacheSettings cache, @Nullable RevokedTokens revoked, Clock clock,
            LongSupplier ticker, Executor executor) {
        this.revoked = revoked;
        VerificationKeys keys = settings.keys();
        this.scopeClaim = settings.scopeClaim();
        this.clockSkewMillis = settings.clockSkew().toSeconds() * 1000;
        // Before the JWK Set source, whose fetches may empty it.
        this.cache = (cache != null) ? new VerifiedTokenCache(cache, clock, ticker, executor) : null;
        this.jwkSet = (keys.jwkSetUrl() != null) ? new JwkSetSource(keys.jwkSetUrl(), this::keysChanged) : null;
        byte[] secret = keys.secret();
        SecretKey secretKey = (secret != null) ? new SecretKeySpec(secret, "HMAC") : null;
        this.processor = new SignedTokenProcessor(settings.claims().type(), (secretKey != null)
                ? new SecretKeySelector(settings.jwsAlgorithms(), secretKey) : keySelector(settings),
                new VerifierFactory(secretKey), settings.claims().claimsVerifier(clock));
    }

    /**
     * Decode {@code token}: check its signature and claims, and read its principal.
     * @param token the compact JWS, as sent after {@code Bearer}
     * @return the token's subject, scopes and claims
     * @throws NotAuthenticatedException 401 {@code invalid_token} when the token is not acceptable, for whatever
     * reason
     */
    public JwtPrincipal decode(String token) {
        VerifiedTokenCache cache = this.cache;
        TokenKey key = (cache != null) ? cache.key(token) : null;
        if (cache == null || key == null) {
            return notRevoked(principal(verify(token)));
        }
        JwtPrincipal cached = cache.get(key);
        if (cached != null) {
            return notRevoked(cached);
        }
        long generation = cache.generation();
        JWTClaimsSet claims = verify(token);
        JwtPrincipal principal = notRevoked(principal(claims));
        Date expiration = claims.getExpirationTime(); // required: never null once verified
        if (expiration != null) {
            cache.put(key, principal, expiration.getTime() + this.clockSkewMillis, generation);
        }
        return principal;
    }

    /**
     * The revocation check, after the cache so that a kept token is checked too: one lookup of the token's
     * {@code jti} and family. A revoked token gets the same 401 as any other invalid token; a list that cannot be
     * read is the list's own 503, never an accepted token.
     */
    private JwtPrincipal notRevoked(JwtPrincipal principal) {
        RevokedTokens revoked = this.revoked;
        if (revoked != null) {
            String tokenId = stringClaim(principal, "jti");
            String familyId = stringClaim(principal, RevokedTokens.FAMILY_CLAIM);
            if ((tokenId != null || familyId != null) && revoked.isRevoked(tokenId, familyId)) {
                if (logger.isDebugEnabled()) {
                    logger.debug("Refused a bearer token (revoked)");
                }
                throw BearerTokenErrors.invalidToken();
            }
        }
        return principal;
    }

    private static @Nullable String stringClaim(JwtPrincipal principal, String name) {
        return (principal.claims().get(name) instanceof String value && !value.isEmpty()) ? value : null;
    }

    /**
     * @return what the cache of verified tokens counted, or {@code null} when there is no cache or it does not
     * count ({@link JwtCacheSettings#recordStats()})
     */
    public @Nullable JwtCacheStatistics cacheStatistics() {
        return (this.cache != null) ? this.cache.statistics() : null;
    }

    /** {@return the processor that checks tokens the cache does not answer} */
    SignedTokenProcessor processor() {
        return this.processor;
    }

    /**
     * @return the cache of verified tokens, or {@code null}
     */
    @Nullable VerifiedTokenCache cache() {
        return this.cache;
    }

    private void keysChanged() {
        if (this.cache != null) {
            this.cache.invalidateAll();
        }
    }

    /**
     * @return the claims of {@code token} once its signature and claims passed every check
     * @throws NotAuthenticatedException 401 {@code invalid_token} otherwise
     */
    private JWTClaimsSet verify(String token) {
        if (!CompactJws.isAcceptable(token)) {
            throw BearerTokenErrors.invalidToken();
        }
        JWTClaimsSet claims;
        try {
            claims = this.processor.process(token);
        }
        catch (KeySourceException ex) {
            if (this.jwkSet != null) {
                this.jwkSet.failed(ex);
            }
            throw BearerTokenErrors.invalidToken();
        }
        // Nothing but the 401 may escape, not even a parser's runtime exception. (Deep JSON, which could overflow a
        // parser's stack, never reaches one: CompactJws bounds it.)
        catch (ParseException | BadJOSEException | JOSEException | RuntimeException ex) {
            if (logger.isDebugEnabled()) {
                logger.debug("Refused a bearer token (" + ex.getClass().getSimpleName() + ")");
            }
            throw BearerTokenErrors.invalidToken();
        }
        return claims;
    }

    private JwtPrincipal principal(JWTClaimsSet claims) {
        String subject = claims.getSubject();
        List<String> scopes = scopes(claims.getClaim(this.scopeClaim));
        if (subject == null || scopes == null) {
            throw BearerTokenErrors.invalidToken();
        }
        return new JwtPrincipal(subject, scopes, claims.toJSONObject());
    }

    /**
     * @return the scopes of a {@code scope} string (RFC 8693 §4.2, split by {@link ScopeTokens}) or an {@code scp}
     * array, whichever shape the claim has; empty when it is absent; {@code null} when it is neither
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

    private JWSKeySelector<SecurityContext> keySelector(JwtSettings settings) {
        Set<JWSAlgorithm> algorithms = new HashSet<>(settings.jwsAlgorithms());
        JWKSet publicKeys = settings.keys().publicKeySet();
        if (publicKeys != null) {
            boolean keyIds = publicKeys.getKeys().stream().map(JWK::getKeyID).anyMatch(Objects::nonNull);
            return new ConfiguredKeySelector(algorithms, new ImmutableJWKSet<>(publicKeys), !keyIds);
        }
        return new ConfiguredKeySelector(algorithms, Objects.requireNonNull(this.jwkSet).source(), false);
    }
}
