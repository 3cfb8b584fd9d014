package io.github.padlock.oauth2;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import io.github.padlock.PadlockException;
import io.github.padlock.PublicEndpoint;
import io.github.padlock.SecurityOutcome;
import io.github.padlock.jwt.JwtDecoder;
import io.github.padlock.jwt.JwtPrincipal;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * OAuth 2.0 token revocation (RFC 7009) for the tokens of Padlock's token endpoint, served at
 * {@code padlock.token-endpoint.path} + {@code /revoke}: {@code POST} a form with {@code token} and, optionally,
 * {@code token_type_hint} ({@code access_token} or {@code refresh_token}; any other value is ignored, §2.1).
 * <ul>
 * <li>The client is not authenticated: the token is the proof, and whoever holds it may revoke it (a public client,
 * §2.1). Only a token Padlock can verify revokes anything: an access token whose signature and claims the
 * {@link JwtDecoder} accepts has its {@code jti} revoked until its {@code exp} plus the clock skew; a refresh token
 * found in the {@link TokenStore} has its whole family revoked — its refresh tokens and the access tokens issued with
 * them. A token's shape tells which it is (a JWS has two dots, a refresh token none), so the hint is not needed.</li>
 * <li>The answer is 200 with an empty body and {@code Cache-Control: no-store}, for a revoked token and equally for an
 * unknown, expired, forged or already revoked one (§2.2): the client's goal is met either way, and the answer tells
 * an attacker nothing.</li>
 * <li>No {@code token}, a repeated field, a control character or a body that cannot be decoded is 400 problem+json
 * with {@code "error": "invalid_request"}, as at the token endpoint; a store that does not answer is 503 with
 * {@code Retry-After} and {@code "error": "temporarily_unavailable"} (§2.2.1: the client must assume the token still
 * exists, and retry).</li>
 * </ul>
 * Each request is a {@value #OBSERVATION} observation whose low-cardinality key {@code outcome} is {@code revoked},
 * {@code ignored} (nothing to revoke), {@code invalid_request}, {@code temporarily_unavailable} or {@code error}, and
 * whose {@code token.type} is {@code access_token} or {@code refresh_token} by the token's shape ({@code unknown} for
 * a form that could not be read); never the token.
 */
@PublicEndpoint
@RestController
public final class TokenRevocationEndpoint {

    /** The name of the observation of each revocation request. */
    public static final String OBSERVATION = "padlock.token.revoke";

    private static final String OUTCOME = "outcome";

    private static final String TOKEN_TYPE = "token.type";

    private final JwtDecoder decoder;

    private final TokenStore store;

    private final Duration clockSkew;

    private final @Nullable RefreshTokens refreshTokens;

    private final Clock clock;

    private ObservationRegistry observations = ObservationRegistry.NOOP;

    /**
     * @param decoder verifies an access token before its {@code jti} is revoked
     * @param store where revocations are kept
     * @param clockSkew the decoder's tolerance on {@code exp}: a revocation holds until {@code exp} plus this
     * @param refreshTokens the refresh tokens, or {@code null} when the token endpoint issues none
     */
    public TokenRevocationEndpoint(JwtDecoder decoder, TokenStore store, Duration clockSkew,
            @Nullable RefreshTokens refreshTokens) {
        this(decoder, store, clockSkew, refreshTokens, Clock.systemUTC());
    }

    TokenRevocationEndpoint(JwtDecoder decoder, TokenStore store, Duration clockSkew,
            @Nullable RefreshTokens refreshTokens, Clock clock) {
        this.decoder = decoder;
        this.store = store;
        this.clockSkew = clockSkew;
        this.refreshTokens = refreshTokens;
        this.clock = clock;
    }

    /**
     * @param observations where observations go ({@link ObservationRegistry#NOOP} by default: none)
     */
    public void setObservationRegistry(ObservationRegistry observations) {
        this.observations = observations;
    }

    /**
     * @param request the revocation request's form
     * @return 200, empty, whatever the token was
     */
    @PostMapping(path = "${padlock.token-endpoint.path:/token}/revoke")
    public ResponseEntity<Void> revoke(HttpServletRequest request) {
        PasswordRequestFormReader.Revocation form = PasswordRequestFormReader.readRevocation(request);
        boolean accessToken = form.token().indexOf('.') >= 0;
        Observation observation = Observation.start(OBSERVATION, this.observations)
            .lowCardinalityKeyValue(TOKEN_TYPE, accessToken ? "access_token" : "refresh_token");
        try {
            boolean revoked = accessToken ? revokeAccessToken(form.token()) : revokeRefreshToken(form.token());
            observation.lowCardinalityKeyValue(OUTCOME, revoked ? "revoked" : "ignored");
            return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header(HttpHeaders.PRAGMA, "no-cache")
                .build();
        }
        catch (PadlockException ex) {
            TokenErrors.withErrorCode(ex);
            Object code = (ex.getBody().getProperties() != null) ? ex.getBody().getProperties().get("error") : null;
            observation.lowCardinalityKeyValue(OUTCOME,
                    (code != null) ? code.toString() : ex.outcome().name().toLowerCase(Locale.ROOT));
            throw ex;
        }
        catch (RuntimeException ex) {
            observation.lowCardinalityKeyValue(OUTCOME, "error");
            observation.error(ex);
            throw ex;
        }
        finally {
            observation.stop();
        }
    }

    /** Only a token the decoder accepts: a forged, expired or already revoked one revokes nothing. */
    private boolean revokeAccessToken(String token) {
        JwtPrincipal principal;
        try {
            principal = this.decoder.decode(token);
        }
        catch (PadlockException ex) {
            if (ex.outcome() == SecurityOutcome.UNAVAILABLE) {
                throw ex;
            }
            return false;
        }
        Object tokenId = principal.claims().get("jti");
        Object expiration = principal.claims().get("exp");
        if (!(tokenId instanceof String id) || id.isEmpty() || !(expiration instanceof Number exp)) {
            return false;
        }
        Instant until = Instant.ofEpochSecond(exp.longValue()).plus(this.clockSkew);
        if (!until.isAfter(this.clock.instant())) {
            return false;
        }
        this.store.revokeToken(id, until);
        return true;
    }

    private boolean revokeRefreshToken(String token) {
        return this.refreshTokens != null && !token.isEmpty() && this.refreshTokens.revoke(token);
    }

    /**
     * A malformed form: 400 {@code invalid_request} in RFC 6749 §5.2's shape, as at the token endpoint.
     * @param exception the form's problems
     * @param request the request, whose path is the problem's {@code instance}
     * @return the problem response
     */
    @ExceptionHandler(InvalidPasswordRequestFormException.class)
    public ResponseEntity<ProblemDetail> handleInvalidForm(InvalidPasswordRequestFormException exception,
            HttpServletRequest request) {
        exception.getBody().setProperty("error_description", exception.getBody().getDetail());
        exception.getHeaders().setCacheControl(CacheControl.noStore());
        Observation.start(OBSERVATION, this.observations)
            .lowCardinalityKeyValue(TOKEN_TYPE, "unknown")
            .lowCardinalityKeyValue(OUTCOME, "invalid_request")
            .stop();
        exception.getBody().setInstance(TokenErrors.instance(request));
        return ResponseEntity.status(exception.getStatusCode()).headers(exception.getHeaders())
            .body(exception.getBody());
    }
}
