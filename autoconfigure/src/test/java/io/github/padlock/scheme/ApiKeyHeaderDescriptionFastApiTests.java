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
 * FastAPI's {@code tests/test_security_api_key_header_description.py}:
 * {@code APIKeyHeader(name="key", description="An API Key Header")}.
 */
@SpringBootTest(classes = FastApiApplications.DescriptionApp.class)
@AutoConfigureMockMvc
class ApiKeyHeaderDescriptionFastApiTests extends FastApiSecurityTest {

    static final String PATH = "/api-key-header-description/users/me";

    ApiKeyHeaderDescriptionFastApiTests() {
        super(PATH);
    }

    @Test
    void openApiSchema() throws Exception {
        assertOpenApi("api-key-header-description");
    }

    @Test
    void securityApiKey() {
        assertOk(getWithHeader("key", "secret"), "{\"username\":\"secret\"}");
    }

    @Test
    void securityApiKeyNoKey() {
        assertNotAuthenticated(get(), "APIKey");
    }

    @Configuration(proxyBeanMethods = false)
    @Import(Controller.class)
    static class Endpoint {

        @Bean
        ApiKeyHeader apiKeyHeaderDescription() {
            return ApiKeyHeader.builder().name("key").description("An API Key Header").build();
        }
    }

    @RestController
    static class Controller {

        @GetMapping(PATH)
        Map<String, String> readCurrentUser(@SecurityParam("apiKeyHeaderDescription") String key) {
            return Map.of("username", key);
        }
    }
}
