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
 * FastAPI's {@code tests/test_security_openid_connect_optional.py}:
 * {@code OpenIdConnect(openIdConnectUrl="/openid", auto_error=False)}.
 */
@SpringBootTest(classes = FastApiApplications.OptionalApp.class)
@AutoConfigureMockMvc
class OpenIdConnectOptionalFastApiTests extends FastApiSecurityTest {

    static final String PATH = "/open-id-connect-optional/users/me";

    OpenIdConnectOptionalFastApiTests() {
        super(PATH);
    }

    @Test
    void openApiSchema() throws Exception {
        assertOpenApi("open-id-connect-optional");
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
        OpenIdConnect openIdConnectOptional() {
            return OpenIdConnect.builder("/openid").autoError(false).build();
        }
    }

    @RestController
    static class Controller {

        @GetMapping(PATH)
        Map<String, String> readCurrentUser(@SecurityParam("openIdConnectOptional") @Nullable String header) {
            if (header == null) {
                return Map.of("msg", "Create an account first");
            }
            return Map.of("username", header);
        }
    }
}
