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
 * FastAPI's {@code tests/test_security_api_key_query_optional.py}: {@code APIKeyQuery(name="key", auto_error=False)}.
 */
@SpringBootTest(classes = FastApiApplications.OptionalApp.class)
@AutoConfigureMockMvc
class ApiKeyQueryOptionalFastApiTests extends FastApiSecurityTest {

    static final String PATH = "/api-key-query-optional/users/me";

    ApiKeyQueryOptionalFastApiTests() {
        super(PATH);
    }

    @Test
    void openApiSchema() throws Exception {
        assertOpenApi("api-key-query-optional");
    }

    @Test
    void securityApiKey() {
        assertOk(getWithQuery("key=secret"), "{\"username\":\"secret\"}");
    }

    @Test
    void securityApiKeyNoKey() {
        assertCreateAccountFirst(get());
    }

    @ParameterizedTest
    @ValueSource(strings = { "key=", "key", "other=secret", "KEY=secret" })
    void emptyOrOtherParameterProducesNothing(String query) {
        assertCreateAccountFirst(getWithQuery(query));
    }

    @Test
    void duplicatedKeyIsInvalidRequestEvenWithAutoErrorOff() {
        assertInvalidRequest(getWithQuery("key=secret&key=hunter2"),
                "Several values for API key key", null, "secret", "hunter2");
    }

    @Configuration(proxyBeanMethods = false)
    @Import(Controller.class)
    static class Endpoint {

        @Bean
        ApiKeyQuery apiKeyQueryOptional() {
            return ApiKeyQuery.builder().name("key").autoError(false).build();
        }
    }

    @RestController
    static class Controller {

        @GetMapping(PATH)
        Map<String, String> readCurrentUser(@SecurityParam("apiKeyQueryOptional") @Nullable String key) {
            if (key == null) {
                return Map.of("msg", "Create an account first");
            }
            return Map.of("username", key);
        }
    }
}
