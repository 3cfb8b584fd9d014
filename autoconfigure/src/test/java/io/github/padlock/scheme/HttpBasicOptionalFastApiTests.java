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
 * FastAPI's {@code tests/test_security_http_basic_optional.py}: {@code HTTPBasic(auto_error=False)}. Missing
 * credentials and another scheme produce nothing; a malformed Basic payload is still refused (FASTAPI.md §1.3).
 */
@SpringBootTest(classes = FastApiApplications.OptionalApp.class)
@AutoConfigureMockMvc
class HttpBasicOptionalFastApiTests extends FastApiSecurityTest {

    static final String PATH = "/http-basic-optional/users/me";

    private static final String CHALLENGE = "Basic";

    HttpBasicOptionalFastApiTests() {
        super(PATH);
    }

    @Test
    void openApiSchema() throws Exception {
        assertOpenApi("http-basic-optional");
    }

    @Test
    void securityHttpBasic() {
        assertOk(getWithAuthorization(basic("john:secret")), "{\"username\":\"john\",\"password\":\"secret\"}");
    }

    @Test
    void securityHttpBasicNoCredentials() {
        assertCreateAccountFirst(get());
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

    @ParameterizedTest
    @ValueSource(strings = { "Bearer foobar", "Other invalidauthorization", "Digest foobar", "Basicfoo" })
    void wrongSchemeProducesNothing(String authorization) {
        assertCreateAccountFirst(getWithAuthorization(authorization));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", " ", "   " })
    void emptyOrWhitespaceOnlyValuesProduceNothing(String authorization) {
        assertCreateAccountFirst(getWithAuthorization(authorization));
    }

    @ParameterizedTest
    @ValueSource(strings = { "Basic", "Basic ", "Basic    " })
    void emptyBasicPayloadIsMalformedAndRefused(String authorization) {
        assertNotAuthenticated(getWithAuthorization(authorization), CHALLENGE);
    }

    @ParameterizedTest
    @ValueSource(strings = { "basic", "BASIC", "bAsIc" })
    void schemeIsComparedCaseInsensitively(String scheme) {
        assertOk(getWithAuthorization(scheme + " " + base64("john:secret")),
                "{\"username\":\"john\",\"password\":\"secret\"}");
    }

    @Test
    void tabIsNotASeparatorSoTheSchemeIsAnother() {
        assertCreateAccountFirst(getWithAuthorization("Basic\t" + base64("john:secret")));
    }

    @Test
    void duplicatedAuthorizationHeaderIsInvalidRequestEvenWithAutoErrorOff() {
        assertInvalidRequest(getWithAuthorization(basic("john:secret"), basic("john:hunter2")),
                "Several Authorization headers", null, base64("john:secret"), base64("john:hunter2"), "hunter2");
    }

    @Configuration(proxyBeanMethods = false)
    @Import(Controller.class)
    static class Endpoint {

        @Bean
        HttpBasic httpBasicOptional() {
            return HttpBasic.builder().autoError(false).build();
        }
    }

    @RestController
    static class Controller {

        @GetMapping(PATH)
        Map<String, String> readCurrentUser(
                @SecurityParam("httpBasicOptional") @Nullable HttpBasicCredentials credentials) {
            if (credentials == null) {
                return Map.of("msg", "Create an account first");
            }
            return Map.of("username", credentials.username(), "password", credentials.password());
        }
    }
}
