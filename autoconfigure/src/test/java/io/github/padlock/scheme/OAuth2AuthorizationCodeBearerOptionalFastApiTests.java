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
 * No FastAPI file: {@code OAuth2AuthorizationCodeBearer(authorizationUrl="authorize", tokenUrl="token",
 * auto_error=False)}, the other half of FASTAPI.md §3's row.
 * Returns only the token; {@code Bearer} alone gives {@code ""} (FASTAPI.md §2.8).
 */
@SpringBootTest(classes = FastApiApplications.OptionalApp.class)
@AutoConfigureMockMvc
class OAuth2AuthorizationCodeBearerOptionalFastApiTests extends FastApiSecurityTest {

    static final String PATH = "/oauth2-authorization-code-bearer-optional/users/me";

    OAuth2AuthorizationCodeBearerOptionalFastApiTests() {
        super(PATH);
    }

    @Test
    void openApiSchema() throws Exception {
        assertOpenApi("oauth2-authorization-code-bearer-optional");
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
        assertCreateAccountFirst(getWithAuthorization("Non-existent testtoken"));
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
        OAuth2AuthorizationCodeBearer oauth2AuthorizationCodeBearerOptional() {
            return OAuth2AuthorizationCodeBearer.builder("authorize", "token").autoError(false).build();
        }
    }

    @RestController
    static class Controller {

        @GetMapping(PATH)
        Map<String, String> readCurrentUser(
                @SecurityParam("oauth2AuthorizationCodeBearerOptional") @Nullable String token) {
            if (token == null) {
                return Map.of("msg", "Create an account first");
            }
            return Map.of("token", token);
        }
    }
}
