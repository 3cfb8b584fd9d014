package io.github.padlock.scheme;

import java.util.Map;

import io.github.padlock.SecurityParam;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * FastAPI's {@code tests/test_security_api_key_cookie_description.py}:
 * {@code APIKeyCookie(name="key", description="An API Cookie Key")}.
 */
@SpringBootTest(classes = FastApiApplications.DescriptionApp.class)
@AutoConfigureMockMvc
class ApiKeyCookieDescriptionFastApiTests extends FastApiSecurityTest {

    static final String PATH = "/api-key-cookie-description/users/me";

    ApiKeyCookieDescriptionFastApiTests() {
        super(PATH);
    }

    @Test
    void openApiSchema() throws Exception {
        assertOpenApi("api-key-cookie-description");
    }

    @Test
    void securityApiKey() {
        assertOk(getWithCookies(new Cookie("key", "secret")), "{\"username\":\"secret\"}");
    }

    @Test
    void securityApiKeyNoKey() {
        assertNotAuthenticated(get(), "APIKey");
    }

    @Configuration(proxyBeanMethods = false)
    @Import(Controller.class)
    static class Endpoint {

        @Bean
        ApiKeyCookie apiKeyCookieDescription() {
            return ApiKeyCookie.builder().name("key").description("An API Cookie Key").build();
        }
    }

    @RestController
    static class Controller {

        @GetMapping(PATH)
        Map<String, String> readCurrentUser(@SecurityParam("apiKeyCookieDescription") String key) {
            return Map.of("username", key);
        }
    }
}
