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
 * FastAPI's {@code tests/test_security_oauth2_password_bearer_optional.py}:
 * {@code OAuth2PasswordBearer(tokenUrl="/token", auto_error=False)}.
 * Returns only the token; {@code Bearer} alone gives {@code ""} (FASTAPI.md §2.8).
 */
@SpringBootTest(classes = FastApiApplications.OptionalApp.class)
@AutoConfigureMockMvc
class OAuth2PasswordBearerOptionalFastApiTests extends FastApiSecurityTest {

    static final String PATH = "/oauth2-password-bearer-optional/users/me";

    OAuth2PasswordBearerOptionalFastApiTests() {
        super(PATH);
    }

    @Test
    void openApiSchema() throws Exception {
        assertOpenApi("oauth2-password-bearer-optional");
    }

    @Test
    void noToken() {
        assertCreateAccountFirst(get());
    }

    @Test
    void token() {
        assertOk(getWithAuthorization("Bearer testtoken"), "{\"token\":\"testtoken\"}");
    }

    @Test
    void incorrectToken() {
        assertCreateAccountFirst(getWithAuthorization("Notexistent testtoken"));
    }

    @Test
    void schemeIsComparedCaseInsensitively() {
        assertOk(getWithAuthorization("bEaReR testtoken"), "{\"token\":\"testtoken\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = { "Bearer", "Bearer ", "Bearer    " })
    void emptyTokenIsReturnedAsEmptyString(String authorization) {
        assertOk(getWithAuthorization(authorization), "{\"token\":\"\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", " ", "   ", " testtoken", "Bearer\ttesttoken", "Basic testtoken", "Bearertesttoken" })
    void emptyWhitespaceOrOtherSchemeProducesNothing(String authorization) {
        assertCreateAccountFirst(getWithAuthorization(authorization));
    }

    @Test
    void duplicatedAuthorizationHeaderIsInvalidRequestEvenWithAutoErrorOff() {
        assertInvalidRequest(getWithAuthorization("Bearer testtoken", "Bearer hunter2"),
                "Several Authorization headers", BEARER_INVALID_REQUEST, "testtoken", "hunter2");
    }

    @Configuration(proxyBeanMethods = false)
    @Import(Controller.class)
    static class Endpoint {

        @Bean
        OAuth2PasswordBearer oauth2PasswordBearerOptional() {
            return OAuth2PasswordBearer.builder("/token").autoError(false).build();
        }
    }

    @RestController
    static class Controller {

        @GetMapping(PATH)
        Map<String, String> readCurrentUser(@SecurityParam("oauth2PasswordBearerOptional") @Nullable String token) {
            if (token == null) {
                return Map.of("msg", "Create an account first");
            }
            return Map.of("token", token);
        }
    }
}
