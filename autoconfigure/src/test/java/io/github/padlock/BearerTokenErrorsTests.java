package io.github.padlock;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RFC 6750 §3's errors, one place for their challenges.
 */
class BearerTokenErrorsTests {

    @Test
    void challengeWhenAttributesThenCommaSeparatedQuotedInRfcOrder() {
        assertThat(BearerTokenErrors.challenge(null, null, null)).isEqualTo("Bearer");
        assertThat(BearerTokenErrors.challenge("invalid_token", "Invalid token", null))
            .isEqualTo("Bearer error=\"invalid_token\", error_description=\"Invalid token\"");
        assertThat(BearerTokenErrors.challenge("insufficient_scope", null, "a b"))
            .isEqualTo("Bearer error=\"insufficient_scope\", scope=\"a b\"");
    }

    @Test
    void invalidTokenThenUnauthorizedInvalidOutcome() {
        NotAuthenticatedException refusal = BearerTokenErrors.invalidToken();
        assertThat(refusal.getStatusCode().value()).isEqualTo(401);
        assertThat(refusal.outcome()).isEqualTo(SecurityOutcome.INVALID);
        assertThat(refusal.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE))
            .containsExactly("Bearer error=\"invalid_token\", error_description=\"Invalid token\"");
    }

    @Test
    void invalidRequestThenBadRequestAmbiguousWithErrorProperty() {
        PadlockException refusal = BearerTokenErrors.invalidRequest("Bearer token sent in more than one way");
        assertThat(refusal.getStatusCode().value()).isEqualTo(400);
        assertThat(refusal.outcome()).isEqualTo(SecurityOutcome.AMBIGUOUS);
        assertThat(refusal.getBody().getProperties()).containsEntry("error", "invalid_request");
        assertThat(refusal.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE))
            .containsExactly("Bearer error=\"invalid_request\"");
    }

    @Test
    void insufficientScopeWhenHiddenThenChallengeWithoutScopeAndExceptionUnchanged() {
        InsufficientScopeException named = BearerTokenErrors.insufficientScope(List.of("a", "b"), true);
        InsufficientScopeException hidden = named.withoutScopes();
        assertThat(named.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE))
            .containsExactly("Bearer error=\"insufficient_scope\", scope=\"a b\"");
        assertThat(hidden.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE))
            .containsExactly("Bearer error=\"insufficient_scope\"");
        assertThat(hidden.requiredScopes()).containsExactly("a", "b");
        assertThat(hidden.outcome()).isEqualTo(SecurityOutcome.FORBIDDEN);
    }
}
