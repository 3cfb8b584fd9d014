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
 * FastAPI's {@code tests/test_security_http_base.py}: {@code HTTPBase(scheme="Other")}. The sent scheme is not
 * compared with the configured one (FASTAPI.md §2.1); empty credentials count as missing.
 */
@SpringBootTest(classes = FastApiApplications.PlainApp.class)
@AutoConfigureMockMvc
class HttpBaseFastApiTests extends FastApiSecurityTest {

    static final String PATH = "/http-base/users/me";

    private static final String CHALLENGE = "Other";

    HttpBaseFastApiTests() {
        super(PATH);
    }

    @Test
    void openApiSchema() throws Exception {
        assertOpenApi("http-base");
    }

    @Test
    void securityHttpBase() {
        assertOk(getWithAuthorization("Other foobar"), "{\"scheme\":\"Other\",\"credentials\":\"foobar\"}");
    }

    @Test
    void securityHttpBaseNoCredentials() {
        assertNotAuthenticated(get(), CHALLENGE);
    }

    @Test
    void anotherSchemeIsAcceptedAndReturnedAsSent() {
        assertOk(getWithAuthorization("Bearer foobar"), "{\"scheme\":\"Bearer\",\"credentials\":\"foobar\"}");
    }

    @Test
    void schemeCasingIsKept() {
        assertOk(getWithAuthorization("oTHER foobar"), "{\"scheme\":\"oTHER\",\"credentials\":\"foobar\"}");
    }

    @Test
    void credentialsAfterTheFirstSpaceAreStripped() {
        assertOk(getWithAuthorization("Other  foobar "), "{\"scheme\":\"Other\",\"credentials\":\"foobar\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", " ", "   ", "Other", "Other ", "Other    ", " foobar", "Other\tfoobar" })
    void emptySchemeOrEmptyCredentialsAreRefusedLikeMissing(String authorization) {
        assertNotAuthenticated(getWithAuthorization(authorization), CHALLENGE, "foobar");
    }

    @Test
    void duplicatedAuthorizationHeaderIsInvalidRequest() {
        assertInvalidRequest(getWithAuthorization("Other foobar", "Other hunter2"),
                "Several Authorization headers", null, "foobar", "hunter2");
    }

    @Configuration(proxyBeanMethods = false)
    @Import(Controller.class)
    static class Endpoint {

        @Bean
        HttpBase httpBase() {
            return HttpBase.builder("Other").build();
        }
    }

    @RestController
    static class Controller {

        @GetMapping(PATH)
        Map<String, String> readCurrentUser(@SecurityParam("httpBase") HttpAuthorizationCredentials credentials) {
            return Map.of("scheme", credentials.scheme(), "credentials", credentials.credentials());
        }
    }
}
