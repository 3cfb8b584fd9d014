package io.github.padlock.scheme;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AuthorizationHeader} against FastAPI's {@code get_authorization_scheme_param} (§1.2).
 */
class AuthorizationHeaderTests {

    @Test
    void splitWhenNullOrEmptyThenEmptyParts() {
        assertThat(AuthorizationHeader.split(null)).isEqualTo(new AuthorizationHeader.Parts("", "", ""));
        assertThat(AuthorizationHeader.split("")).isEqualTo(new AuthorizationHeader.Parts("", "", ""));
    }

    @Test
    void splitWhenNoSpaceThenSchemeOnly() {
        assertThat(AuthorizationHeader.split("Bearer")).isEqualTo(new AuthorizationHeader.Parts("Bearer", "Bearer", ""));
    }

    @Test
    void splitWhenSeveralSpacesThenSplitAtFirstAndStripRest() {
        assertThat(AuthorizationHeader.split("Other  foobar ")).isEqualTo(new AuthorizationHeader.Parts("Other  foobar ", "Other", "foobar"));
    }

    @Test
    void splitWhenTabThenNotASeparator() {
        assertThat(AuthorizationHeader.split("Basic\tabc")).isEqualTo(new AuthorizationHeader.Parts("Basic\tabc", "Basic\tabc", ""));
    }

    @Test
    void hasSchemeIgnoresCaseAndKeepsClientsCasing() {
        AuthorizationHeader.Parts parts = AuthorizationHeader.split("bEaReR token");
        assertThat(parts.hasScheme("Bearer")).isTrue();
        assertThat(parts.scheme()).isEqualTo("bEaReR");
    }
}
