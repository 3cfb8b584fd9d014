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
 * FastAPI's {@code tests/test_security_openid_connect_description.py}:
 * {@code OpenIdConnect(openIdConnectUrl="/openid", description="OpenIdConnect security scheme")}.
 */
@SpringBootTest(classes = FastApiApplications.DescriptionApp.class)
@AutoConfigureMockMvc
class OpenIdConnectDescriptionFastApiTests extends FastApiSecurityTest {

    static final String PATH = "/open-id-connect-description/users/me";

    OpenIdConnectDescriptionFastApiTests() {
        super(PATH);
    }

    @Test
    void openApiSchema() throws Exception {
        assertOpenApi("open-id-connect-description");
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

    @Configuration(proxyBeanMethods = false)
    @Import(Controller.class)
    static class Endpoint {

        @Bean
        OpenIdConnect openIdConnectDescription() {
            return OpenIdConnect.builder("/openid").description("OpenIdConnect security scheme").build();
        }
    }

    @RestController
    static class Controller {

        @GetMapping(PATH)
        Map<String, String> readCurrentUser(@SecurityParam("openIdConnectDescription") String header) {
            return Map.of("username", header);
        }
    }
}
