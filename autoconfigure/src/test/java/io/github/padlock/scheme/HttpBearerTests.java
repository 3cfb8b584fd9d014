package io.github.padlock.scheme;

import io.github.padlock.TestRequest;
import org.junit.jupiter.api.Test;


import static io.github.padlock.scheme.SchemeAssertions.assertInvalidRequest;
import static io.github.padlock.scheme.SchemeAssertions.assertNotAuthenticated;
import static io.github.padlock.scheme.SchemeAssertions.authorization;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link HttpBearer} and {@link HttpDigest} against FastAPI §2.3, §2.4 and §3.
 */
class HttpBearerTests {

    private final HttpBearer bearer = HttpBearer.builder().build();

    private final HttpBearer optionalBearer = HttpBearer.builder().autoError(false).build();

    private final HttpDigest digest = HttpDigest.builder().build();

    private final HttpDigest optionalDigest = HttpDigest.builder().autoError(false).build();

    @Test
    void resolveWhenBearerThenCredentialsWithSchemeAsSent() {
        assertThat(this.bearer.resolve(authorization("Bearer foobar")))
            .isEqualTo(new HttpAuthorizationCredentials("Bearer", "foobar"));
        assertThat(this.bearer.resolve(authorization("bearer   foobar  ")))
            .isEqualTo(new HttpAuthorizationCredentials("bearer", "foobar"));
    }

    @Test
    void resolveWhenNoHeaderEmptyTokenOrOtherSchemeThenUnauthorizedBearer() {
        assertNotAuthenticated(this.bearer, authorization(), "Bearer");
        assertNotAuthenticated(this.bearer, authorization("Bearer"), "Bearer");
        assertNotAuthenticated(this.bearer, authorization("Bearer   "), "Bearer");
        assertNotAuthenticated(this.bearer, authorization("Basic notreally"), "Bearer");
        assertNotAuthenticated(this.bearer, authorization("Bearerfoobar"), "Bearer");
    }

    @Test
    void resolveWhenAutoErrorOffThenNullForMissingEmptyOrOtherScheme() {
        assertThat(this.optionalBearer.resolve(authorization())).isNull();
        assertThat(this.optionalBearer.resolve(authorization("Bearer"))).isNull();
        assertThat(this.optionalBearer.resolve(authorization("Basic notreally"))).isNull();
    }

    @Test
    void resolveWhenSeveralHeadersThenInvalidRequestEvenWithAutoErrorOff() {
        assertInvalidRequest(this.bearer, authorization("Bearer first", "Bearer second"),
                "Several Authorization headers", "Bearer error=\"invalid_request\"", "first", "second");
        assertInvalidRequest(this.optionalBearer, authorization("Bearer a", "Basic b"),
                "Several Authorization headers", "Bearer error=\"invalid_request\"");
        assertInvalidRequest(this.digest, authorization("Digest first", "Digest second"),
                "Several Authorization headers", null, "first", "second");
        assertInvalidRequest(this.optionalDigest, authorization("Digest a", "Digest b"),
                "Several Authorization headers", null);
    }

    @Test
    void resolveWhenBearerHeaderAndAccessTokenQueryThenInvalidRequestEvenWithAutoErrorOff() {
        for (String query : new String[] { "access_token=second", "a=1&access_token=second", "access_token",
                "access_token=", "x=1&access%5Ftoken=second&y", "access_token=second&access_token=third" }) {
            TestRequest request = authorization("bearer first");
            request.setQueryString(query);
            assertInvalidRequest(this.bearer, request, "Bearer token sent in more than one way",
                    "Bearer error=\"invalid_request\"", "first", "second");
            assertInvalidRequest(this.optionalBearer, request, "Bearer token sent in more than one way",
                    "Bearer error=\"invalid_request\"");
        }
    }

    @Test
    void resolveWhenQueryMerelyLooksLikeAccessTokenThenCredentials() {
        for (String query : new String[] { "x_access_token=a", "access_tokens=a", "access_toke=a", "a=access_token",
                "a=1&access_token_x=2", "access%zz_token=1", "Access_Token=a", "access+token=a", "&&", "" }) {
            TestRequest request = authorization("Bearer foobar");
            request.setQueryString(query);
            assertThat(this.bearer.resolve(request)).as(query)
                .isEqualTo(new HttpAuthorizationCredentials("Bearer", "foobar"));
        }
    }

    @Test
    void resolveWhenAccessTokenQueryWithoutBearerHeaderThenAsBefore() {
        TestRequest alone = authorization();
        alone.setQueryString("access_token=foobar");
        assertNotAuthenticated(this.bearer, alone, "Bearer");
        assertThat(this.optionalBearer.resolve(alone)).isNull();
        TestRequest digest = authorization("Digest foo");
        digest.setQueryString("access_token=foobar");
        assertThat(this.digest.resolve(digest)).isEqualTo(new HttpAuthorizationCredentials("Digest", "foo"));
        assertNotAuthenticated(this.bearer, digest, "Bearer");
    }

    @Test
    void resolveWhenDigestThenCredentials() {
        assertThat(this.digest.resolve(authorization("Digest username=\"john\", response=\"abc\"")))
            .isEqualTo(new HttpAuthorizationCredentials("Digest", "username=\"john\", response=\"abc\""));
        assertThat(this.digest.resolve(authorization("digest foobar")))
            .isEqualTo(new HttpAuthorizationCredentials("digest", "foobar"));
    }

    @Test
    void resolveWhenDigestMissingOrOtherSchemeThenUnauthorizedDigest() {
        assertNotAuthenticated(this.digest, authorization(), "Digest");
        assertNotAuthenticated(this.digest, authorization("Other invalidauthorization"), "Digest");
        assertNotAuthenticated(this.digest, authorization("Digest "), "Digest");
        assertThat(this.optionalDigest.resolve(authorization("Other invalidauthorization"))).isNull();
        assertThat(this.optionalDigest.resolve(authorization())).isNull();
    }

    @Test
    void modelWhenBearerFormatThenDocumented() {
        assertThat(this.bearer.schemeName()).isEqualTo("HTTPBearer");
        assertThat(this.bearer.model()).isEqualTo(new SecuritySchemeModel.Http("bearer", null, null));
        assertThat(HttpBearer.builder().bearerFormat("JWT").description("d").build().model())
            .isEqualTo(new SecuritySchemeModel.Http("bearer", "JWT", "d"));
        assertThat(this.digest.schemeName()).isEqualTo("HTTPDigest");
        assertThat(this.digest.model()).isEqualTo(new SecuritySchemeModel.Http("digest", null, null));
    }

    @Test
    void credentialsToStringMasksCredentials() {
        assertThat(new HttpAuthorizationCredentials("Bearer", "s3cr3t-token")).asString()
            .contains("Bearer")
            .doesNotContain("s3cr3t-token");
    }
}
