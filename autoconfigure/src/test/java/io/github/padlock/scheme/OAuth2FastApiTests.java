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
 * FastAPI's {@code tests/test_security_oauth2.py}:
 * {@code OAuth2(flows={"password": {"tokenUrl": "token", "scopes": {...}}})}.
 * Returns the whole {@code Authorization} value, any scheme accepted (FASTAPI.md §2.7).
 * The {@code /login} cases ({@code OAuth2PasswordRequestFormStrict}) have no Padlock counterpart.
 */
@SpringBootTest(classes = FastApiApplications.PlainApp.class)
@AutoConfigureMockMvc
class OAuth2FastApiTests extends FastApiSecurityTest {

    static final String PATH = "/oauth2/users/me";

    OAuth2FastApiTests() {
        super(PATH);
    }

    @Test
    void openApiSchema() throws Exception {
        assertOpenApi("oauth2");
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
        assertNotAuthenticated(get(), "Bearer");
    }

    @Test
    void emptyHeaderIsRefusedLikeMissing() {
        assertNotAuthenticated(getWithAuthorization(""), "Bearer");
    }

    @ParameterizedTest
    @ValueSource(strings = { "Bearer", "bEaReR footokenbar", "Bearer  footokenbar ", "Bearer\tfootokenbar", "   ",
            "footokenbar" })
    void anyNonEmptyValueIsReturnedWhole(String authorization) {
        assertOk(getWithAuthorization(authorization),
                "{\"username\":\"" + authorization.replace("\t", "\\t") + "\"}");
    }

    @Test
    void duplicatedAuthorizationHeaderIsInvalidRequest() {
        assertInvalidRequest(getWithAuthorization("Bearer footokenbar", "Bearer hunter2"),
                "Several Authorization headers", BEARER_INVALID_REQUEST, "footokenbar", "hunter2");
    }

    @Test
    void bearerTokenInHeaderAndQueryIsInvalidRequest() {
        assertInvalidRequest(getWithAuthorizationAndQuery("Bearer footokenbar", "access_token=hunter2"),
                "Bearer token sent in more than one way", BEARER_INVALID_REQUEST, "footokenbar", "hunter2");
    }

    @Configuration(proxyBeanMethods = false)
    @Import(Controller.class)
    static class Endpoint {

        @Bean
        OAuth2 oauth2() {
            return OAuth2.builder()
                .passwordFlow("token", Map.of("read:users", "Read the users", "write:users", "Create users"))
                .build();
        }
    }

    @RestController
    static class Controller {

        @GetMapping(PATH)
        Map<String, String> readCurrentUser(@SecurityParam("oauth2") String header) {
            return Map.of("username", header);
        }
    }
}
