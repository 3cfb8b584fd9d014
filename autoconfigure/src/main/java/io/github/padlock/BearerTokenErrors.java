package io.github.padlock;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * RFC 6750 §3's errors, each with its {@code WWW-Authenticate: Bearer} challenge, built in one place: nobody else
 * writes {@code error="invalid_token"} by hand. Use them in a verifier of bearer tokens to refuse the way Padlock's own
 * do.
 */
public final class BearerTokenErrors {

    /** The authentication scheme of bearer tokens (RFC 6750 §1.1). */
    public static final String BEARER = "Bearer";

    /** The problem property that carries the RFC 6749 / RFC 6750 error code. */
    public static final String ERROR_PROPERTY = "error";

    /** Detail of a refused token. */
    public static final String INVALID_TOKEN_DETAIL = "Invalid token";

    private BearerTokenErrors() {
    }

    /**
     * @param challenge a {@code WWW-Authenticate} challenge
     * @return whether it is a {@code Bearer} challenge (the scheme compared case-insensitively, RFC 9110 §11.1)
     */
    public static boolean isBearer(String challenge) {
        return challenge.regionMatches(true, 0, BEARER, 0, BEARER.length())
                && (challenge.length() == BEARER.length() || challenge.charAt(BEARER.length()) == ' ');
    }

    /**
     * @param error the RFC 6750 §3.1 error code, or {@code null} for a bare challenge
     * @param description a human-readable {@code error_description}, or {@code null}
     * @param scope the {@code scope} attribute (space-delimited scope-tokens), or {@code null}
     * @return the challenge, such as {@code Bearer error="invalid_token", error_description="Invalid token"}
     */
    public static String challenge(@Nullable String error, @Nullable String description, @Nullable String scope) {
        StringBuilder challenge = new StringBuilder(BEARER);
        String separator = " ";
        for (String[] attribute : new String[][] { { "error", error }, { "error_description", description },
                { "scope", scope } }) {
            if (attribute[1] != null) {
                challenge.append(separator).append(attribute[0]).append("=\"").append(attribute[1]).append('"');
                separator = ", ";
            }
        }
        return challenge.toString();
    }

    /**
     * 400 {@code invalid_request} (RFC 6750 §3.1): the request is ambiguous or malformed, such as a token sent in two
     * ways.
     * @param detail the problem's {@code detail}; never a credential
     * @return the refusal
     */
    public static PadlockException invalidRequest(String detail) {
        PadlockException exception = new PadlockException(HttpStatus.BAD_REQUEST, detail,
                List.of(challenge("invalid_request", null, null)), SecurityOutcome.AMBIGUOUS);
        exception.getBody().setProperty(ERROR_PROPERTY, "invalid_request");
        return exception;
    }

    /**
     * 401 {@code invalid_token} (RFC 6750 §3.1): expired, revoked, malformed or otherwise not acceptable; the same
     * refusal whatever the reason, so that a client learns nothing about why.
     * @return the refusal
     */
    public static NotAuthenticatedException invalidToken() {
        return new NotAuthenticatedException(INVALID_TOKEN_DETAIL,
                List.of(challenge("invalid_token", INVALID_TOKEN_DETAIL, null)), SecurityOutcome.INVALID);
    }

    /**
     * 403 {@code insufficient_scope} (RFC 6750 §3.1).
     * @param requiredScopes every scope required, outermost first
     * @param includeScope whether the challenge names them (RFC 6750 makes it optional)
     * @return the refusal
     */
    public static InsufficientScopeException insufficientScope(List<String> requiredScopes, boolean includeScope) {
        return new InsufficientScopeException(requiredScopes, includeScope, true);
    }
}
