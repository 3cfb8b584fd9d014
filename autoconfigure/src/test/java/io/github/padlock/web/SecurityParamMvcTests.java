package io.github.padlock.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.github.padlock.PadlockTestApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @SecurityParam} through Spring MVC: resolution before binding, once per request, scopes down a chain,
 * optional parameters, and problem+json refusals that never echo the credential.
 */
@SpringBootTest(classes = PadlockTestApplication.class)
@AutoConfigureMockMvc
class SecurityParamMvcTests {

    private static final String JOHN = basic("john:secret");

    @Autowired
    private MockMvcTester mvc;

    @BeforeEach
    void reset() {
        PadlockTestApplication.calls.clear();
        PadlockTestApplication.handlerCalls.set(0);
    }

    @Test
    void getWhenNoCredentialsThenProblemWithChallenge() {
        MvcTestResult result = this.mvc.get().uri("/basic").exchange();
        assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED)
            .hasHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"test\"")
            .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo("Not authenticated");
        assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(401);
    }

    @Test
    void getWhenCredentialsThenSchemeValueInjected() {
        assertThat(this.mvc.get().uri("/basic").header(HttpHeaders.AUTHORIZATION, JOHN))
            .hasStatusOk()
            .bodyJson()
            .isStrictlyEqualTo("{\"username\":\"john\"}");
    }

    @Test
    void getWhenMalformedCredentialsThenUnauthorizedWithoutEchoingThem() throws Exception {
        for (String header : new String[] { "Basic notabase64token", "Basic " + encode("johnsecret"),
                "Basic " + encode("john:s\u0000cret"), "Basic \u00ff\u00fe" }) {
            MvcTestResult result = this.mvc.get().uri("/basic").header(HttpHeaders.AUTHORIZATION, header).exchange();
            assertThat(result).as(header).hasStatus(HttpStatus.UNAUTHORIZED)
                .hasHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"test\"");
            assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .doesNotContain(header.substring(6))
                .doesNotContain("johnsecret");
        }
    }

    @Test
    void getWhenWrongPasswordThenVerifierDetailAndNoSecretInBody() throws Exception {
        MvcTestResult result = this.mvc.get().uri("/me").header(HttpHeaders.AUTHORIZATION, basic("john:hunter2"))
            .exchange();
        assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED)
            .hasHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"test\"");
        assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo("Incorrect username or password");
        assertThat(result.getResponse().getContentAsString()).doesNotContain("hunter2");
    }

    @Test
    void getWhenBrowserAcceptsHtmlThenStillProblemJson() {
        assertThat(this.mvc.get().uri("/basic").accept(MediaType.TEXT_HTML))
            .hasStatus(HttpStatus.UNAUTHORIZED)
            .hasHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"test\"");
    }

    @Test
    void getWhenOptionalSchemeAndNoCredentialsThenNullInjected() {
        assertThat(this.mvc.get().uri("/optional")).hasStatusOk()
            .bodyJson()
            .isStrictlyEqualTo("{\"username\":\"anonymous\"}");
        assertThat(this.mvc.get().uri("/optional-wrapped")).hasStatusOk()
            .bodyJson()
            .isStrictlyEqualTo("{\"username\":\"anonymous\"}");
    }

    @Test
    void getWhenOptionalSchemeAndCredentialsThenInjected() {
        assertThat(this.mvc.get().uri("/optional-wrapped").header(HttpHeaders.AUTHORIZATION, JOHN)).hasStatusOk()
            .bodyJson()
            .isStrictlyEqualTo("{\"username\":\"john\"}");
    }

    @Test
    void getWhenOptionalSchemeAndMalformedCredentialsThenStillUnauthorized() {
        assertThat(this.mvc.get().uri("/optional").header(HttpHeaders.AUTHORIZATION, "Basic notabase64token"))
            .hasStatus(HttpStatus.UNAUTHORIZED)
            .hasHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic");
    }

    @Test
    void getWhenNodeUsedByTwoParametersThenVerifiedOnce() {
        assertThat(this.mvc.get().uri("/me").header(HttpHeaders.AUTHORIZATION, JOHN)).hasStatusOk()
            .bodyJson()
            .isStrictlyEqualTo("{\"name\":\"john\",\"same\":true}");
        assertThat(PadlockTestApplication.calls).containsExactly("currentUser[]");
    }

    @Test
    void getWhenChainWithScopesThenEachVerifierSeesItsEffectiveScopes() {
        assertThat(this.mvc.get().uri("/admin").header(HttpHeaders.AUTHORIZATION, JOHN)).hasStatusOk();
        // The parameter asks "items" of adminUser, which asks "admin" of currentUser (FastAPI §5.1).
        assertThat(PadlockTestApplication.calls).containsExactly("currentUser[items, admin]", "adminUser[items]");
    }

    @Test
    void postWhenNoCredentialsAndMalformedBodyThenUnauthorizedAndHandlerNeverCalled() {
        assertThat(this.mvc.post().uri("/items").contentType(MediaType.APPLICATION_JSON).content("{not json"))
            .hasStatus(HttpStatus.UNAUTHORIZED)
            .hasHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"test\"");
        assertThat(PadlockTestApplication.handlerCalls).hasValue(0);
        assertThat(PadlockTestApplication.calls).isEmpty();
    }

    @Test
    void postWhenWrongPasswordAndMalformedBodyThenUnauthorizedBeforeBodyIsRead() {
        assertThat(this.mvc.post().uri("/items").header(HttpHeaders.AUTHORIZATION, basic("john:wrong"))
            .contentType(MediaType.APPLICATION_JSON).content("{not json"))
            .hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(PadlockTestApplication.handlerCalls).hasValue(0);
    }

    @Test
    void postWhenCredentialsAndMalformedBodyThenBadRequest() {
        assertThat(this.mvc.post().uri("/items").header(HttpHeaders.AUTHORIZATION, JOHN)
            .contentType(MediaType.APPLICATION_JSON).content("{not json"))
            .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(PadlockTestApplication.handlerCalls).hasValue(0);
    }

    @Test
    void postWhenCredentialsAndBodyThenHandlerCalledOnce() {
        assertThat(this.mvc.post().uri("/items").header(HttpHeaders.AUTHORIZATION, JOHN)
            .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Padlock\"}"))
            .hasStatusOk()
            .bodyJson()
            .isStrictlyEqualTo("{\"name\":\"Padlock\"}");
        assertThat(PadlockTestApplication.handlerCalls).hasValue(1);
        assertThat(PadlockTestApplication.calls).containsExactly("currentUser[]");
    }

    @Test
    void getWhenHandlerHasNoSecurityThenCredentialsIgnored() {
        assertThat(this.mvc.get().uri("/public").header(HttpHeaders.AUTHORIZATION, "Basic notabase64token"))
            .hasStatusOk();
    }

    private static String basic(String credentials) {
        return "Basic " + encode(credentials);
    }

    private static String encode(String credentials) {
        return Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
