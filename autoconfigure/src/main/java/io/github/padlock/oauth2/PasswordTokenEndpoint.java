package io.github.padlock.oauth2;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import io.github.padlock.AttemptLimiter;
import io.github.padlock.PadlockException;
import io.github.padlock.PublicEndpoint;
import io.github.padlock.SecurityFailureEvent;
import io.github.padlock.SecurityOutcome;
import io.github.padlock.SecuritySuccessEvent;
import io.github.padlock.credentials.StoredUser;
import io.github.padlock.credentials.UserAuthenticator;
import io.github.padlock.credentials.UserPrincipal;
import io.github.padlock.jwt.IssuedToken;
import io.github.padlock.jwt.JwtIssuer;
import io.github.padlock.jwt.RevokedTokens;
import io.github.padlock.scheme.ScopeTokens;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The token endpoint of OAuth 2.0's resource owner password grant (RFC 6749 §4.3), strict by default: served at
 * {@code padlock.token-endpoint.path} when {@code padlock.token-endpoint.enabled} is set, it checks the user name and
 * password with the {@link UserAuthenticator} and answers a signed JWT granting the requested scopes (all the user's
 * when none is requested), as {@code {"access_token", "token_type": "bearer", "expires_in", "scope"}} with
 * {@code Cache-Control: no-store} (§5.1). Errors are 400 problem+json with RFC 6749 §5.2's {@code error} and
 * {@code error_description}:
 * <ul>
 * <li>{@code invalid_request}: a malformed form, no {@code grant_type} (§4.3.2: REQUIRED), a control character in the
 * user name or password (never passed to the {@code UserStore});</li>
 * <li>{@code unsupported_grant_type}: a grant type other than {@code password};</li>
 * <li>{@code invalid_scope}: a scope that is not space-delimited scope-tokens (§3.3: a tab is malformed), or one the
 * user does not hold — unless {@code padlock.token-endpoint.down-scope} grants the ones the user holds instead;</li>
 * <li>{@code invalid_grant}: wrong credentials or a disabled user; a refresh token unknown, expired, used or revoked,
 * or whose user is gone or disabled.</li>
 * </ul>
 * The client is not authenticated: the endpoint serves public clients such as Swagger UI, and is a
 * {@link PublicEndpoint} (its credentials are the form's, not a security scheme's).
 * <p>
 * With an {@link AttemptLimiter} ({@code padlock.brute-force.enabled}), a client (the request's remote address) that
 * failed too often is answered 429 with {@code Retry-After} and {@code "error": "slow_down"} (the token endpoint's
 * code in the IANA OAuth registry, RFC 8628 §3.5) before its credentials are checked, and every {@code invalid_grant}
 * counts as a failure of that client.
 * <p>
 * With {@link RefreshTokens} ({@code padlock.token-endpoint.refresh-tokens.enabled}), the password grant also answers
 * a {@code refresh_token}, and {@code grant_type=refresh_token} (RFC 6749 §6) rotates it: a new access token and a new
 * refresh token of the same family, the scopes narrowed to {@code scope} when given ({@code invalid_scope} when it
 * exceeds the original grant). A refused refresh token is {@code invalid_grant}, counted by the limiter; a rotated
 * refresh token presented again revokes its family (RFC 9700 §4.14.2). Access tokens of a family carry its id in
 * their {@code sid} claim, which the JWT decoder's revocation check reads.
 * <p>
 * A store that does not answer (the users, or the refresh tokens) is a 503 with {@code Retry-After} and
 * {@code "error": "temporarily_unavailable"}: no token is issued that could not be revoked.
 */
@PublicEndpoint
@RestController
public final class PasswordTokenEndpoint {

    /** The name of the observation of each token request. */
    public static final String OBSERVATION = "padlock.token";

    /** The scheme named by the token endpoint's events. */
    public static final String EVENT_SCHEME = "tokenEndpoint";

    /**
     * The longest time to live of an access token: a hundred years, far beyond any sensible one, and well within the
     * year 9999 that a {@link io.github.padlock.jwt.JwtDecoder} accepts in {@code exp}.
     */
    public static final Duration LONGEST_ACCESS_TOKEN_TTL = Duration.ofDays(36_500);

    private static final String OUTCOME = "outcome";

    private final UserAuthenticator users;

    private final JwtIssuer issuer;

    private final Duration accessTokenTtl;

    private final boolean downScope;

    private final @Nullable AttemptLimiter limiter;

    private ObservationRegistry observations = ObservationRegistry.NOOP;

    private @Nullable ApplicationEventPublisher events;

    private @Nullable RefreshTokens refreshTokens;

    /**
     * @param users checks the user name and password
     * @param issuer signs the access tokens
     * @param accessTokenTtl how long an access token lives
     * @param downScope whether a request for scopes the user does not hold gets the ones the user holds rather than
     * {@code invalid_scope}
     * @param limiter refuses clients that failed too often, or {@code null} for none
     * @throws IllegalArgumentException when {@code accessTokenTtl} is shorter than a second or longer than
     * {@link #LONGEST_ACCESS_TOKEN_TTL}, which every request would otherwise fail on
     */
    public PasswordTokenEndpoint(UserAuthenticator users, JwtIssuer issuer, Duration accessTokenTtl, boolean downScope,
            @Nullable AttemptLimiter limiter) {
        if (accessTokenTtl.toSeconds() < 1 || accessTokenTtl.compareTo(LONGEST_ACCESS_TOKEN_TTL) > 0) {
            throw new IllegalArgumentException("access-token-ttl: must be at least one second and at most "
                    + LONGEST_ACCESS_TOKEN_TTL.toDays() + " days");
        }
        this.users = users;
        this.issuer = issuer;
        this.accessTokenTtl = accessTokenTtl;
        this.downScope = downScope;
        this.limiter = limiter;
    }

    /**
     * Observe each token request as a {@code padlock.token} observation, with the low-cardinality key {@code outcome}:
     * {@code granted} or the RFC 6749 §5.2 error code ({@code invalid_request}, {@code unsupported_grant_type},
     * {@code invalid_scope}, {@code invalid_grant}, {@code slow_down}, {@code temporarily_unavailable} for a store that
     * does not answer), {@code error} for an exception that is no
     * answer of the endpoint's. Never a user name, a password or a token in a key value.
     * @param observations where observations go ({@link ObservationRegistry#NOOP} by default: none)
     */
    public void setObservationRegistry(ObservationRegistry observations) {
        this.observations = observations;
    }

    /**
     * Publish a {@link SecuritySuccessEvent} for each issued token (its principal the {@link UserPrincipal} of the user
     * and the scopes granted) and a {@link SecurityFailureEvent} for each refused grant: {@code invalid_grant}
     * ({@link SecurityOutcome#INVALID}), {@code invalid_scope} ({@link SecurityOutcome#FORBIDDEN}) and
     * {@code slow_down} ({@link SecurityOutcome#LIMITED}); both with the scheme {@value #EVENT_SCHEME}. Malformed
     * requests publish nothing, as Spring Security publishes nothing for a request it cannot read.
     * @param events where events go, or {@code null} for none (the default)
     */
    public void setEventPublisher(@Nullable ApplicationEventPublisher events) {
        this.events = events;
    }

    /**
     * Answer refresh tokens with the password grant, and serve the refresh grant (RFC 6749 §6).
     * @param refreshTokens the refresh tokens, or {@code null} for none (the default): then
     * {@code grant_type=refresh_token} is {@code unsupported_grant_type}
     */
    public void setRefreshTokens(@Nullable RefreshTokens refreshTokens) {
        this.refreshTokens = refreshTokens;
    }

    /**
     * @param request the password grant's form (RFC 6749 §4.3.2) or, with refresh tokens, the refresh grant's
     * (§6); its remote address identifies the client to the brute-force limiter
     * @return the access token response
     */
    @PostMapping(path = "${padlock.token-endpoint.path:/token}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> token(HttpServletRequest request) {
        // The form is read, and refused, before the observation starts: handleInvalidForm observes its refusals.
        RefreshTokens refresh = this.refreshTokens;
        boolean refreshGrant = refresh != null
                && PasswordRequestFormReader.REFRESH_TOKEN.equals(PasswordRequestFormReader.grantType(request));
        String refreshToken = refreshGrant ? PasswordRequestFormReader.readRefresh(request) : null;
        OAuth2PasswordRequestFormStrict form = refreshGrant ? null : PasswordRequestFormReader.readStrict(request);
        Observation observation = Observation.start(OBSERVATION, this.observations);
        try {
            ResponseEntity<Map<String, Object>> response = (refresh != null && refreshToken != null)
                    ? refresh(refresh, refreshToken, request) : issue(Objects.requireNonNull(form), request);
            observation.lowCardinalityKeyValue(OUTCOME, "granted");
            return response;
        }
        catch (PadlockException ex) {
            TokenErrors.withErrorCode(ex);
            Object code = (ex.getBody().getProperties() != null) ? ex.getBody().getProperties().get("error") : null;
            // an answer without an RFC 6749 code (a 503 when the users cannot be read) by its outcome
            String error = (code != null) ? code.toString() : ex.outcome().name().toLowerCase(Locale.ROOT);
            observation.lowCardinalityKeyValue(OUTCOME, error);
            SecurityOutcome refused = switch (error) {
                case "invalid_grant" -> SecurityOutcome.INVALID;
                case "invalid_scope" -> SecurityOutcome.FORBIDDEN;
                case "slow_down" -> SecurityOutcome.LIMITED;
                default -> null;
            };
            if (refused != null && this.events != null) {
                this.events.publishEvent(new SecurityFailureEvent(this, refused, EVENT_SCHEME, "none"));
            }
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

    private ResponseEntity<Map<String, Object>> issue(OAuth2PasswordRequestFormStrict form,
            HttpServletRequest request) {
        if (hasControlCharacter(form.username()) || hasControlCharacter(form.password())) {
            throw error("invalid_request", "The username and password must not contain control characters");
        }
        List<String> requested = requestedScopes(PasswordRequestFormReader.rawScope(request));
        String client = String.valueOf(request.getRemoteAddr());
        checkLimit(client);
        StoredUser user = this.users.check(form.username(), form.password());
        record(client, (user == null || user.disabled()) ? SecurityOutcome.INVALID : SecurityOutcome.GRANTED);
        if (user == null || user.disabled()) {
            throw error("invalid_grant", (user == null) ? UserAuthenticator.INCORRECT : UserAuthenticator.INACTIVE);
        }
        List<String> granted = requested.isEmpty() ? user.scopes() : requested;
        if (!user.scopes().containsAll(granted)) {
            if (!this.downScope) {
                throw error("invalid_scope", "The requested scope exceeds the scope granted to the user");
            }
            granted = granted.stream().filter(user.scopes()::contains).toList();
        }
        // The refresh token is kept before the access token is signed: a store that does not answer issues neither.
        RefreshTokens.Issued refresh = (this.refreshTokens != null)
                ? this.refreshTokens.start(user.username(), granted) : null;
        return answer(user.username(), granted, refresh);
    }

    /** RFC 6749 §6: a refresh token for a new access token and a new refresh token of its family. */
    private ResponseEntity<Map<String, Object>> refresh(RefreshTokens refreshTokens, String refreshToken,
            HttpServletRequest request) {
        List<String> requested = requestedScopes(PasswordRequestFormReader.rawScope(request));
        String client = String.valueOf(request.getRemoteAddr());
        checkLimit(client);
        RefreshTokens.Issued issued;
        try {
            issued = refreshTokens.refresh(refreshToken, requested, this.users);
        }
        catch (PadlockException ex) {
            if (ex.getBody().getProperties() != null
                    && "invalid_grant".equals(ex.getBody().getProperties().get("error"))) {
                record(client, SecurityOutcome.INVALID);
            }
            throw ex;
        }
        // No count of the success, hence no 429 at the count: the rotation is done, and a 429 now would withhold the
        // new refresh token while the presented one is used, so that the client's retry after Retry-After would be a
        // reuse and revoke its own family (found by an outside attack: failures of the same address landing while the
        // refresh ran). The count's 429 keeps a guess from learning that a password was right; a refresh token is 256
        // random bits, never guessed, and a success counts nothing.
        return answer(issued.username(), issued.scopes(), issued);
    }

    /** The access token response (RFC 6749 §5.1), with the refresh token when there is one. */
    private ResponseEntity<Map<String, Object>> answer(String username, List<String> granted,
            RefreshTokens.@Nullable Issued refresh) {
        Map<String, Object> claims = (refresh != null) ? Map.of(RevokedTokens.FAMILY_CLAIM, refresh.familyId())
                : Map.of();
        IssuedToken token = this.issuer.issue(username, granted, this.accessTokenTtl, claims);
        if (this.events != null) {
            this.events.publishEvent(new SecuritySuccessEvent(this, new UserPrincipal(username, granted),
                    EVENT_SCHEME, "none"));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", token.value());
        body.put("token_type", "bearer");
        body.put("expires_in", this.accessTokenTtl.toSeconds());
        body.put("scope", ScopeTokens.join(granted));
        if (refresh != null) {
            body.put("refresh_token", refresh.token());
        }
        return ResponseEntity.ok()
            .cacheControl(CacheControl.noStore())
            .header(HttpHeaders.PRAGMA, "no-cache")
            .body(body);
    }

    private void checkLimit(String client) {
        if (this.limiter != null) {
            try {
                this.limiter.check(client);
            }
            catch (PadlockException ex) {
                throw slowDown(ex);
            }
        }
    }

    private void record(String client, SecurityOutcome outcome) {
        if (this.limiter != null) {
            try {
                this.limiter.record(client, outcome);
            }
            catch (PadlockException ex) {
                throw slowDown(ex);
            }
        }
    }

    /** RFC 6749 §3.3: scope-tokens separated by single spaces; anything else is malformed. */
    private static List<String> requestedScopes(@Nullable String scope) {
        if (scope == null || scope.isEmpty()) {
            return List.of();
        }
        List<String> tokens = List.of(scope.split(" ", -1));
        if (!tokens.stream().allMatch(ScopeTokens::isScopeToken)) {
            throw error("invalid_scope", "The requested scope is malformed");
        }
        return tokens.stream().distinct().toList();
    }

    private static boolean hasControlCharacter(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }

    /** The limiter's 429 in RFC 6749 §5.2's shape, beside its {@code Retry-After}. */
    private static PadlockException slowDown(PadlockException limited) {
        PadlockException answer = new PadlockException(limited.getStatusCode(),
                String.valueOf(limited.getBody().getDetail()), List.of(), limited.outcome());
        answer.getHeaders().addAll(limited.getHeaders());
        answer.getBody().setProperty("error", "slow_down");
        answer.getBody().setProperty("error_description", limited.getBody().getDetail());
        answer.getHeaders().setCacheControl(CacheControl.noStore());
        return answer;
    }

    /**
     * A malformed form is {@code invalid_request}, except a grant type other than {@code password}, which is
     * {@code unsupported_grant_type} (RFC 6749 §5.2).
     * @param exception the form's problems
     * @param request the request, whose path is the problem's {@code instance}
     * @return the problem response
     */
    @ExceptionHandler(InvalidPasswordRequestFormException.class)
    public ResponseEntity<ProblemDetail> handleInvalidForm(InvalidPasswordRequestFormException exception,
            HttpServletRequest request) {
        boolean wrongGrantType = exception.errors().stream()
            .anyMatch((error) -> error.field().equals("grant_type")
                    && error.message().equals(PasswordRequestFormReader.NOT_PASSWORD));
        PadlockException answer = exception;
        if (wrongGrantType) {
            answer = error("unsupported_grant_type", (this.refreshTokens != null)
                    ? "Only the password and refresh_token grant types are supported"
                    : "Only the password grant type is supported");
        }
        else {
            exception.getBody().setProperty("error_description", exception.getBody().getDetail());
            exception.getHeaders().setCacheControl(CacheControl.noStore());
        }
        // the form is read before token(...) runs: its refusal is observed here, as a point in time
        Observation.start(OBSERVATION, this.observations)
            .lowCardinalityKeyValue(OUTCOME, wrongGrantType ? "unsupported_grant_type" : "invalid_request")
            .stop();
        // as Padlock's exception handler does: never the raw request URI, whose path parameters may carry a secret
        answer.getBody().setInstance(TokenErrors.instance(request));
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders()).body(answer.getBody());
    }

    private static PadlockException error(String code, String description) {
        return TokenErrors.error(code, description);
    }
}
