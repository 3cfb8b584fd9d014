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
 * FastAPI's {@code tests/test_security_openid_connect.py}: {@code OpenIdConnect(openIdConnectUrl="/openid")}.
 * A stub, like FastAPI's: returns the whole {@code Authorization} value, any scheme accepted (FASTAPI.md §2.10).
 */
@SpringBootTest(classes = FastApiApplications.PlainApp.class)
@AutoConfigureMockMvc
class OpenIdConnectFastApiTests extends FastApiSecurityTest {

    static final String PATH = "/open-id-connect/users/me";

    OpenIdConnectFastApiTests() {
        super(PATH);
    }

    @Test
    void openApiSchema() throws Exception {
        assertOpenApi("open-id-connect");
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
        OpenIdConnect openIdConnect() {
            return OpenIdConnect.builder("/openid").build();
        }
    }

    @RestController
    static class Controller {

        @GetMapping(PATH)
        Map<String, String> readCurrentUser(@SecurityParam("openIdConnect") String header) {
            return Map.of("username", header);
        }
    }
}
