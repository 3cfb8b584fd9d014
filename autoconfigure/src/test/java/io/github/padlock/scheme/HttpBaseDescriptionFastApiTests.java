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
 * FastAPI's {@code tests/test_security_http_base_description.py}:
 * {@code HTTPBase(scheme="Other", description="Other Security Scheme")}.
 */
@SpringBootTest(classes = FastApiApplications.DescriptionApp.class)
@AutoConfigureMockMvc
class HttpBaseDescriptionFastApiTests extends FastApiSecurityTest {

    static final String PATH = "/http-base-description/users/me";

    HttpBaseDescriptionFastApiTests() {
        super(PATH);
    }

    @Test
    void openApiSchema() throws Exception {
        assertOpenApi("http-base-description");
    }

    @Test
    void securityHttpBase() {
        assertOk(getWithAuthorization("Other foobar"), "{\"scheme\":\"Other\",\"credentials\":\"foobar\"}");
    }

    @Test
    void securityHttpBaseNoCredentials() {
        assertNotAuthenticated(get(), "Other");
    }

    @Configuration(proxyBeanMethods = false)
    @Import(Controller.class)
    static class Endpoint {

        @Bean
        HttpBase httpBaseDescription() {
            return HttpBase.builder("Other").description("Other Security Scheme").build();
        }
    }

    @RestController
    static class Controller {

        @GetMapping(PATH)
        Map<String, String> readCurrentUser(
                @SecurityParam("httpBaseDescription") HttpAuthorizationCredentials credentials) {
            return Map.of("scheme", credentials.scheme(), "credentials", credentials.credentials());
        }
    }
}
