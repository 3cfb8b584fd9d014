package io.github.padlock.scheme;

import io.github.padlock.TestRequest;
import org.junit.jupiter.api.Test;


import static io.github.padlock.scheme.SchemeAssertions.assertInvalidRequest;
import static io.github.padlock.scheme.SchemeAssertions.assertNotAuthenticated;
import static io.github.padlock.scheme.SchemeAssertions.authorization;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link HttpBase} against FastAPI §2.1: the sent scheme is not compared, the challenge is the configured scheme
 * title-cased.
 */
class HttpBaseTests {

    private final HttpBase base = HttpBase.builder("Other").build();

    private final HttpBase optional = HttpBase.builder("Other").autoError(false).build();

    @Test
    void resolveWhenNoHeaderThenUnauthorizedWithTitleCasedScheme() {
        assertNotAuthenticated(this.base, authorization(), "Other");
        assertNotAuthenticated(HttpBase.builder("bearer").build(), authorization(), "Bearer");
        assertNotAuthenticated(HttpBase.builder("x-CUSTOM_scheme2a").build(), authorization(), "X-Custom_Scheme2A");
    }

    @Test
    void resolveWhenNoHeaderAndAutoErrorOffThenNull() {
        assertThat(this.optional.resolve(authorization())).isNull();
    }

    @Test
    void resolveWhenAnySchemeThenCredentialsWithSchemeAsSent() {
        assertThat(this.base.resolve(authorization("Other foobar")))
            .isEqualTo(new HttpAuthorizationCredentials("Other", "foobar"));
        assertThat(this.base.resolve(authorization("Bearer foo")))
            .isEqualTo(new HttpAuthorizationCredentials("Bearer", "foo"));
    }

    @Test
    void resolveWhenCredentialsEmptyThenMissing() {
        assertNotAuthenticated(this.base, authorization("Other"), "Other");
        assertNotAuthenticated(this.base, authorization("Other    "), "Other");
        assertThat(this.optional.resolve(authorization("Other "))).isNull();
    }

    @Test
    void resolveWhenSeveralHeadersThenInvalidRequestWithoutChallengeEvenWithAutoErrorOff() {
        assertInvalidRequest(this.base, authorization("Other first", "Other second"),
                "Several Authorization headers", null, "first", "second");
        assertInvalidRequest(this.optional, authorization("Other first", "Other second"),
                "Several Authorization headers", null);
        assertInvalidRequest(this.optional, authorization("Other first", ""), "Several Authorization headers", null);
    }

    @Test
    void resolveWhenBearerHeaderAndAccessTokenQueryThenCredentialsSinceNotABearerScheme() {
        TestRequest request = authorization("Bearer foo");
        request.setQueryString("access_token=bar");
        assertThat(this.base.resolve(request)).isEqualTo(new HttpAuthorizationCredentials("Bearer", "foo"));
    }

    @Test
    void buildWhenSchemeNotATokenThenRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> HttpBase.builder("Two words"));
        assertThatIllegalArgumentException().isThrownBy(() -> HttpBase.builder("bad\r\nheader"));
        assertThatIllegalArgumentException().isThrownBy(() -> HttpBase.builder(""));
    }

    @Test
    void modelWhenSchemeThenAsGiven() {
        assertThat(this.base.schemeName()).isEqualTo("HTTPBase");
        assertThat(this.base.model()).isEqualTo(new SecuritySchemeModel.Http("Other", null, null));
        assertThat(HttpBase.builder("Other").description("Other Security Scheme").build().model())
            .isEqualTo(new SecuritySchemeModel.Http("Other", null, "Other Security Scheme"));
    }
}
