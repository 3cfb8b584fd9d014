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
 * No FastAPI file: {@code OAuth2PasswordBearer(tokenUrl="/token")} with {@code auto_error=True}, the other half of
 * FASTAPI.md §3's row (FastAPI tests it only through its tutorials).
 * Returns only the token; {@code Bearer} alone gives {@code ""} (FASTAPI.md §2.8).
 */
@SpringBootTest(classes = FastApiApplications.PlainApp.class)
@AutoConfigureMockMvc
class OAuth2PasswordBearerFastApiTests extends FastApiSecurityTest {

    static final String PATH = "/oauth2-password-bearer/users/me";

    OAuth2PasswordBearerFastApiTests() {
        super(PATH);
    }

    @Test
    void openApiSchema() throws Exception {
        assertOpenApi("oauth2-password-bearer");
    }

    @Test
    void noToken() {
        assertNotAuthenticated(get(), "Bearer");
    }

    @Test
    void incorrectToken() {
        assertNotAuthenticated(getWithAuthorization("Notexistent testtoken"), "Bearer", "testtoken");
    }

    @Test
    void token() {
        assertOk(getWithAuthorization("Bearer testtoken"), "{\"token\":\"testtoken\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = { "bearer", "BEARER", "bEaReR" })
    void schemeIsComparedCaseInsensitively(String scheme) {
        assertOk(getWithAuthorization(scheme + " testtoken"), "{\"token\":\"testtoken\"}");
    }

    @Test
    void tokenIsStripped() {
        assertOk(getWithAuthorization("Bearer   testtoken  "), "{\"token\":\"testtoken\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = { "Bearer", "Bearer ", "Bearer    " })
    void emptyTokenIsReturnedAsEmptyString(String authorization) {
        assertOk(getWithAuthorization(authorization), "{\"token\":\"\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", " ", "   ", " testtoken", "Bearer\ttesttoken", "Basic testtoken", "Bearertesttoken" })
    void emptyWhitespaceOrOtherSchemeIsRefusedLikeMissing(String authorization) {
        assertNotAuthenticated(getWithAuthorization(authorization), "Bearer", "testtoken");
    }

    @Test
    void duplicatedAuthorizationHeaderIsInvalidRequest() {
        assertInvalidRequest(getWithAuthorization("Bearer testtoken", "Bearer hunter2"),
                "Several Authorization headers", BEARER_INVALID_REQUEST, "testtoken", "hunter2");
    }

    @Test
    void bearerTokenInHeaderAndQueryIsInvalidRequest() {
        assertInvalidRequest(getWithAuthorizationAndQuery("Bearer testtoken", "access_token=hunter2"),
                "Bearer token sent in more than one way", BEARER_INVALID_REQUEST, "testtoken", "hunter2");
    }

    @Configuration(proxyBeanMethods = false)
    @Import(Controller.class)
    static class Endpoint {

        @Bean
        OAuth2PasswordBearer oauth2PasswordBearer() {
            return OAuth2PasswordBearer.builder("/token").build();
        }
    }

    @RestController
    static class Controller {

        @GetMapping(PATH)
        Map<String, String> readCurrentUser(@SecurityParam("oauth2PasswordBearer") String token) {
            return Map.of("token", token);
        }
    }
}
