package io.github.padlock.slice;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import io.github.padlock.SecurityParam;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bridge to Spring Security joins Spring Boot's MVC test slice with Padlock's other auto-configurations: a
 * {@code @WebMvcTest} handler sees Padlock's principal in Spring Security's context as the application's does (here a
 * verifier's {@code String}, which gives no name).
 */
@WebMvcTest(NotesController.class)
@Import({ NotesSecurityConfiguration.class, WebMvcSliceSpringSecurityTests.HolderController.class })
class WebMvcSliceSpringSecurityTests {

    @Autowired
    private MockMvcTester mvc;

    @Test
    void getWhenSliceWithCredentialsThenSpringSecuritysContextNamesPadlocksPrincipal() {
        assertThat(this.mvc.get().uri("/holder").header(HttpHeaders.AUTHORIZATION, "Basic "
                + Base64.getEncoder().encodeToString("ann:open-sesame".getBytes(StandardCharsets.UTF_8))))
            .hasStatusOk()
            .bodyJson()
            .isStrictlyEqualTo("{\"parameter\":\"ann\",\"principal\":\"ann\",\"name\":\"\"}");
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
    }

    @RestController
    static class HolderController {

        @GetMapping("/holder")
        Map<String, Object> holder(@SecurityParam("noteTaker") String username) {
            // A String is no Principal: the name stays empty, since a verifier's String could as well be a token.
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            return (authentication != null)
                    ? Map.of("parameter", username, "principal", authentication.getPrincipal(), "name",
                            authentication.getName())
                    : Map.of("parameter", username);
        }
    }
}
