package io.github.padlock.scheme;

import java.util.Map;

import io.github.padlock.SecurityParam;
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
 * FastAPI's {@code tests/test_security_oauth2_password_bearer_optional_description.py}:
 * {@code OAuth2PasswordBearer(tokenUrl="/token", description="OAuth2PasswordBearer security scheme",
 * auto_error=False)}.
 */
@SpringBootTest(classes = FastApiApplications.DescriptionApp.class)
@AutoConfigureMockMvc
class OAuth2PasswordBearerOptionalDescriptionFastApiTests extends FastApiSecurityTest {

    static final String PATH = "/oauth2-password-bearer-optional-description/users/me";

    OAuth2PasswordBearerOptionalDescriptionFastApiTests() {
        super(PATH);
    }

    @Test
    void openApiSchema() throws Exception {
        assertOpenApi("oauth2-password-bearer-optional-description");
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

    @Configuration(proxyBeanMethods = false)
    @Import(Controller.class)
    static class Endpoint {

        @Bean
        OAuth2PasswordBearer oauth2PasswordBearerOptionalDescription() {
            return OAuth2PasswordBearer.builder("/token")
                .description("OAuth2PasswordBearer security scheme")
                .autoError(false)
                .build();
        }
    }

    @RestController
    static class Controller {

        @GetMapping(PATH)
        Map<String, String> readCurrentUser(
                @SecurityParam("oauth2PasswordBearerOptionalDescription") @Nullable String token) {
            if (token == null) {
                return Map.of("msg", "Create an account first");
            }
            return Map.of("token", token);
        }
    }
}
