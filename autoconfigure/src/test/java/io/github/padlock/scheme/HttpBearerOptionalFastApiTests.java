package io.github.padlock.scheme;

import java.util.Map;

import io.github.padlock.SecurityParam;
import org.jspecify.annotations.Nullable;
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
 * FastAPI's {@code tests/test_security_http_bearer_optional.py}: {@code HTTPBearer(auto_error=False)}. Missing
 * credentials, another scheme and an empty value all produce nothing.
 */
@SpringBootTest(classes = FastApiApplications.OptionalApp.class)
@AutoConfigureMockMvc
class HttpBearerOptionalFastApiTests extends FastApiSecurityTest {

    static final String PATH = "/http-bearer-optional/users/me";

    HttpBearerOptionalFastApiTests() {
        super(PATH);
    }

    @Test
    void openApiSchema() throws Exception {
        assertOpenApi("http-bearer-optional");
    }

    @Test
    void securityHttpBearer() {
        assertOk(getWithAuthorization("Bearer foobar"), "{\"scheme\":\"Bearer\",\"credentials\":\"foobar\"}");
    }

    @Test
    void securityHttpBearerNoCredentials() {
        assertCreateAccountFirst(get());
    }

    @Test
    void securityHttpBearerIncorrectSchemeCredentials() {
        assertCreateAccountFirst(getWithAuthorization("Basic notreally"));
    }

    @Test
    void schemeIsComparedCaseInsensitivelyAndReturnedAsSent() {
        assertOk(getWithAuthorization("BEARER foobar"), "{\"scheme\":\"BEARER\",\"credentials\":\"foobar\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", " ", "   ", "Bearer", "Bearer ", "Bearer    ", " foobar", "Bearer\tfoobar" })
    void emptyOrWhitespaceOnlyValuesProduceNothing(String authorization) {
        assertCreateAccountFirst(getWithAuthorization(authorization));
    }

    @Test
    void duplicatedAuthorizationHeaderIsInvalidRequestEvenWithAutoErrorOff() {
        assertInvalidRequest(getWithAuthorization("Bearer foobar", "Bearer hunter2"),
                "Several Authorization headers", BEARER_INVALID_REQUEST, "foobar", "hunter2");
    }

    @Configuration(proxyBeanMethods = false)
    @Import(Controller.class)
    static class Endpoint {

        @Bean
        HttpBearer httpBearerOptional() {
            return HttpBearer.builder().autoError(false).build();
        }
    }

    @RestController
    static class Controller {

        @GetMapping(PATH)
        Map<String, String> readCurrentUser(
                @SecurityParam("httpBearerOptional") @Nullable HttpAuthorizationCredentials credentials) {
            if (credentials == null) {
                return Map.of("msg", "Create an account first");
            }
            return Map.of("scheme", credentials.scheme(), "credentials", credentials.credentials());
        }
    }
}
