package io.github.padlock.plan;

import java.util.List;
import java.util.Map;

import io.github.padlock.BearerTokenErrors;
import io.github.padlock.InsufficientScopeException;
import io.github.padlock.NotAuthenticatedException;
import io.github.padlock.PadlockException;
import io.github.padlock.SecurityOutcome;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;

/**
 * What Padlock makes of a refusal raised while resolving a node: every {@link ErrorResponse} (Spring's
 * {@code ResponseStatusException}, say) becomes a {@link PadlockException} with the same status, detail, headers and
 * problem members, so that Padlock renders it like its own; and a 401 without a {@code WWW-Authenticate} header gets
 * the challenges of the schemes beneath the node (RFC 9110 §15.5.2: a 401 MUST carry one). A challenge the refusal
 * set itself is kept as it is. A scope refusal beneath which no scheme reads bearer tokens loses RFC 6750's bearer
 * challenge, which belongs to bearer tokens.
 */
final class Refusals {

    private Refusals() {
    }

    /**
     * @param refusal what a dependency threw
     * @param challenges the challenges of the schemes beneath the node that threw it
     * @param nothingCame whether those schemes read no credentials, which makes a 401 copied here
     * {@link SecurityOutcome#MISSING} rather than {@link SecurityOutcome#INVALID}
     * @return the refusal to pass on: {@code refusal} itself unless it needs a challenge or is not Padlock's
     */
    static RuntimeException challenged(RuntimeException refusal, List<String> challenges, boolean nothingCame) {
        if (!(refusal instanceof ErrorResponse response)) {
            return refusal;
        }
        if (refusal instanceof InsufficientScopeException insufficient && !challenges.isEmpty()
                && challenges.stream().noneMatch(BearerTokenErrors::isBearer)) {
            // RFC 6750's error belongs to bearer tokens: over Basic or an API key, the problem body names the scope.
            return insufficient.withoutBearerChallenge();
        }
        boolean needsChallenge = HttpStatus.UNAUTHORIZED.isSameCodeAs(response.getStatusCode())
                && !response.getHeaders().containsHeader(HttpHeaders.WWW_AUTHENTICATE) && !challenges.isEmpty();
        if (refusal instanceof PadlockException && !needsChallenge) {
            return refusal;
        }
        ProblemDetail body = response.getBody();
        String detail = body.getDetail();
        if (detail == null) {
            HttpStatus status = HttpStatus.resolve(response.getStatusCode().value());
            detail = HttpStatus.UNAUTHORIZED.equals(status) ? NotAuthenticatedException.NOT_AUTHENTICATED
                    : (status != null) ? status.getReasonPhrase() : "Request refused";
        }
        SecurityOutcome outcome = (nothingCame && HttpStatus.UNAUTHORIZED.isSameCodeAs(response.getStatusCode()))
                ? SecurityOutcome.MISSING
                : (refusal instanceof PadlockException padlock) ? padlock.outcome()
                        : SecurityOutcome.ofRefusal(response.getStatusCode());
        PadlockException copy = new PadlockException(response.getStatusCode(), detail,
                needsChallenge ? challenges : List.of(), outcome);
        copy.getHeaders().addAll(response.getHeaders());
        ProblemDetail copied = copy.getBody();
        copied.setType(body.getType());
        copied.setTitle(body.getTitle());
        Map<String, Object> properties = body.getProperties();
        if (properties != null) {
            properties.forEach(copied::setProperty);
        }
        return copy;
    }

    /**
     * @param challenges the challenges of the schemes beneath a node that had to produce a value and did not
     * @return 401 {@code Not authenticated} with those challenges, {@link SecurityOutcome#MISSING}
     */
    static NotAuthenticatedException notAuthenticated(List<String> challenges) {
        return new NotAuthenticatedException(NotAuthenticatedException.NOT_AUTHENTICATED, challenges,
                SecurityOutcome.MISSING);
    }
}
