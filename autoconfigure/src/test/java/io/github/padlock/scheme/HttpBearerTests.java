package io.github.padlock.scheme;

import org.junit.jupiter.api.Test;

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
    void resolveWhenSeveralHeadersThenUnauthorizedEvenWithAutoErrorOff() {
        assertNotAuthenticated(this.optionalBearer, authorization("Bearer a", "Bearer b"), "Bearer");
        assertNotAuthenticated(this.optionalDigest, authorization("Digest a", "Digest b"), "Digest");
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
