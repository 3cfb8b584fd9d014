package io.github.padlock.scheme;

import java.util.Map;

import io.github.padlock.SecurityParam;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * FastAPI's {@code tests/test_security_http_bearer_description.py}:
 * {@code HTTPBearer(description="HTTP Bearer token scheme")}, plus {@code bearerFormat="JWT"}, which FASTAPI.md §4.3
 * says appears in the model when set.
 */
@SpringBootTest(classes = FastApiApplications.DescriptionApp.class)
@AutoConfigureMockMvc
class HttpBearerDescriptionFastApiTests extends FastApiSecurityTest {

    static final String PATH = "/http-bearer-description/users/me";

    HttpBearerDescriptionFastApiTests() {
        super(PATH);
    }

    @Test
    void openApiSchema() throws Exception {
        assertOpenApi("http-bearer-description");
    }

    @Test
    void securityHttpBearer() {
        assertOk(getWithAuthorization("Bearer foobar"), "{\"scheme\":\"Bearer\",\"credentials\":\"foobar\"}");
    }

    @Test
    void securityHttpBearerNoCredentials() {
        assertNotAuthenticated(get(), "Bearer");
    }

    @Test
    void securityHttpBearerIncorrectSchemeCredentials() {
        assertNotAuthenticated(getWithAuthorization("Basic notreally"), "Bearer", "notreally");
    }

    @Configuration(proxyBeanMethods = false)
    @Import(Controller.class)
    static class Endpoint {

        @Bean
        HttpBearer httpBearerDescription() {
            return HttpBearer.builder().description("HTTP Bearer token scheme").bearerFormat("JWT").build();
        }
    }

    @RestController
    static class Controller {

        @GetMapping(PATH)
        Map<String, String> readCurrentUser(
                @SecurityParam("httpBearerDescription") HttpAuthorizationCredentials credentials) {
            return Map.of("scheme", credentials.scheme(), "credentials", credentials.credentials());
        }
    }
}
