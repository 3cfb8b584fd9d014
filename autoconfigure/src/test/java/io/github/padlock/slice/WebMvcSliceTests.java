package io.github.padlock.slice;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Padlock in Spring Boot's MVC test slice, with no test kit: its auto-configuration joins {@code @WebMvcTest}, the
 * test imports the scheme and verifier beans, and a {@code @SecurityParam} parameter is never bound from the query
 * string.
 */
@WebMvcTest(NotesController.class)
@Import(NotesSecurityConfiguration.class)
class WebMvcSliceTests {

    @Autowired
    private MockMvcTester mvc;

    @Test
    void getWhenSliceWithoutCredentialsThenUnauthorizedWithChallenge() {
        assertThat(this.mvc.get().uri("/notes/raw")).hasStatus(HttpStatus.UNAUTHORIZED)
            .hasHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"notes\"")
            .bodyJson()
            .extractingPath("$.detail")
            .isEqualTo("Not authenticated");
    }

    @Test
    void getWhenSliceAndCredentialsInTheQueryStringThenUnauthorizedNeverBound() {
        assertThat(this.mvc.get().uri("/notes/raw?username=mallory&password=x")).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(this.mvc.get().uri("/notes?username=mallory&password=open-sesame"))
            .hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void getWhenSliceWithCredentialsThenOk() {
        assertThat(this.mvc.get().uri("/notes/raw").header(HttpHeaders.AUTHORIZATION, basic("ann:whatever")))
            .hasStatusOk()
            .bodyJson()
            .isStrictlyEqualTo("{\"username\":\"ann\"}");
        assertThat(this.mvc.get().uri("/notes").header(HttpHeaders.AUTHORIZATION, basic("ann:open-sesame")))
            .hasStatusOk()
            .bodyJson()
            .isStrictlyEqualTo("{\"owner\":\"ann\"}");
    }

    @Test
    void getWhenSliceWithWrongPasswordThenVerifierRefuses() {
        assertThat(this.mvc.get().uri("/notes").header(HttpHeaders.AUTHORIZATION, basic("ann:guess")))
            .hasStatus(HttpStatus.UNAUTHORIZED)
            .bodyJson()
            .extractingPath("$.detail")
            .isEqualTo("Incorrect username or password");
    }

    private static String basic(String userPass) {
        return "Basic " + Base64.getEncoder().encodeToString(userPass.getBytes(StandardCharsets.UTF_8));
    }
}
