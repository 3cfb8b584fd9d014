package io.github.padlock.scheme;

import io.github.padlock.TestRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.github.padlock.PadlockException;
import io.github.padlock.scheme.SecuritySchemeModel.Http;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import static io.github.padlock.scheme.SchemeAssertions.assertInvalidRequest;
import static io.github.padlock.scheme.SchemeAssertions.assertNotAuthenticated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * {@link HttpBasic} against FastAPI §2.2 and §3, and the two deliberate differences (UTF-8, strict base64).
 */
class HttpBasicTests {

    private final HttpBasic basic = HttpBasic.builder().build();

    private final HttpBasic optional = HttpBasic.builder().autoError(false).build();

    @Test
    void resolveWhenNoHeaderThenUnauthorized() {
        assertNotAuthenticated(this.basic, request(), "Basic");
    }

    @Test
    void resolveWhenNoHeaderAndAutoErrorOffThenNull() {
        assertThat(this.optional.resolve(request())).isNull();
    }

    @Test
    void resolveWhenOtherSchemeThenUnauthorized() {
        assertNotAuthenticated(this.basic, request("Bearer " + encode("stanley:password123")), "Basic");
    }

    @Test
    void resolveWhenOtherSchemeAndAutoErrorOffThenNull() {
        assertThat(this.optional.resolve(request("Bearer " + encode("stanley:password123")))).isNull();
    }

    @Test
    void resolveWhenSchemeRunsIntoTokenThenOtherScheme() {
        assertNotAuthenticated(this.basic, request("Basic" + encode("stanley:password123")), "Basic");
        assertThat(this.optional.resolve(request("Basic" + encode("stanley:password123")))).isNull();
    }

    @Test
    void resolveWhenValidThenCredentials() {
        assertThat(this.basic.resolve(request("Basic " + encode("stanley:password123"))))
            .isEqualTo(new HttpBasicCredentials("stanley", "password123"));
    }

    @Test
    void resolveWhenSchemeInLowerCaseThenCredentials() {
        assertThat(this.basic.resolve(request("basic " + encode("john:secret"))))
            .isEqualTo(new HttpBasicCredentials("john", "secret"));
    }

    @Test
    void resolveWhenTokenSurroundedByWhitespaceThenStripped() {
        assertThat(this.basic.resolve(request("Basic   " + encode("john:secret") + " \t")))
            .isEqualTo(new HttpBasicCredentials("john", "secret"));
    }

    @Test
    void resolveWhenBadBase64ThenUnauthorized() {
        assertNotAuthenticated(this.basic, request("Basic notabase64token"), "Basic");
    }

    @Test
    void resolveWhenBadBase64AndAutoErrorOffThenStillUnauthorized() {
        assertNotAuthenticated(this.optional, request("Basic notabase64token"), "Basic");
    }

    @Test
    void resolveWhenBase64HasJunkCharactersThenUnauthorized() {
        String token = encode("john:secret");
        assertNotAuthenticated(this.basic, request("Basic " + token.substring(0, 4) + "*" + token.substring(4)),
                "Basic");
    }

    @Test
    void resolveWhenBase64LacksPaddingThenUnauthorized() {
        String token = encode("john:secret");
        assertThat(token).endsWith("=");
        assertNotAuthenticated(this.basic, request("Basic " + token.replace("=", "")), "Basic");
    }

    @Test
    void resolveWhenBase64HasNonZeroPadBitsThenUnauthorized() {
        // "am9objpzZWNyZXQxMg==" is canonical for "john:secret12"; "...Mh==" decodes to the same bytes.
        assertThat(this.basic.resolve(request("Basic am9objpzZWNyZXQxMg==")))
            .isEqualTo(new HttpBasicCredentials("john", "secret12"));
        assertNotAuthenticated(this.basic, request("Basic am9objpzZWNyZXQxMh=="), "Basic");
    }

    @Test
    void resolveWhenNoColonThenUnauthorized() {
        assertNotAuthenticated(this.basic, request("Basic " + encode("johnsecret")), "Basic");
    }

    @Test
    void resolveWhenNoColonAndAutoErrorOffThenStillUnauthorized() {
        assertNotAuthenticated(this.optional, request("Basic " + encode("johnsecret")), "Basic");
    }

    @Test
    void resolveWhenEmptyPayloadThenUnauthorizedEvenWithAutoErrorOff() {
        assertNotAuthenticated(this.basic, request("Basic"), "Basic");
        assertNotAuthenticated(this.optional, request("Basic"), "Basic");
        assertNotAuthenticated(this.optional, request("Basic "), "Basic");
    }

    @Test
    void resolveWhenEmptyPasswordThenEmptyPassword() {
        assertThat(this.basic.resolve(request("Basic " + encode("john:"))))
            .isEqualTo(new HttpBasicCredentials("john", ""));
    }

    @Test
    void resolveWhenEmptyUsernameThenEmptyUsername() {
        assertThat(this.basic.resolve(request("Basic " + encode(":secret"))))
            .isEqualTo(new HttpBasicCredentials("", "secret"));
    }

    @Test
    void resolveWhenPasswordContainsColonsThenSplitAtFirstColon() {
        assertThat(this.basic.resolve(request("Basic " + encode("john:se:cr:et"))))
            .isEqualTo(new HttpBasicCredentials("john", "se:cr:et"));
    }

    @Test
    void resolveWhenUtf8UsernameThenDecodedAsUtf8() {
        assertThat(this.basic.resolve(request("Basic " + encode("Jürgen:pässwörd€"))))
            .isEqualTo(new HttpBasicCredentials("Jürgen", "pässwörd€"));
        assertThat(this.optional.resolve(request("Basic " + encode("Jürgen:pässwörd€"))))
            .isEqualTo(new HttpBasicCredentials("Jürgen", "pässwörd€"));
    }

    @Test
    void resolveWhenNotUtf8ThenUnauthorized() {
        String latin1 = Base64.getEncoder().encodeToString("J\u00fcrgen:secret".getBytes(StandardCharsets.ISO_8859_1));
        assertNotAuthenticated(this.basic, request("Basic " + latin1), "Basic");
        assertNotAuthenticated(this.optional, request("Basic " + latin1), "Basic");
    }

    @Test
    void resolveWhenControlCharacterThenUnauthorized() {
        assertNotAuthenticated(this.basic, request("Basic " + encode("john:sec\u0000ret")), "Basic");
        assertNotAuthenticated(this.basic, request("Basic " + encode("jo\nhn:secret")), "Basic");
        assertNotAuthenticated(this.optional, request("Basic " + encode("john:secret\u007f")), "Basic");
    }

    @Test
    void resolveWhenSeveralAuthorizationHeadersThenInvalidRequestWithoutChallengeEvenWithAutoErrorOff() {
        TestRequest request = request("Basic " + encode("john:secret"));
        request.addHeader(HttpHeaders.AUTHORIZATION, "Basic " + encode("mallory:secret"));
        assertInvalidRequest(this.basic, request, "Several Authorization headers", null, encode("john:secret"),
                "mallory");
        assertInvalidRequest(this.optional, request, "Several Authorization headers", null);
    }

    @Test
    void resolveWhenAccessTokenQueryBesideBasicThenCredentials() {
        TestRequest request = request("Basic " + encode("john:secret"));
        request.setQueryString("access_token=x");
        assertThat(this.basic.resolve(request)).isEqualTo(new HttpBasicCredentials("john", "secret"));
    }

    @Test
    void resolveWhenHeaderNameInLowerCaseThenCredentials() {
        TestRequest request = new TestRequest();
        request.addHeader("authorization", "Basic " + encode("john:secret"));
        assertThat(this.basic.resolve(request)).isEqualTo(new HttpBasicCredentials("john", "secret"));
    }

    @Test
    void resolveWhenRealmThenChallengeNamesRealm() {
        HttpBasic withRealm = HttpBasic.builder().realm("simple").build();
        assertNotAuthenticated(withRealm, request(), "Basic realm=\"simple\"");
        assertNotAuthenticated(withRealm, request("Basic notabase64token"), "Basic realm=\"simple\"");
    }

    @Test
    void resolveWhenRealmHasQuotesThenChallengeEscapesThem() {
        HttpBasic withRealm = HttpBasic.builder().realm("the \"store\" \\ shop").build();
        assertNotAuthenticated(withRealm, request(), "Basic realm=\"the \\\"store\\\" \\\\ shop\"");
    }

    @Test
    void resolveWhenRealmEmptyThenPlainChallenge() {
        assertNotAuthenticated(HttpBasic.builder().realm("").build(), request(), "Basic");
    }

    @Test
    void buildWhenRealmHasControlCharactersThenRefused() {
        IllegalArgumentException ex = catchThrowableOfType(IllegalArgumentException.class,
                () -> HttpBasic.builder().realm("a\r\nSet-Cookie: x"));
        assertThat(ex).hasMessageContaining("realm");
    }

    @Test
    void schemeNameWhenUnsetThenFastApiClassName() {
        assertThat(this.basic.schemeName()).isEqualTo("HTTPBasic");
        assertThat(HttpBasic.builder().schemeName("store").build().schemeName()).isEqualTo("store");
        assertThat(new HttpBasic403().schemeName()).isEqualTo("HttpBasic403");
    }

    @Test
    void modelWhenRealmAndDescriptionThenOnlyDescriptionDocumented() {
        assertThat(HttpBasic.builder().realm("simple").build().model()).isEqualTo(new Http("basic", null, null));
        assertThat(HttpBasic.builder().description("HTTPBasic scheme").build().model())
            .isEqualTo(new Http("basic", null, "HTTPBasic scheme"));
    }

    @Test
    void resolveWhenSubclassOverridesErrorThenItsErrorIsThrown() {
        PadlockException ex = catchThrowableOfType(PadlockException.class, () -> new HttpBasic403().resolve(request()));
        assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(ex.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).isNull();
    }

    @Test
    void credentialsToStringMasksPassword() {
        assertThat(new HttpBasicCredentials("john", "hunter2").toString()).contains("john")
            .doesNotContain("hunter2");
    }

    private static TestRequest request(String... authorization) {
        return SchemeAssertions.authorization(authorization);
    }

    private static String encode(String credentials) {
        return Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    /** FastAPI's docs example of a scheme that answers 403 instead of 401. */
    static final class HttpBasic403 extends HttpBasic {

        HttpBasic403() {
            super(HttpBasic.builder());
        }

        @Override
        protected PadlockException makeNotAuthenticatedError() {
            return new PadlockException(HttpStatus.FORBIDDEN, "Not authenticated", java.util.List.of());
        }
    }
}
