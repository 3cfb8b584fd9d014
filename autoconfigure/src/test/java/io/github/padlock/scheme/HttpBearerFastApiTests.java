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
 * FastAPI's {@code tests/test_security_http_bearer.py}: {@code HTTPBearer()}. Missing credentials, another
 * scheme and empty credentials are all refused with {@code WWW-Authenticate: Bearer}.
 */
@SpringBootTest(classes = FastApiApplications.PlainApp.class)
@AutoConfigureMockMvc
class HttpBearerFastApiTests extends FastApiSecurityTest {

    static final String PATH = "/http-bearer/users/me";

    private static final String CHALLENGE = "Bearer";

    HttpBearerFastApiTests() {
        super(PATH);
    }

    @Test
    void openApiSchema() throws Exception {
        assertOpenApi("http-bearer");
    }

    @Test
    void securityHttpBearer() {
        assertOk(getWithAuthorization("Bearer foobar"), "{\"scheme\":\"Bearer\",\"credentials\":\"foobar\"}");
    }

    @Test
    void securityHttpBearerNoCredentials() {
        assertNotAuthenticated(get(), CHALLENGE);
    }

    @Test
    void securityHttpBearerIncorrectSchemeCredentials() {
        assertNotAuthenticated(getWithAuthorization("Basic notreally"), CHALLENGE, "notreally");
    }

    @ParameterizedTest
    @ValueSource(strings = { "bearer", "BEARER", "bEaReR" })
    void schemeIsComparedCaseInsensitivelyAndReturnedAsSent(String scheme) {
        assertOk(getWithAuthorization(scheme + " foobar"),
                "{\"scheme\":\"" + scheme + "\",\"credentials\":\"foobar\"}");
    }

    @Test
    void credentialsAfterTheFirstSpaceAreStripped() {
        assertOk(getWithAuthorization("Bearer   foobar  "), "{\"scheme\":\"Bearer\",\"credentials\":\"foobar\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", " ", "   ", "Bearer", "Bearer ", "Bearer    ", " foobar", "Bearer\tfoobar" })
    void emptyOrWhitespaceOnlyValuesAreRefusedLikeMissing(String authorization) {
        assertNotAuthenticated(getWithAuthorization(authorization), CHALLENGE, "foobar");
    }

    @Test
    void duplicatedAuthorizationHeaderIsInvalidRequest() {
        assertInvalidRequest(getWithAuthorization("Bearer foobar", "Bearer hunter2"),
                "Several Authorization headers", BEARER_INVALID_REQUEST, "foobar", "hunter2");
    }

    @Test
    void bearerTokenInHeaderAndQueryIsInvalidRequest() {
        assertInvalidRequest(getWithAuthorizationAndQuery("Bearer foobar", "access_token=hunter2"),
                "Bearer token sent in more than one way", BEARER_INVALID_REQUEST, "foobar", "hunter2");
    }

    @Configuration(proxyBeanMethods = false)
    @Import(Controller.class)
    static class Endpoint {

        @Bean
        HttpBearer httpBearer() {
            return HttpBearer.builder().build();
        }
    }

    @RestController
    static class Controller {

        @GetMapping(PATH)
        Map<String, String> readCurrentUser(@SecurityParam("httpBearer") HttpAuthorizationCredentials credentials) {
            return Map.of("scheme", credentials.scheme(), "credentials", credentials.credentials());
        }
    }
}
