package io.github.padlock.scheme;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import io.github.padlock.SecurityParam;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * FastAPI's {@code tests/test_security_http_basic_realm.py}: {@code HTTPBasic(realm="simple")}.
 */
@SpringBootTest(classes = FastApiApplications.PlainApp.class)
@AutoConfigureMockMvc
class HttpBasicRealmFastApiTests extends FastApiSecurityTest {

    static final String PATH = "/http-basic-realm/users/me";

    private static final String CHALLENGE = "Basic realm=\"simple\"";

    HttpBasicRealmFastApiTests() {
        super(PATH);
    }

    @Test
    void openApiSchema() throws Exception {
        assertOpenApi("http-basic-realm");
    }

    @Test
    void securityHttpBasic() {
        assertOk(getWithAuthorization(basic("john:secret")), "{\"username\":\"john\",\"password\":\"secret\"}");
    }

    @Test
    void securityHttpBasicNoCredentials() {
        assertNotAuthenticated(get(), CHALLENGE);
    }

    @Test
    void securityHttpBasicInvalidCredentials() {
        assertNotAuthenticated(getWithAuthorization("Basic notabase64token"), CHALLENGE, "notabase64token");
    }

    @Test
    void securityHttpBasicNonBasicCredentials() {
        assertNotAuthenticated(getWithAuthorization("Basic " + base64("johnsecret")), CHALLENGE, "johnsecret",
                base64("johnsecret"));
    }

    @Test
    void wrongSchemeIsRefusedLikeMissingCredentials() {
        assertNotAuthenticated(getWithAuthorization("Bearer " + base64("john:secret")), CHALLENGE,
                base64("john:secret"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "basic", "BASIC", "bAsIc" })
    void schemeIsComparedCaseInsensitively(String scheme) {
        assertOk(getWithAuthorization(scheme + " " + base64("john:secret")),
                "{\"username\":\"john\",\"password\":\"secret\"}");
    }

    @Test
    void credentialsAfterTheFirstSpaceAreStripped() {
        assertOk(getWithAuthorization("Basic   " + base64("john:secret") + "  "),
                "{\"username\":\"john\",\"password\":\"secret\"}");
    }

    @Test
    void usernameMayBeEmptyAndPasswordMayContainColons() {
        assertOk(getWithAuthorization(basic(":se:cr:et")), "{\"username\":\"\",\"password\":\"se:cr:et\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", " ", "   ", "Basic", "Basic ", "Basic    ", "Basic\t" })
    void emptyOrWhitespaceOnlyValuesAreRefused(String authorization) {
        assertNotAuthenticated(getWithAuthorization(authorization), CHALLENGE);
    }

    @ParameterizedTest
    @ValueSource(strings = { "am9objpzZWNyZXQ", "am9o*bjpzZWNyZXQ=", "am9objpzZWNyZXQ=====", "!!!!" })
    void badBase64IsRefused(String payload) {
        assertNotAuthenticated(getWithAuthorization("Basic " + payload), CHALLENGE, payload, "john:secret");
    }

    @Test
    void utf8CredentialsAreDecoded() {
        // Padlock goes further than FastAPI (ASCII only): RFC 7617 §2.1 UTF-8.
        assertOk(getWithAuthorization(basic("j\u00f6hn:s\u00e9cret")),
                "{\"username\":\"j\u00f6hn\",\"password\":\"s\u00e9cret\"}");
    }

    @Test
    void bytesThatAreNotUtf8AreRefused() {
        String latin1 = Base64.getEncoder().encodeToString("j\u00f6hn:secret".getBytes(StandardCharsets.ISO_8859_1));
        assertNotAuthenticated(getWithAuthorization("Basic " + latin1), CHALLENGE, latin1, "secret");
    }

    @Test
    void tabIsNotASeparator() {
        assertNotAuthenticated(getWithAuthorization("Basic\t" + base64("john:secret")), CHALLENGE,
                base64("john:secret"));
    }

    @Test
    void duplicatedAuthorizationHeaderIsInvalidRequest() {
        assertInvalidRequest(getWithAuthorization(basic("john:secret"), basic("john:hunter2")),
                "Several Authorization headers", null, base64("john:secret"), base64("john:hunter2"), "hunter2");
    }

    @Configuration(proxyBeanMethods = false)
    @Import(Controller.class)
    static class Endpoint {

        @Bean
        HttpBasic httpBasicRealm() {
            return HttpBasic.builder().realm("simple").build();
        }
    }

    @RestController
    static class Controller {

        @GetMapping(PATH)
        Map<String, String> readCurrentUser(@SecurityParam("httpBasicRealm") HttpBasicCredentials credentials) {
            return Map.of("username", credentials.username(), "password", credentials.password());
        }
    }
}
