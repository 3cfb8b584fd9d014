package io.github.padlock.scheme;

import java.util.Map;

import io.github.padlock.SecurityParam;
import jakarta.servlet.http.Cookie;
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
 * FastAPI's {@code tests/test_security_api_key_cookie.py}: {@code APIKeyCookie(name="key")}. The cookie name is
 * compared exactly; an empty value counts as missing; a key sent twice is refused.
 */
@SpringBootTest(classes = FastApiApplications.PlainApp.class)
@AutoConfigureMockMvc
class ApiKeyCookieFastApiTests extends FastApiSecurityTest {

    static final String PATH = "/api-key-cookie/users/me";

    ApiKeyCookieFastApiTests() {
        super(PATH);
    }

    @Test
    void openApiSchema() throws Exception {
        assertOpenApi("api-key-cookie");
    }

    @Test
    void securityApiKey() {
        assertOk(getWithCookies(new Cookie("key", "secret")), "{\"username\":\"secret\"}");
    }

    @Test
    void securityApiKeyNoKey() {
        assertNotAuthenticated(get(), "APIKey");
    }

    @Test
    void emptyKeyIsRefusedLikeMissing() {
        assertNotAuthenticated(getWithCookies(new Cookie("key", "")), "APIKey");
    }

    @ParameterizedTest
    @ValueSource(strings = { "KEY", "Key", "keys", "other" })
    void otherCookieIsNotTheKey(String name) {
        assertNotAuthenticated(getWithCookies(new Cookie(name, "secret")), "APIKey", "secret");
    }

    @Test
    void keyAmongOtherCookies() {
        assertOk(getWithCookies(new Cookie("other", "1"), new Cookie("key", "secret")),
                "{\"username\":\"secret\"}");
    }

    @Test
    void duplicatedKeyCookieIsInvalidRequest() {
        assertInvalidRequest(getWithCookies(new Cookie("key", "secret"), new Cookie("key", "hunter2")),
                "Several values for API key key", null, "secret", "hunter2");
    }

    @Configuration(proxyBeanMethods = false)
    @Import(Controller.class)
    static class Endpoint {

        @Bean
        ApiKeyCookie apiKeyCookie() {
            return ApiKeyCookie.builder().name("key").build();
        }
    }

    @RestController
    static class Controller {

        @GetMapping(PATH)
        Map<String, String> readCurrentUser(@SecurityParam("apiKeyCookie") String key) {
            return Map.of("username", key);
        }
    }
}
