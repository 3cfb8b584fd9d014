package io.github.padlock.scheme;

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
 * FastAPI's {@code tests/test_security_http_digest.py}: {@code HTTPDigest()}. Missing credentials, another
 * scheme and empty credentials are all refused with {@code WWW-Authenticate: Digest}.
 */
@SpringBootTest(classes = FastApiApplications.PlainApp.class)
@AutoConfigureMockMvc
class HttpDigestFastApiTests extends FastApiSecurityTest {

    static final String PATH = "/http-digest/users/me";

    private static final String CHALLENGE = "Digest";

    HttpDigestFastApiTests() {
        super(PATH);
    }

    @Test
    void openApiSchema() throws Exception {
        assertOpenApi("http-digest");
    }

    @Test
    void securityHttpDigest() {
        assertOk(getWithAuthorization("Digest foobar"), "{\"scheme\":\"Digest\",\"credentials\":\"foobar\"}");
    }

    @Test
    void securityHttpDigestNoCredentials() {
        assertNotAuthenticated(get(), CHALLENGE);
    }

    @Test
    void securityHttpDigestIncorrectSchemeCredentials() {
        assertNotAuthenticated(getWithAuthorization("Other invalidauthorization"), CHALLENGE, "invalidauthorization");
    }

    @ParameterizedTest
    @ValueSource(strings = { "digest", "DIGEST", "dIgEsT" })
    void schemeIsComparedCaseInsensitivelyAndReturnedAsSent(String scheme) {
        assertOk(getWithAuthorization(scheme + " foobar"),
                "{\"scheme\":\"" + scheme + "\",\"credentials\":\"foobar\"}");
    }

    @Test
    void credentialsAfterTheFirstSpaceAreStripped() {
        assertOk(getWithAuthorization("Digest   foobar  "), "{\"scheme\":\"Digest\",\"credentials\":\"foobar\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", " ", "   ", "Digest", "Digest ", "Digest    ", " foobar", "Digest\tfoobar" })
    void emptyOrWhitespaceOnlyValuesAreRefusedLikeMissing(String authorization) {
        assertNotAuthenticated(getWithAuthorization(authorization), CHALLENGE, "foobar");
    }

    @Test
    void duplicatedAuthorizationHeaderIsInvalidRequest() {
        assertInvalidRequest(getWithAuthorization("Digest foobar", "Digest hunter2"),
                "Several Authorization headers", null, "foobar", "hunter2");
    }

    @Configuration(proxyBeanMethods = false)
    @Import(Controller.class)
    static class Endpoint {

        @Bean
        HttpDigest httpDigest() {
            return HttpDigest.builder().build();
        }
    }

    @RestController
    static class Controller {

        @GetMapping(PATH)
        Map<String, String> readCurrentUser(@SecurityParam("httpDigest") HttpAuthorizationCredentials credentials) {
            return Map.of("scheme", credentials.scheme(), "credentials", credentials.credentials());
        }
    }
}
