package io.github.padlock.test.notes;

import java.util.List;

import io.github.padlock.PadlockException;
import io.github.padlock.credentials.UserPrincipal;
import io.github.padlock.test.PadlockHeaders;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.client.RestTestClient;

import static io.github.padlock.test.PadlockRequests.apiKey;
import static io.github.padlock.test.PadlockRequests.bearer;
import static io.github.padlock.test.PadlockRequests.httpBasic;
import static io.github.padlock.test.PadlockRequests.jwt;
import static io.github.padlock.test.PadlockRequests.stub;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Each piece of the kit in a {@code @WebMvcTest} of a controller that is not the demo's: with MockMvc, with
 * {@code MockMvcTester} and with {@code RestTestClient}.
 */
@WebMvcTest(NotesController.class)
@Import(NotesSecurityConfiguration.class)
class NotesKitTests {

    @Autowired
    private MockMvc mockMvc;

    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private ApplicationContext context;

    @Test
    void httpBasicWhenMockMvcThenCredentialsReachTheScheme() throws Exception {
        this.mockMvc.perform(get("/notes/raw").with(httpBasic("ann", "any")))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.username").value("ann"));
        this.mockMvc.perform(get("/notes/raw")).andExpect(status().isUnauthorized());
    }

    @Test
    void httpBasicWhenMockMvcTesterThenVerifierChecksThem() {
        assertThat(this.mvc.get().uri("/notes").with(httpBasic("ann", "open-sesame"))).hasStatusOk()
            .bodyJson()
            .isStrictlyEqualTo("{\"owner\":\"ann\"}");
        assertThat(this.mvc.get().uri("/notes").with(httpBasic("ann", "guess"))).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void apiKeyWhenHeaderSchemeThenSentInItsHeader() {
        assertThat(this.mvc.get().uri("/notes/key").with(apiKey("notesKey", "k-123"))).hasStatusOk()
            .bodyJson()
            .isStrictlyEqualTo("{\"owner\":\"robot\"}");
        assertThat(this.mvc.get().uri("/notes/key").with(apiKey("notesKey", "k-999")))
            .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void apiKeyWhenQuerySchemeThenSentInTheQueryString() {
        assertThat(this.mvc.get().uri("/notes/query-key").with(apiKey("notesQueryKey", "k-123"))).hasStatusOk();
    }

    @Test
    void apiKeyWhenNoSuchSchemeThenRefusedNamingTheSchemes() {
        assertThat(this.mvc.get().uri("/notes/key").with(apiKey("basicAuth", "k-123"))).hasFailed()
            .failure()
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("notesKey")
            .hasMessageContaining("notesQueryKey");
    }

    @Test
    void jwtWhenScopesAndClaimsThenSignedWithTheApplicationsKey() {
        assertThat(this.mvc.get().uri("/notes/token").with(jwt().subject("ann").scopes("notes:read")
            .claim("name", "Ann"))).hasStatusOk()
            .bodyJson()
            .isStrictlyEqualTo("{\"subject\":\"ann\",\"name\":\"Ann\"}");
    }

    @Test
    void jwtWhenScopeMissingThenInsufficientScope() {
        assertThat(this.mvc.get().uri("/notes/token").with(jwt().subject("ann"))).hasStatus(HttpStatus.FORBIDDEN)
            .hasHeader("WWW-Authenticate", "Bearer error=\"insufficient_scope\", scope=\"notes:read\"");
    }

    @Test
    void bearerWhenNotATokenThenInvalidToken() {
        assertThat(this.mvc.get().uri("/notes/token").with(bearer("not.a.token")))
            .hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void stubWhenReturnsPrincipalThenHandlerRunsWithoutCredentials() {
        assertThat(this.mvc.get().uri("/notes/admin")
            .with(stub("noteUser").returns(new UserPrincipal("zoe", List.of("notes:admin"))))).hasStatusOk()
            .bodyJson()
            .isStrictlyEqualTo("{\"admin\":\"zoe\"}");
    }

    @Test
    void stubWhenPrincipalLacksTheScopeThenStillForbidden() {
        assertThat(this.mvc.get().uri("/notes/admin")
            .with(stub("noteUser").returns(new UserPrincipal("zoe", List.of("notes:read")))))
            .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void stubWhenValueCarriesNoScopesThenGrantingScopesDecides() {
        assertThat(this.mvc.get().uri("/notes/key").with(stub("keyOwner").returns("robot-2"))).hasStatusOk()
            .bodyJson()
            .isStrictlyEqualTo("{\"owner\":\"robot-2\"}");
        assertThat(this.mvc.get().uri("/notes/token").with(stub("jwtUser").returns("not a principal")))
            .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void stubWhenRefusesThenItsRefusal() {
        assertThat(this.mvc.get().uri("/notes").with(stub("noteUser")
            .refuses(new PadlockException(HttpStatus.BAD_REQUEST, "Inactive user", List.of()))))
            .hasStatus(HttpStatus.BAD_REQUEST)
            .bodyJson()
            .extractingPath("$.detail")
            .isEqualTo("Inactive user");
    }

    @Test
    void stubWhenGrantingScopesThenThoseDecideForAValueWithoutScopes() {
        UserPrincipal unscoped = new UserPrincipal("zoe", List.of());
        assertThat(this.mvc.get().uri("/notes").with(stub("noteUser").returns(unscoped))).hasStatus(
                HttpStatus.FORBIDDEN);
        assertThat(this.mvc.get().uri("/notes").with(stub("noteUser").returns(unscoped)
            .grantingScopes("notes:read"))).hasStatusOk();
        assertThat(this.mvc.get().uri("/notes").with(stub("noteUser").returns(unscoped)
            .grantingScopes("notes:write"))).hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void stubWhenOnlyForOneRequestThenTheNextOneNeedsCredentials() {
        assertThat(this.mvc.get().uri("/notes").with(stub("noteUser").returns(new UserPrincipal("zoe",
                List.of("notes:read"))))).hasStatusOk();
        assertThat(this.mvc.get().uri("/notes")).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void restTestClientWhenPadlockHeadersThenCredentialsSent() {
        RestTestClient client = RestTestClient.bindTo(this.mockMvc).build();
        client.get()
            .uri("/notes")
            .headers(PadlockHeaders.of(this.context, httpBasic("ann", "open-sesame")))
            .exchange()
            .expectStatus()
            .isOk();
        client.get()
            .uri("/notes/token")
            .headers(PadlockHeaders.of(this.context, jwt().subject("ann").scopes("notes:read")))
            .exchange()
            .expectStatus()
            .isOk();
        client.get()
            .uri("/notes/key")
            .headers(PadlockHeaders.of(this.context, apiKey("notesKey", "k-123")))
            .exchange()
            .expectStatus()
            .isOk();
        client.get().uri("/notes").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void padlockHeadersWhenStubOrQueryKeyThenRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> PadlockHeaders
            .of(this.context, stub("noteUser").returns("x"))
            .accept(new HttpHeaders()));
        assertThatIllegalArgumentException().isThrownBy(() -> PadlockHeaders
            .of(this.context, apiKey("notesQueryKey", "k-123"))
            .accept(new HttpHeaders()));
    }
}
