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
 * FastAPI's {@code tests/test_security_http_digest_description.py}:
 * {@code HTTPDigest(description="HTTPDigest scheme")}.
 */
@SpringBootTest(classes = FastApiApplications.DescriptionApp.class)
@AutoConfigureMockMvc
class HttpDigestDescriptionFastApiTests extends FastApiSecurityTest {

    static final String PATH = "/http-digest-description/users/me";

    HttpDigestDescriptionFastApiTests() {
        super(PATH);
    }

    @Test
    void openApiSchema() throws Exception {
        assertOpenApi("http-digest-description");
    }

    @Test
    void securityHttpDigest() {
        assertOk(getWithAuthorization("Digest foobar"), "{\"scheme\":\"Digest\",\"credentials\":\"foobar\"}");
    }

    @Test
    void securityHttpDigestNoCredentials() {
        assertNotAuthenticated(get(), "Digest");
    }

    @Test
    void securityHttpDigestIncorrectSchemeCredentials() {
        assertNotAuthenticated(getWithAuthorization("Other invalidauthorization"), "Digest", "invalidauthorization");
    }

    @Configuration(proxyBeanMethods = false)
    @Import(Controller.class)
    static class Endpoint {

        @Bean
        HttpDigest httpDigestDescription() {
            return HttpDigest.builder().description("HTTPDigest scheme").build();
        }
    }

    @RestController
    static class Controller {

        @GetMapping(PATH)
        Map<String, String> readCurrentUser(
                @SecurityParam("httpDigestDescription") HttpAuthorizationCredentials credentials) {
            return Map.of("scheme", credentials.scheme(), "credentials", credentials.credentials());
        }
    }
}
