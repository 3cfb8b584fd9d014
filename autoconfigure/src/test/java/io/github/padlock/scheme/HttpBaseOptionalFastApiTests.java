package io.github.padlock.scheme;

import java.util.Map;
import java.util.Optional;

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
 * FastAPI's {@code tests/test_security_http_base_optional.py}: {@code HTTPBase(scheme="Other", auto_error=False)}.
 */
@SpringBootTest(classes = FastApiApplications.OptionalApp.class)
@AutoConfigureMockMvc
class HttpBaseOptionalFastApiTests extends FastApiSecurityTest {

    static final String PATH = "/http-base-optional/users/me";

    HttpBaseOptionalFastApiTests() {
        super(PATH);
    }

    @Test
    void openApiSchema() throws Exception {
        assertOpenApi("http-base-optional");
    }

    @Test
    void securityHttpBase() {
        assertOk(getWithAuthorization("Other foobar"), "{\"scheme\":\"Other\",\"credentials\":\"foobar\"}");
    }

    @Test
    void securityHttpBaseNoCredentials() {
        assertCreateAccountFirst(get());
    }

    @Test
    void anotherSchemeIsAcceptedAndReturnedAsSent() {
        assertOk(getWithAuthorization("bearer foobar"), "{\"scheme\":\"bearer\",\"credentials\":\"foobar\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", " ", "   ", "Other", "Other ", "Other    ", " foobar", "Other\tfoobar" })
    void emptySchemeOrEmptyCredentialsProduceNothing(String authorization) {
        assertCreateAccountFirst(getWithAuthorization(authorization));
    }

    @Test
    void duplicatedAuthorizationHeaderIsInvalidRequestEvenWithAutoErrorOff() {
        assertInvalidRequest(getWithAuthorization("Other foobar", "Other hunter2"),
                "Several Authorization headers", null, "foobar", "hunter2");
    }

    @Configuration(proxyBeanMethods = false)
    @Import(Controller.class)
    static class Endpoint {

        @Bean
        HttpBase httpBaseOptional() {
            return HttpBase.builder("Other").autoError(false).build();
        }
    }

    @RestController
    static class Controller {

        @GetMapping(PATH)
        Map<String, String> readCurrentUser(
                @SecurityParam("httpBaseOptional") Optional<HttpAuthorizationCredentials> credentials) {
            return credentials
                .map((found) -> Map.of("scheme", found.scheme(), "credentials", found.credentials()))
                .orElse(Map.of("msg", "Create an account first"));
        }
    }
}
