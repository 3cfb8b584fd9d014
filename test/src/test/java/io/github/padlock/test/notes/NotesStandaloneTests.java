package io.github.padlock.test.notes;

import java.util.List;
import java.util.Map;

import io.github.padlock.SecurityParam;
import io.github.padlock.Verifier;
import io.github.padlock.credentials.UserPrincipal;
import io.github.padlock.plan.SecurityConfigurationException;
import io.github.padlock.scheme.HttpBasic;
import io.github.padlock.scheme.HttpBasicCredentials;
import io.github.padlock.test.PadlockMockMvc;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static io.github.padlock.test.PadlockRequests.httpBasic;
import static io.github.padlock.test.PadlockRequests.stub;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** {@link PadlockMockMvc}: a standalone MockMvc with Padlock, where Spring's own would bind the parameter. */
class NotesStandaloneTests {

    private final HttpBasic basicAuth = HttpBasic.builder().realm("notes").build();

    private final MockMvcTester mvc = MockMvcTester.create(PadlockMockMvc.standaloneSetup(new StandaloneController())
        .bean("basicAuth", this.basicAuth)
        .bean("noteUser", Verifier.of(this.basicAuth, (credentials, scopes) -> {
            UserPrincipal user = new UserPrincipal(credentials.username(), List.of("notes:read"));
            scopes.require(user.scopes());
            return user;
        }))
        .build());

    @Test
    void standaloneWhenNoCredentialsThenUnauthorizedNeverBoundFromTheQuery() {
        assertThat(this.mvc.get().uri("/notes/raw?username=mallory&password=x")).hasStatus(HttpStatus.UNAUTHORIZED)
            .hasHeader("WWW-Authenticate", "Basic realm=\"notes\"");
    }

    @Test
    void standaloneWhenCredentialsThenOk() {
        assertThat(this.mvc.get().uri("/notes").with(httpBasic("ann", "x"))).hasStatusOk()
            .bodyJson()
            .isStrictlyEqualTo("{\"owner\":\"ann\"}");
    }

    @Test
    void standaloneWhenStubThenOkWithoutCredentialsAndScopesStillChecked() {
        assertThat(this.mvc.get().uri("/notes/admin")
            .with(stub("noteUser").returns(new UserPrincipal("zoe", List.of("notes:admin"))))).hasStatusOk();
        assertThat(this.mvc.get().uri("/notes/admin")
            .with(stub("noteUser").returns(new UserPrincipal("zoe", List.of())))).hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void standaloneWhenBeanMissingThenFailsAsAStartUpWould() {
        assertThatExceptionOfType(SecurityConfigurationException.class)
            .isThrownBy(() -> PadlockMockMvc.standaloneSetup(new StandaloneController()).build())
            .withMessageContaining("which does not exist");
    }

    /** The notes' basic endpoints, without the JWT and API-key ones, which need beans this test does not give. */
    @RestController
    static class StandaloneController {

        @GetMapping("/notes/raw")
        Map<String, String> raw(@SecurityParam("basicAuth") HttpBasicCredentials credentials) {
            return Map.of("username", credentials.username());
        }

        @GetMapping("/notes")
        Map<String, String> notes(@SecurityParam(value = "noteUser", scopes = "notes:read") UserPrincipal user) {
            return Map.of("owner", user.username());
        }

        @GetMapping("/notes/admin")
        Map<String, String> admin(@SecurityParam(value = "noteUser", scopes = "notes:admin") UserPrincipal user) {
            return Map.of("admin", user.username());
        }
    }
}
