package io.github.padlock.jwt;

import java.util.List;

import io.github.padlock.BearerTokenErrors;
import io.github.padlock.NotAuthenticatedException;
import io.github.padlock.PadlockException;
import io.github.padlock.SecurityDependency;
import io.github.padlock.SecurityOutcome;
import io.github.padlock.SecurityScopes;
import io.github.padlock.Verifier;
import io.github.padlock.scheme.HttpAuthorizationCredentials;
import io.github.padlock.scheme.SecurityScheme;

import org.springframework.http.HttpStatus;

/**
 * {@link Verifier}s that accept a JSON Web Token from any scheme that reads one and check the scopes required on the
 * path against those it grants: FastAPI's {@code get_current_user} of the OAuth2 scopes tutorial, ready-made.
 *
 * <pre>{@code
 * @Bean
 * Verifier<JwtPrincipal> currentUser(OAuth2PasswordBearer oauth2, JwtDecoder jwt) {
 *     return JwtVerifiers.over(oauth2, jwt);
 * }
 * }</pre>
 *
 * An invalid token is a 401 {@code invalid_token}, a missing scope a 403 {@code insufficient_scope} (RFC 6750 §3.1).
 * When the scheme has {@code autoError} off and the request carries no token, the verifier produces {@code null}.
 * An empty token ({@code Authorization: Bearer}, which FastAPI's {@code OAuth2PasswordBearer} hands over as
 * {@code ""}) is no token at all: 401 {@code Not authenticated} with the scheme's bare challenge (RFC 6750 §3.1: no
 * error code when the request lacks authentication information), {@link SecurityOutcome#MISSING}, which the
 * brute-force limiter does not count.
 */
public final class JwtVerifiers {

    private JwtVerifiers() {
    }

    /**
     * A verifier over a scheme that produces the token itself, such as {@code OAuth2PasswordBearer},
     * {@code OAuth2AuthorizationCodeBearer} or an API key scheme.
     * @param scheme the scheme (or verifier) producing the token
     * @param jwt the token check
     * @return the verifier
     */
    public static Verifier<JwtPrincipal> over(SecurityDependency<String> scheme, JwtDecoder jwt) {
        // The scheme's bare challenge for an empty token; over a verifier, the plan adds the schemes' beneath it.
        List<String> challenge = (scheme instanceof SecurityScheme<?> direct) ? List.of(direct.challenge()) : List.of();
        return Verifier.of(scheme, (token, scopes) -> {
            if (token == null) {
                return null;
            }
            if (token.isEmpty()) {
                throw new PadlockException(HttpStatus.UNAUTHORIZED, NotAuthenticatedException.NOT_AUTHENTICATED,
                        challenge, SecurityOutcome.MISSING);
            }
            return verify(jwt, token, scopes);
        });
    }

    /**
     * A verifier over a scheme that produces {@code Authorization} credentials, such as {@code HttpBearer}; any
     * scheme other than {@code Bearer} is refused as an invalid token. (Java erasure keeps this from being another
     * {@code over}.)
     * @param scheme the scheme (or verifier) producing the credentials
     * @param jwt the token check
     * @return the verifier
     */
    public static Verifier<JwtPrincipal> overBearer(SecurityDependency<HttpAuthorizationCredentials> scheme,
            JwtDecoder jwt) {
        return Verifier.of(scheme, (credentials, scopes) -> (credentials != null)
                ? verify(jwt, bearerToken(credentials), scopes) : null);
    }

    private static String bearerToken(HttpAuthorizationCredentials credentials) {
        if (!credentials.hasScheme("Bearer")) {
            throw BearerTokenErrors.invalidToken();
        }
        return credentials.credentials();
    }

    private static JwtPrincipal verify(JwtDecoder jwt, String token, SecurityScopes scopes) {
        JwtPrincipal principal = jwt.decode(token);
        scopes.require(principal.scopes());
        return principal;
    }
}
