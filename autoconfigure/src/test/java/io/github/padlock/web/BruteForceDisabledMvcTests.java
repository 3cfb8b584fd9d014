package io.github.padlock.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.github.padlock.SecurityParam;
import io.github.padlock.credentials.BruteForceLimiter;
import io.github.padlock.credentials.UserPrincipal;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without {@code padlock.brute-force.enabled} (the default) there is no limiter: failures are never refused with 429.
 */
@SpringBootTest(classes = BruteForceDisabledMvcTests.App.class, properties = {
        "padlock.brute-force.max-failures=1", "padlock.schemes.basicAuth.type=http-basic",
        "padlock.verifiers.basicUser.type=users", "padlock.verifiers.basicUser.scheme=basicAuth",
        "padlock.users.stanley.password={noop}password123" })
@AutoConfigureMockMvc
class BruteForceDisabledMvcTests {

    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private ApplicationContext context;

    @Test
    void getWhenLimiterNotEnabledThenFailuresNeverRefusedWith429() {
        assertThat(this.context.getBeanProvider(BruteForceLimiter.class).getIfAvailable()).isNull();
        String wrong = "Basic " + Base64.getEncoder().encodeToString("stanley:wrong".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 20; i++) {
            assertThat(this.mvc.get().uri("/users/me").header(HttpHeaders.AUTHORIZATION, wrong))
                .hasStatus(HttpStatus.UNAUTHORIZED);
        }
        String right = "Basic "
                + Base64.getEncoder().encodeToString("stanley:password123".getBytes(StandardCharsets.UTF_8));
        assertThat(this.mvc.get().uri("/users/me").header(HttpHeaders.AUTHORIZATION, right)).hasStatusOk();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Controller.class)
    static class App {

    }

    @RestController
    static class Controller {

        @GetMapping("/users/me")
        String me(@SecurityParam("basicUser") UserPrincipal user) {
            return user.username();
        }
    }
}
