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
 * FastAPI's {@code tests/test_security_api_key_query.py}: {@code APIKeyQuery(name="key")}. The parameter name is
 * case-sensitive; {@code ?key=} counts as missing; a key sent twice is refused.
 */
@SpringBootTest(classes = FastApiApplications.PlainApp.class)
@AutoConfigureMockMvc
class ApiKeyQueryFastApiTests extends FastApiSecurityTest {

    static final String PATH = "/api-key-query/users/me";

    ApiKeyQueryFastApiTests() {
        super(PATH);
    }

    @Test
    void openApiSchema() throws Exception {
        assertOpenApi("api-key-query");
    }

    @Test
    void securityApiKey() {
        assertOk(getWithQuery("key=secret"), "{\"username\":\"secret\"}");
    }

    @Test
    void securityApiKeyNoKey() {
        assertNotAuthenticated(get(), "APIKey");
    }

    @ParameterizedTest
    @ValueSource(strings = { "key=", "key", "key=&other=secret", "other=secret", "KEY=secret", "Key=secret",
            "keys=secret", "k%65y2=secret" })
    void emptyOrOtherParameterIsRefusedLikeMissing(String query) {
        assertNotAuthenticated(getWithQuery(query), "APIKey", "secret");
    }

    @Test
    void keyAmongOtherParameters() {
        assertOk(getWithQuery("other=1&key=secret&more=2"), "{\"username\":\"secret\"}");
    }

    @Test
    void keyIsDecodedAsFormData() {
        assertOk(getWithQuery("k%65y=s%C3%A9cret+key%26more"), "{\"username\":\"s\u00e9cret key&more\"}");
    }

    @Test
    void whitespaceOnlyKeyIsNotEmptySoItIsReturned() {
        // FASTAPI.md §2.6: only an absent or empty value counts as missing (Python's "not api_key").
        assertOk(getWithQuery("key=%20%20"), "{\"username\":\"  \"}");
    }

    @Test
    void duplicatedKeyIsInvalidRequest() {
        assertInvalidRequest(getWithQuery("key=secret&key=hunter2"),
                "Several values for API key key", null, "secret", "hunter2");
    }

    @Test
    void brokenPercentEncodingIsRefused() {
        assertNotAuthenticated(getWithQuery("key=secret%zz"), "APIKey", "secret");
    }

    @Configuration(proxyBeanMethods = false)
    @Import(Controller.class)
    static class Endpoint {

        @Bean
        ApiKeyQuery apiKeyQuery() {
            return ApiKeyQuery.builder().name("key").build();
        }
    }

    @RestController
    static class Controller {

        @GetMapping(PATH)
        Map<String, String> readCurrentUser(@SecurityParam("apiKeyQuery") String key) {
            return Map.of("username", key);
        }
    }
}
