package io.github.padlock.demo;

import java.util.List;

import io.github.padlock.credentials.UserPrincipal;
import io.github.padlock.test.PadlockHeaders;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.client.RestTestClient;

import static io.github.padlock.test.PadlockRequests.apiKey;
import static io.github.padlock.test.PadlockRequests.httpBasic;
import static io.github.padlock.test.PadlockRequests.jwt;
import static io.github.padlock.test.PadlockRequests.stub;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The demo tested as its users would test their own application, with padlock-spring-boot-test: each credential of
 * the kit, a JWT signed with the demo's key, and a stub of the token verifier that needs no credentials at all.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DemoKitTests {

    /** The demo's API key, of which application.yml holds the SHA-256. */
    private static final String API_KEY = "demo.X1Mc3thiRunnvxrdTEqXfiS8a_qyCRLIfkcgdMuNJ7c";

    @Autowired
    private MockMvc mockMvc;

    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private ApplicationContext context;

    @Test
    void usersMeWhenHttpBasicThenUsername() throws Exception {
        this.mockMvc.perform(get("/users/me").with(httpBasic("stanley", "password123")))
            .andExpect(status().isOk())
            .andExpect(content().json("{\"username\":\"stanley\"}", true));
    }

    @Test
    void usersMeWhenNoCredentialsThenStillRefused() {
        assertThat(this.mvc.get().uri("/users/me")).hasStatus(HttpStatus.UNAUTHORIZED)
            .hasHeader("WWW-Authenticate", "Basic");
    }

    @Test
    void secureDataWhenApiKeyForTheNamedSchemeThenData() {
        assertThat(this.mvc.get().uri("/secure-data").with(apiKey("apiKeyHeader", API_KEY))).hasStatusOk()
            .bodyJson()
            .isStrictlyEqualTo("{\"data\":\"sensitive data\",\"key_id\":\"demo\"}");
        assertThat(this.mvc.get().uri("/secure-data").with(apiKey("apiKeyHeader", "demo.wrong")))
            .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void usersMeOAuthWhenJwtSignedWithTheDemosKeyThenUserAndScopes() {
        assertThat(this.mvc.get().uri("/users/me/oauth").with(jwt().subject("stanley").scopes("items:read")))
            .hasStatusOk()
            .bodyJson()
            .isStrictlyEqualTo("{\"username\":\"stanley\",\"scopes\":[\"items:read\"]}");
    }

    @Test
    void usersMeOAuthWhenJwtOfDisabledUserThenInactive() {
        assertThat(this.mvc.get().uri("/users/me/oauth").with(jwt().subject("alice")))
            .hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void usersMeOAuthWhenCurrentActiveUserStubbedThenNoCredentialsNeeded() {
        assertThat(this.mvc.get().uri("/users/me/oauth")
            .with(stub("currentActiveUser").returns(new UserPrincipal("stanley", List.of("items:read")))))
            .hasStatusOk()
            .bodyJson()
            .isStrictlyEqualTo("{\"username\":\"stanley\",\"scopes\":[\"items:read\"]}");
    }

    @Test
    void deleteItemWhenStubbedUserLacksItemsWriteThenForbidden() {
        assertThat(this.mvc.delete().uri("/items/1")
            .with(stub("currentActiveUser").returns(new UserPrincipal("stanley", List.of("items:read")))))
            .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void restTestClientWhenPadlockHeadersThenDemoAnswers() {
        RestTestClient client = RestTestClient.bindTo(this.mockMvc).build();
        client.get()
            .uri("/users/me/oauth")
            .headers(PadlockHeaders.of(this.context, jwt().subject("stanley").scopes("items:read")))
            .exchange()
            .expectStatus()
            .isOk();
        client.get()
            .uri("/secure-data")
            .headers(PadlockHeaders.of(this.context, apiKey("apiKeyHeader", API_KEY)))
            .exchange()
            .expectStatus()
            .isOk();
    }
}
