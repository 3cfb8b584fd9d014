package io.github.padlock.scheme;

import java.util.Map;

import io.github.padlock.SecurityParam;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * FastAPI's {@code tests/test_security_api_key_header_optional.py}: {@code APIKeyHeader(name="key", auto_error=False)}.
 */
@SpringBootTest(classes = FastApiApplications.OptionalApp.class)
@AutoConfigureMockMvc
class ApiKeyHeaderOptionalFastApiTests extends FastApiSecurityTest {

    static final String PATH = "/api-key-header-optional/users/me";

    ApiKeyHeaderOptionalFastApiTests() {
        super(PATH);
    }

    @Test
    void openApiSchema() throws Exception {
        assertOpenApi("api-key-header-optional");
    }

    @Test
    void securityApiKey() {
        assertOk(getWithHeader("key", "secret"), "{\"username\":\"secret\"}");
    }

    @Test
    void securityApiKeyNoKey() {
        assertCreateAccountFirst(get());
    }

    @Test
    void headerNameIsCaseInsensitive() {
        assertOk(getWithHeader("KEY", "secret"), "{\"username\":\"secret\"}");
    }

    @Test
    void emptyKeyProducesNothing() {
        assertCreateAccountFirst(getWithHeader("key", ""));
    }

    @Test
    void anotherHeaderIsNotTheKey() {
        assertCreateAccountFirst(getWithHeader("Authorization", "Bearer secret"));
    }

    @Test
    void duplicatedKeyHeaderIsInvalidRequestEvenWithAutoErrorOff() {
        assertInvalidRequest(getWithHeader("key", "secret", "hunter2"),
                "Several values for API key key", null, "secret", "hunter2");
    }

    @Configuration(proxyBeanMethods = false)
    @Import(Controller.class)
    static class Endpoint {

        @Bean
        ApiKeyHeader apiKeyHeaderOptional() {
            return ApiKeyHeader.builder().name("key").autoError(false).build();
        }
    }

    @RestController
    static class Controller {

        @GetMapping(PATH)
        Map<String, String> readCurrentUser(@SecurityParam("apiKeyHeaderOptional") @Nullable String key) {
            if (key == null) {
                return Map.of("msg", "Create an account first");
            }
            return Map.of("username", key);
        }
    }
}
