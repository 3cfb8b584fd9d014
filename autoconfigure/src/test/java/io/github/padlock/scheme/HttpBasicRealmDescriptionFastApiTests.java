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
 * FastAPI's {@code tests/test_security_http_basic_realm_description.py}:
 * {@code HTTPBasic(realm="simple", description="HTTPBasic scheme")}. The realm is in the challenge, never in OpenAPI.
 */
@SpringBootTest(classes = FastApiApplications.DescriptionApp.class)
@AutoConfigureMockMvc
class HttpBasicRealmDescriptionFastApiTests extends FastApiSecurityTest {

    static final String PATH = "/http-basic-realm-description/users/me";

    private static final String CHALLENGE = "Basic realm=\"simple\"";

    HttpBasicRealmDescriptionFastApiTests() {
        super(PATH);
    }

    @Test
    void openApiSchema() throws Exception {
        assertOpenApi("http-basic-realm-description");
    }

    @Test
    void securityHttpBasic() {
        assertOk(getWithAuthorization(basic("john:secret")), "{\"username\":\"john\",\"password\":\"secret\"}");
    }

    @Test
    void securityHttpBasicNoCredentials() {
        assertNotAuthenticated(get(), CHALLENGE);
    }

    @Test
    void securityHttpBasicInvalidCredentials() {
        assertNotAuthenticated(getWithAuthorization("Basic notabase64token"), CHALLENGE, "notabase64token");
    }

    @Test
    void securityHttpBasicNonBasicCredentials() {
        assertNotAuthenticated(getWithAuthorization("Basic " + base64("johnsecret")), CHALLENGE, "johnsecret",
                base64("johnsecret"));
    }

    @Test
    void wrongSchemeIsRefusedLikeMissingCredentials() {
        assertNotAuthenticated(getWithAuthorization("Other " + base64("john:secret")), CHALLENGE,
                base64("john:secret"));
    }

    @Configuration(proxyBeanMethods = false)
    @Import(Controller.class)
    static class Endpoint {

        @Bean
        HttpBasic httpBasicRealmDescription() {
            return HttpBasic.builder().realm("simple").description("HTTPBasic scheme").build();
        }
    }

    @RestController
    static class Controller {

        @GetMapping(PATH)
        Map<String, String> readCurrentUser(
                @SecurityParam("httpBasicRealmDescription") HttpBasicCredentials credentials) {
            return Map.of("username", credentials.username(), "password", credentials.password());
        }
    }
}
