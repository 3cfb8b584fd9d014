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
 * FastAPI's {@code tests/test_security_oauth2_optional.py}:
 * {@code OAuth2(flows={"password": {"tokenUrl": "token", "scopes": {...}}}, auto_error=False)}.
 * Returns the whole {@code Authorization} value, any scheme accepted (FASTAPI.md §2.7).
 * The {@code /login} cases have no Padlock counterpart.
 */
@SpringBootTest(classes = FastApiApplications.OptionalApp.class)
@AutoConfigureMockMvc
class OAuth2OptionalFastApiTests extends FastApiSecurityTest {

    static final String PATH = "/oauth2-optional/users/me";

    OAuth2OptionalFastApiTests() {
        super(PATH);
    }

    @Test
    void openApiSchema() throws Exception {
        assertOpenApi("oauth2-optional");
    }

    @Test
    void securityOauth2() {
        assertOk(getWithAuthorization("Bearer footokenbar"), "{\"username\":\"Bearer footokenbar\"}");
    }

    @Test
    void securityOauth2PasswordOtherHeader() {
        assertOk(getWithAuthorization("Other footokenbar"), "{\"username\":\"Other footokenbar\"}");
    }

    @Test
    void securityOauth2PasswordBearerNoHeader() {
        assertCreateAccountFirst(get());
    }

    @Test
    void emptyHeaderProducesNothing() {
        assertCreateAccountFirst(getWithAuthorization(""));
    }

    @ParameterizedTest
    @ValueSource(strings = { "Bearer", "bEaReR footokenbar", "   " })
    void anyNonEmptyValueIsReturnedWhole(String authorization) {
        assertOk(getWithAuthorization(authorization), "{\"username\":\"" + authorization + "\"}");
    }

    @Test
    void duplicatedAuthorizationHeaderIsInvalidRequestEvenWithAutoErrorOff() {
        assertInvalidRequest(getWithAuthorization("Bearer footokenbar", "Bearer hunter2"),
                "Several Authorization headers", BEARER_INVALID_REQUEST, "footokenbar", "hunter2");
    }

    @Configuration(proxyBeanMethods = false)
    @Import(Controller.class)
    static class Endpoint {

        @Bean
        OAuth2 oauth2Optional() {
            return OAuth2.builder()
                .passwordFlow("token", Map.of("read:users", "Read the users", "write:users", "Create users"))
                .autoError(false)
                .build();
        }
    }

    @RestController
    static class Controller {

        @GetMapping(PATH)
        Map<String, String> readCurrentUser(@SecurityParam("oauth2Optional") @Nullable String header) {
            if (header == null) {
                return Map.of("msg", "Create an account first");
            }
            return Map.of("username", header);
        }
    }
}
