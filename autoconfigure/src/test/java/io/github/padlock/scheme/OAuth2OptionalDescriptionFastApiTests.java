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
 * FastAPI's {@code tests/test_security_oauth2_optional_description.py}:
 * {@code OAuth2(flows={"password": {"tokenUrl": "token", "scopes": {...}}}, description="OAuth2 security scheme",
 * auto_error=False)}.
 */
@SpringBootTest(classes = FastApiApplications.DescriptionApp.class)
@AutoConfigureMockMvc
class OAuth2OptionalDescriptionFastApiTests extends FastApiSecurityTest {

    static final String PATH = "/oauth2-optional-description/users/me";

    OAuth2OptionalDescriptionFastApiTests() {
        super(PATH);
    }

    @Test
    void openApiSchema() throws Exception {
        assertOpenApi("oauth2-optional-description");
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

    @Configuration(proxyBeanMethods = false)
    @Import(Controller.class)
    static class Endpoint {

        @Bean
        OAuth2 oauth2OptionalDescription() {
            return OAuth2.builder()
                .passwordFlow("token", Map.of("read:users", "Read the users", "write:users", "Create users"))
                .description("OAuth2 security scheme")
                .autoError(false)
                .build();
        }
    }

    @RestController
    static class Controller {

        @GetMapping(PATH)
        Map<String, String> readCurrentUser(@SecurityParam("oauth2OptionalDescription") @Nullable String header) {
            if (header == null) {
                return Map.of("msg", "Create an account first");
            }
            return Map.of("username", header);
        }
    }
}
