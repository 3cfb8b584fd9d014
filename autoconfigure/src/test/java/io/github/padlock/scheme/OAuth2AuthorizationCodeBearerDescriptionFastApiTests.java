package io.github.padlock.scheme;

import java.util.Map;

import io.github.padlock.SecurityParam;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * FastAPI's {@code tests/test_security_oauth2_authorization_code_bearer_description.py}:
 * {@code OAuth2AuthorizationCodeBearer(authorizationUrl="authorize", tokenUrl="token",
 * description="OAuth2 Code Bearer", auto_error=True)}.
 */
@SpringBootTest(classes = FastApiApplications.DescriptionApp.class)
@AutoConfigureMockMvc
class OAuth2AuthorizationCodeBearerDescriptionFastApiTests extends FastApiSecurityTest {

    static final String PATH = "/oauth2-authorization-code-bearer-description/users/me";

    OAuth2AuthorizationCodeBearerDescriptionFastApiTests() {
        super(PATH);
    }

    @Test
    void openApiSchema() throws Exception {
        assertOpenApi("oauth2-authorization-code-bearer-description");
    }

    @Test
    void noToken() {
        assertNotAuthenticated(get(), "Bearer");
    }

    @Test
    void incorrectToken() {
        assertNotAuthenticated(getWithAuthorization("Non-existent testtoken"), "Bearer", "testtoken");
    }

    @Test
    void token() {
        assertOk(getWithAuthorization("Bearer testtoken"), "{\"token\":\"testtoken\"}");
    }

    @Configuration(proxyBeanMethods = false)
    @Import(Controller.class)
    static class Endpoint {

        @Bean
        OAuth2AuthorizationCodeBearer oauth2AuthorizationCodeBearerDescription() {
            return OAuth2AuthorizationCodeBearer.builder("authorize", "token")
                .description("OAuth2 Code Bearer")
                .build();
        }
    }

    @RestController
    static class Controller {

        @GetMapping(PATH)
        Map<String, String> readCurrentUser(@SecurityParam("oauth2AuthorizationCodeBearerDescription") String token) {
            return Map.of("token", token);
        }
    }
}
