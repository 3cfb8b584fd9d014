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
 * FastAPI's {@code tests/test_security_api_key_header.py}: {@code APIKeyHeader(name="key")}. The header name is
 * case-insensitive; an empty value counts as missing; a key sent twice is refused.
 */
@SpringBootTest(classes = FastApiApplications.PlainApp.class)
@AutoConfigureMockMvc
class ApiKeyHeaderFastApiTests extends FastApiSecurityTest {

    static final String PATH = "/api-key-header/users/me";

    ApiKeyHeaderFastApiTests() {
        super(PATH);
    }

    @Test
    void openApiSchema() throws Exception {
        assertOpenApi("api-key-header");
    }

    @Test
    void securityApiKey() {
        assertOk(getWithHeader("key", "secret"), "{\"username\":\"secret\"}");
    }

    @Test
    void securityApiKeyNoKey() {
        assertNotAuthenticated(get(), "APIKey");
    }

    @ParameterizedTest
    @ValueSource(strings = { "key", "KEY", "Key", "kEy" })
    void headerNameIsCaseInsensitive(String name) {
        assertOk(getWithHeader(name, "secret"), "{\"username\":\"secret\"}");
    }

    @Test
    void valueIsReturnedVerbatimWithoutSchemeHandling() {
        assertOk(getWithHeader("key", "Bearer secret"), "{\"username\":\"Bearer secret\"}");
    }

    @Test
    void emptyKeyIsRefusedLikeMissing() {
        assertNotAuthenticated(getWithHeader("key", ""), "APIKey");
    }

    @Test
    void whitespaceOnlyKeyIsNotEmptySoItIsReturned() {
        // FASTAPI.md §2.6: only an absent or empty value counts as missing (Python's "not api_key").
        assertOk(getWithHeader("key", "   "), "{\"username\":\"   \"}");
    }

    @Test
    void anotherHeaderIsNotTheKey() {
        assertNotAuthenticated(getWithHeader("X-Key", "secret"), "APIKey", "secret");
    }

    @Test
    void duplicatedKeyHeaderIsInvalidRequest() {
        assertInvalidRequest(getWithHeader("key", "secret", "hunter2"),
                "Several values for API key key", null, "secret", "hunter2");
    }

    @Configuration(proxyBeanMethods = false)
    @Import(Controller.class)
    static class Endpoint {

        @Bean
        ApiKeyHeader apiKeyHeader() {
            return ApiKeyHeader.builder().name("key").build();
        }
    }

    @RestController
    static class Controller {

        @GetMapping(PATH)
        Map<String, String> readCurrentUser(@SecurityParam("apiKeyHeader") String key) {
            return Map.of("username", key);
        }
    }
}
