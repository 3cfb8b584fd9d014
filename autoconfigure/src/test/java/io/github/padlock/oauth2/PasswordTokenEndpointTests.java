package io.github.padlock.oauth2;

import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import io.github.padlock.SecurityParam;
import io.github.padlock.jwt.JwtPrincipal;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed's OAuth2 walkthrough end to end, from {@code application.yml} alone: post the password form to the
 * built-in token endpoint, get a signed JWT, call a protected endpoint with it; and RFC 6749 §5.2's errors.
 */
@SpringBootTest(classes = PasswordTokenEndpointTests.TokenApplication.class, properties = {
        "padlock.schemes.oauth2.type=oauth2-password-bearer",
        "padlock.schemes.oauth2.scopes.[items\\:read]=Read items.",
        "padlock.schemes.oauth2.scopes.[items\\:write]=Write items.",
        "padlock.verifiers.tokenUser.type=jwt", "padlock.verifiers.tokenUser.scheme=oauth2",
        "padlock.users.stanley.password={bcrypt}$2a$10$We5ien6ZAUHYfKl6XGQfse9.nnTae3EWfC9r.pvHYY8NvL.aGQ8oS",
        "padlock.users.stanley.scopes=items:read,items:write",
        "padlock.users.alice.password={noop}secret2", "padlock.users.alice.disabled=true",
        "padlock.jwt.secret=a-secret-of-at-least-thirty-two-bytes-long!", "padlock.jwt.issuer=padlock-tests",
        "padlock.token-endpoint.enabled=true", "padlock.token-endpoint.access-token-ttl=15m" })
@AutoConfigureMockMvc
class PasswordTokenEndpointTests {

    @Autowired
    private MockMvcTester mvc;

    @Test
    void tokenWhenPasswordFormThenJwtThatOpensProtectedEndpoint() throws Exception {
        MvcTestResult token = form("grant_type=password&username=stanley&password=password123&scope=items:read");
        assertThat(token).hasStatusOk().hasHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        String body = token.getResponse().getContentAsString();
        assertThat((String) JsonPath.read(body, "$.token_type")).isEqualTo("bearer");
        assertThat((Integer) JsonPath.read(body, "$.expires_in")).isEqualTo(900);
        assertThat((String) JsonPath.read(body, "$.scope")).isEqualTo("items:read");
        String accessToken = JsonPath.read(body, "$.access_token");
        assertThat(accessToken.split("\\.")).hasSize(3);
        assertThat(this.mvc.get().uri("/users/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken))
            .hasStatusOk()
            .bodyJson()
            .isStrictlyEqualTo("{\"subject\":\"stanley\",\"scopes\":[\"items:read\"]}");
        assertThat(this.mvc.get().uri("/items/write").header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken))
            .hasStatus(HttpStatus.FORBIDDEN)
            .hasHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\", scope=\"items:write\"");
    }

    @Test
    void tokenWhenNoScopeRequestedThenEveryScopeTheUserMayHave() throws Exception {
        MvcTestResult token = form("grant_type=password&username=stanley&password=password123");
        assertThat(token).hasStatusOk();
        assertThat((String) JsonPath.read(token.getResponse().getContentAsString(), "$.scope"))
            .isEqualTo("items:read items:write");
    }

    @Test
    void tokenWhenRequestedScopeNotHeldThenInvalidScope() {
        MvcTestResult result = form("grant_type=password&username=stanley&password=password123&scope=items:read admin");
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        assertThat(result).bodyJson().extractingPath("$.error").isEqualTo("invalid_scope");
        assertThat(result).bodyJson().extractingPath("$.error_description")
            .isEqualTo("The requested scope exceeds the scope granted to the user");
    }

    @Test
    void tokenWhenNoGrantTypeThenInvalidRequest() {
        MvcTestResult result = this.mvc.post().uri("/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .content("username=stanley&password=password123").exchange();
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).bodyJson().extractingPath("$.error").isEqualTo("invalid_request");
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("grant_type");
    }

    @Test
    void tokenWhenControlCharacterInUsernameOrPasswordThenInvalidRequestAndNoUserLookedUp() {
        for (String credentials : new String[] { "username=stanley%00&password=password123",
                "username=stanley&password=password123%0D%0A", "username=stan%09ley&password=x" }) {
            MvcTestResult result = form("grant_type=password&" + credentials);
            assertThat(result).as(credentials).hasStatus(HttpStatus.BAD_REQUEST);
            assertThat(result).bodyJson().extractingPath("$.error").isEqualTo("invalid_request");
        }
    }

    @Test
    void tokenWhenScopesSeparatedByATabOrTwoSpacesThenInvalidScope() {
        for (String scope : new String[] { "items:read%09items:write", "items:read%20%20items:write",
                "%20items:read" }) {
            MvcTestResult result = form("grant_type=password&username=stanley&password=password123&scope=" + scope);
            assertThat(result).as(scope).hasStatus(HttpStatus.BAD_REQUEST);
            assertThat(result).bodyJson().extractingPath("$.error").isEqualTo("invalid_scope");
        }
    }

    @Test
    void tokenWhenWrongPasswordThenInvalidGrant() throws Exception {
        MvcTestResult result = form("grant_type=password&username=stanley&password=hunter2");
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        assertThat(result).bodyJson().extractingPath("$.error").isEqualTo("invalid_grant");
        assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo("Incorrect username or password");
        assertThat(result.getResponse().getContentAsString()).doesNotContain("hunter2");
        assertThat(form("grant_type=password&username=nobody&password=password123")).bodyJson().extractingPath("$.error")
            .isEqualTo("invalid_grant");
    }

    @Test
    void tokenWhenDisabledUserThenInvalidGrant() {
        MvcTestResult result = form("grant_type=password&username=alice&password=secret2");
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).bodyJson().extractingPath("$.error").isEqualTo("invalid_grant");
        assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo("Inactive user");
    }

    @Test
    void tokenWhenMalformedFormThenInstanceIsThePathWithoutItsParameters() throws Exception {
        MvcTestResult result = this.mvc.post()
            .uri("/token;k=SECRET-PARAM?q=SECRET-QUERY")
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .content("username=stanley&password=password123")
            .exchange();
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).bodyJson().extractingPath("$.error").isEqualTo("invalid_request");
        assertThat(result).bodyJson().extractingPath("$.instance").isEqualTo("/token");
        assertThat(result.getResponse().getContentAsString()).doesNotContain("SECRET");
        MvcTestResult wrongGrant = this.mvc.post()
            .uri("/token;k=SECRET-PARAM")
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .content("grant_type=client_credentials&username=stanley&password=password123")
            .exchange();
        assertThat(wrongGrant).bodyJson().extractingPath("$.instance").isEqualTo("/token");
    }

    @Test
    void tokenWhenOtherGrantTypeThenUnsupportedGrantType() {
        MvcTestResult result = form("grant_type=client_credentials&username=stanley&password=password123");
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).bodyJson().extractingPath("$.error").isEqualTo("unsupported_grant_type");
    }

    @Test
    void tokenWhenFieldsMissingThenInvalidRequest() {
        MvcTestResult result = form("grant_type=password&username=stanley");
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        assertThat(result).bodyJson().extractingPath("$.error").isEqualTo("invalid_request");
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("password");
    }

    @Test
    void tokenWhenScopeMalformedThenInvalidScope() {
        MvcTestResult result = form("grant_type=password&username=stanley&password=password123&scope=items:read%20bad\"scope");
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).bodyJson().extractingPath("$.error").isEqualTo("invalid_scope");
    }

    @Test
    void protectedEndpointWhenForgedTokenThenInvalidToken() {
        assertThat(this.mvc.get().uri("/users/me").header(HttpHeaders.AUTHORIZATION, "Bearer eyJhbGciOiJub25lIn0."
                + "eyJzdWIiOiJzdGFubGV5In0."))
            .hasStatus(HttpStatus.UNAUTHORIZED)
            .hasHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\", error_description=\"Invalid token\"");
    }

    @Test
    void apiDocsWhenTokenEndpointThenSchemePointsAtItAndFormDocumented() {
        MvcTestResult result = this.mvc.get().uri("/v3/api-docs").exchange();
        assertThat(result).bodyJson().extractingPath("$.components.securitySchemes.OAuth2PasswordBearer.flows.password")
            .isEqualTo(Map.of("tokenUrl", "/token", "scopes", Map.of("items:read", "Read items.", "items:write",
                    "Write items.")));
        assertThat(result).bodyJson().extractingPath("$.paths['/token'].post.requestBody.content")
            .asMap()
            .containsKey("application/x-www-form-urlencoded");
        assertThat(result).bodyJson().extractingPath("$.paths['/users/me'].get.security")
            .isEqualTo(List.of(Map.of("OAuth2PasswordBearer", List.of())));
    }

    private MvcTestResult form(String body) {
        return this.mvc.post().uri("/token").contentType(MediaType.APPLICATION_FORM_URLENCODED).content(body)
            .exchange();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(ProtectedController.class)
    static class TokenApplication {

    }

    @RestController
    static class ProtectedController {

        @GetMapping("/users/me")
        Map<String, Object> me(@SecurityParam("tokenUser") JwtPrincipal principal) {
            return Map.of("subject", principal.subject(), "scopes", principal.scopes());
        }

        @GetMapping("/items/write")
        String write(@SecurityParam(value = "tokenUser", scopes = "items:write") JwtPrincipal principal) {
            return "written";
        }
    }
}
