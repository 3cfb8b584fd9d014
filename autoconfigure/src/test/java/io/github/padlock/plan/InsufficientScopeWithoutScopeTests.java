package io.github.padlock.plan;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code padlock.error.include-scope=false} leaves the required scopes out of the challenge (spring-security#6280).
 */
@SpringBootTest(classes = GraphTestApplication.class, properties = "padlock.error.include-scope=false")
@AutoConfigureMockMvc
class InsufficientScopeWithoutScopeTests {

    @Autowired
    private MockMvcTester mvc;

    @Test
    void getWhenTokenLacksAScopeThenChallengeWithoutScope() {
        assertThat(this.mvc.get().uri("/users/me").header(HttpHeaders.AUTHORIZATION, "Bearer scopes:me"))
            .hasStatus(HttpStatus.FORBIDDEN)
            .hasHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"")
            .bodyJson()
            .extractingPath("$.detail")
            .isEqualTo("Not enough permissions");
    }
}
