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

    @Test
    void hasSchemeWhenNonAsciiLookAlikeThenFalse() {
        // U+017F (long s) and U+0130 (dotted capital I) fold onto s and i under String.equalsIgnoreCase
        assertThat(AuthorizationHeader.split("Ba\u017Fic dXNlcjpwYXNz").hasScheme("Basic")).isFalse();
        assertThat(AuthorizationHeader.split("BA\u017FIC dXNlcjpwYXNz").hasScheme("Basic")).isFalse();
        assertThat(AuthorizationHeader.split("Bas\u0130c dXNlcjpwYXNz").hasScheme("Basic")).isFalse();
        assertThat(AuthorizationHeader.split("Dige\u017Ft x").hasScheme("Digest")).isFalse();
        assertThat(AuthorizationHeader.split("BASIC dXNlcjpwYXNz").hasScheme("Basic")).isTrue();
    }

    @Test
    void credentialsHasSchemeWhenCasingOrLookAlikeThenAsTheSchemesCompare() {
        assertThat(new HttpAuthorizationCredentials("bEaReR", "t").hasScheme("Bearer")).isTrue();
        assertThat(new HttpAuthorizationCredentials("Ba\u017Fic", "t").hasScheme("Basic")).isFalse();
        assertThat(new HttpAuthorizationCredentials("Bearer", "t").hasScheme("Bearers")).isFalse();
    }
}
