package io.github.padlock.scheme;

import java.util.Map;

import io.github.padlock.SecurityParam;
import io.github.padlock.Verifier;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * FastAPI's {@code tests/test_security_oauth2_authorization_code_bearer_scopes_openapi.py}:
 * {@code OAuth2AuthorizationCodeBearer(authorizationUrl="authorize", tokenUrl="token", scopes={...})}, with
 * {@code refreshUrl="refresh"} added to the flow. The endpoint asks for
 * {@code Security(..., scopes=["read", "write"])}, so the requirement lists both; the scheme never checks them.
 * <p>
 * Padlock refuses to start when scopes are asked of a bare scheme (nothing could check them), so the scopes are asked
 * of a verifier over the scheme; like FastAPI's endpoint, this one passes the token through unchecked.
 */
@SpringBootTest(classes = FastApiApplications.ScopesApp.class)
@AutoConfigureMockMvc
class OAuth2AuthorizationCodeBearerScopesFastApiTests extends FastApiSecurityTest {

    static final String PATH = "/oauth2-authorization-code-bearer-scopes/users/me";

    OAuth2AuthorizationCodeBearerScopesFastApiTests() {
        super(PATH);
    }

    @Test
    void openApiSchema() throws Exception {
        assertOpenApi("oauth2-authorization-code-bearer-scopes");
    }

    @Test
    void token() {
        assertOk(getWithAuthorization("Bearer testtoken"), "{\"token\":\"testtoken\"}");
    }

    @Test
    void noTokenIsRefusedWithThePlainBearerChallenge() {
        // The scheme itself never checks scopes (FASTAPI.md §4.2, §5.1); only verifiers answer insufficient_scope.
        assertNotAuthenticated(get(), "Bearer");
    }

    @Test
    void incorrectToken() {
        assertNotAuthenticated(getWithAuthorization("Non-existent testtoken"), "Bearer", "testtoken");
    }

    @Configuration(proxyBeanMethods = false)
    @Import(Controller.class)
    static class Endpoint {

        @Bean
        OAuth2AuthorizationCodeBearer oauth2AuthorizationCodeBearerScopes() {
            return OAuth2AuthorizationCodeBearer.builder("authorize", "token")
                .refreshUrl("refresh")
                .scopes(Map.of("read", "Read access", "write", "Write access"))
                .build();
        }

        @Bean
        Verifier<String> currentToken(OAuth2AuthorizationCodeBearer oauth2AuthorizationCodeBearerScopes) {
            return Verifier.of(oauth2AuthorizationCodeBearerScopes, (token, scopes) -> token);
        }
    }

    @RestController
    static class Controller {

        @GetMapping(PATH)
        Map<String, String> readCurrentUser(
                @SecurityParam(value = "currentToken", scopes = { "read", "write" }) String token) {
            return Map.of("token", token);
        }
    }
}
