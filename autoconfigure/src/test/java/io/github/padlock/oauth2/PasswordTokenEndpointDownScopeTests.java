package io.github.padlock.oauth2;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code padlock.token-endpoint.down-scope=true}: a request for scopes the user does not hold gets the ones the user
 * holds instead of {@code invalid_scope}.
 */
@SpringBootTest(classes = PasswordTokenEndpointTests.TokenApplication.class, properties = {
        "padlock.schemes.oauth2.type=oauth2-password-bearer", "padlock.verifiers.tokenUser.type=jwt",
        "padlock.verifiers.tokenUser.scheme=oauth2", "padlock.users.stanley.password={noop}password123",
        "padlock.users.stanley.scopes=items:read,items:write",
        "padlock.jwt.secret=a-secret-of-at-least-thirty-two-bytes-long!", "padlock.token-endpoint.enabled=true",
        "padlock.token-endpoint.down-scope=true" })
@AutoConfigureMockMvc
class PasswordTokenEndpointDownScopeTests {

    @Autowired
    private MockMvcTester mvc;

    @Test
    void tokenWhenRequestedScopeNotHeldThenGrantedTheHeldOnes() throws Exception {
        MvcTestResult token = this.mvc.post().uri("/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .content("grant_type=password&username=stanley&password=password123&scope=items:read admin").exchange();
        assertThat(token).hasStatusOk();
        assertThat((String) JsonPath.read(token.getResponse().getContentAsString(), "$.scope"))
            .isEqualTo("items:read");
    }
}
