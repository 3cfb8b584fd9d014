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
 * FastAPI's {@code tests/test_security_http_digest_optional.py}: {@code HTTPDigest(auto_error=False)}. Missing
 * credentials, another scheme and an empty value all produce nothing.
 */
@SpringBootTest(classes = FastApiApplications.OptionalApp.class)
@AutoConfigureMockMvc
class HttpDigestOptionalFastApiTests extends FastApiSecurityTest {

    static final String PATH = "/http-digest-optional/users/me";

    HttpDigestOptionalFastApiTests() {
        super(PATH);
    }

    @Test
    void openApiSchema() throws Exception {
        assertOpenApi("http-digest-optional");
    }

    @Test
    void securityHttpDigest() {
        assertOk(getWithAuthorization("Digest foobar"), "{\"scheme\":\"Digest\",\"credentials\":\"foobar\"}");
    }

    @Test
    void securityHttpDigestNoCredentials() {
        assertCreateAccountFirst(get());
    }

    @Test
    void securityHttpDigestIncorrectSchemeCredentials() {
        assertCreateAccountFirst(getWithAuthorization("Other invalidauthorization"));
    }

    @Test
    void schemeIsComparedCaseInsensitivelyAndReturnedAsSent() {
        assertOk(getWithAuthorization("DIGEST foobar"), "{\"scheme\":\"DIGEST\",\"credentials\":\"foobar\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", " ", "   ", "Digest", "Digest ", "Digest    ", " foobar", "Digest\tfoobar" })
    void emptyOrWhitespaceOnlyValuesProduceNothing(String authorization) {
        assertCreateAccountFirst(getWithAuthorization(authorization));
    }

    @Test
    void duplicatedAuthorizationHeaderIsInvalidRequestEvenWithAutoErrorOff() {
        assertInvalidRequest(getWithAuthorization("Digest foobar", "Digest hunter2"),
                "Several Authorization headers", null, "foobar", "hunter2");
    }

    @Configuration(proxyBeanMethods = false)
    @Import(Controller.class)
    static class Endpoint {

        @Bean
        HttpDigest httpDigestOptional() {
            return HttpDigest.builder().autoError(false).build();
        }
    }

    @RestController
    static class Controller {

        @GetMapping(PATH)
        Map<String, String> readCurrentUser(
                @SecurityParam("httpDigestOptional") @Nullable HttpAuthorizationCredentials credentials) {
            if (credentials == null) {
                return Map.of("msg", "Create an account first");
            }
            return Map.of("scheme", credentials.scheme(), "credentials", credentials.credentials());
        }
    }
}
