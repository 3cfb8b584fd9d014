package io.github.padlock.web;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import com.jayway.jsonpath.JsonPath;
import io.github.padlock.AttemptLimiter;
import io.github.padlock.SecurityOutcome;
import io.github.padlock.PadlockException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refresh that rotated is answered with its new tokens even when the limiter, at the count, finds the client over its
 * limit (other failures of the same address landed while the refresh ran): a 429 then would withhold the new refresh
 * token after the presented one was used, and the client's retry would be a reuse that revokes its own family. The
 * limiter here refuses every count while {@link #overLimit} is set, as the Redis and in-memory limiters do when
 * concurrent failures reached the limit between the check and the count.
 */
@SpringBootTest(classes = RefreshUnderLimitMvcTests.App.class, properties = {
        "padlock.users.stanley.password={noop}password123", "padlock.schemes.oauth2.type=oauth2-password-bearer",
        "padlock.jwt.secret=a-secret-of-at-least-thirty-two-bytes-long!", "padlock.token-endpoint.enabled=true",
        "padlock.token-endpoint.refresh-tokens.enabled=true" })
@AutoConfigureMockMvc
class RefreshUnderLimitMvcTests {

    static final AtomicBoolean overLimit = new AtomicBoolean();

    @Autowired
    private MockMvcTester mvc;

    @Test
    void refreshWhenCountFindsClientOverLimitAfterRotationThenNewTokensAnsweredAndFamilyKept() throws Exception {
        overLimit.set(false);
        String first = JsonPath.read(token("grant_type=password&username=stanley&password=password123")
            .getResponse().getContentAsString(), "$.refresh_token");
        overLimit.set(true);
        try {
            MvcTestResult rotated = token("grant_type=refresh_token&refresh_token=" + first);
            assertThat(rotated).hasStatusOk();
            String second = JsonPath.read(rotated.getResponse().getContentAsString(), "$.refresh_token");
            assertThat(second).isNotEqualTo(first);
            // A failed refresh is still counted and refused at the count.
            assertThat(token("grant_type=refresh_token&refresh_token=unknown")).hasStatus(429);
            overLimit.set(false);
            // The family lives: the new refresh token rotates again.
            assertThat(token("grant_type=refresh_token&refresh_token=" + second)).hasStatusOk();
        }
        finally {
            overLimit.set(false);
        }
    }

    private MvcTestResult token(String form) {
        return this.mvc.post().uri("/token").contentType(MediaType.APPLICATION_FORM_URLENCODED).content(form).exchange();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        @Bean
        AttemptLimiter overLimitAtTheCount() {
            return new AttemptLimiter() {

                @Override
                public void check(String client) {
                }

                @Override
                public void record(String client, SecurityOutcome outcome) {
                    if (overLimit.get()) {
                        throw new PadlockException(HttpStatus.TOO_MANY_REQUESTS, "Too many failed attempts", List.of(),
                                SecurityOutcome.LIMITED);
                    }
                }
            };
        }

    }

}
