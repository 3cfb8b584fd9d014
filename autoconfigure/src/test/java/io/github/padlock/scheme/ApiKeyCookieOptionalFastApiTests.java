package io.github.padlock.scheme;

import java.util.Map;

import io.github.padlock.SecurityParam;
import jakarta.servlet.http.Cookie;
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
 * FastAPI's {@code tests/test_security_api_key_cookie_optional.py}: {@code APIKeyCookie(name="key", auto_error=False)}.
 */
@SpringBootTest(classes = FastApiApplications.OptionalApp.class)
@AutoConfigureMockMvc
class ApiKeyCookieOptionalFastApiTests extends FastApiSecurityTest {

    static final String PATH = "/api-key-cookie-optional/users/me";

    ApiKeyCookieOptionalFastApiTests() {
        super(PATH);
    }

    @Test
    void openApiSchema() throws Exception {
        assertOpenApi("api-key-cookie-optional");
    }

    @Test
    void securityApiKey() {
        assertOk(getWithCookies(new Cookie("key", "secret")), "{\"username\":\"secret\"}");
    }

    @Test
    void securityApiKeyNoKey() {
        assertCreateAccountFirst(get());
    }

    @Test
    void emptyKeyProducesNothing() {
        assertCreateAccountFirst(getWithCookies(new Cookie("key", "")));
    }

    @Test
    void otherCookieIsNotTheKey() {
        assertCreateAccountFirst(getWithCookies(new Cookie("KEY", "secret")));
    }

    @Test
    void duplicatedKeyCookieIsInvalidRequestEvenWithAutoErrorOff() {
        assertInvalidRequest(getWithCookies(new Cookie("key", "secret"), new Cookie("key", "hunter2")),
                "Several values for API key key", null, "secret", "hunter2");
    }

    @Configuration(proxyBeanMethods = false)
    @Import(Controller.class)
    static class Endpoint {

        @Bean
        ApiKeyCookie apiKeyCookieOptional() {
            return ApiKeyCookie.builder().name("key").autoError(false).build();
        }
    }

    @RestController
    static class Controller {

        @GetMapping(PATH)
        Map<String, String> readCurrentUser(@SecurityParam("apiKeyCookieOptional") @Nullable String key) {
            if (key == null) {
                return Map.of("msg", "Create an account first");
            }
            return Map.of("username", key);
        }
    }
}
