package io.github.padlock.demo;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.audit.InMemoryAuditEventRepository;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo as an operator sees it with Actuator: {@code /actuator/metrics/padlock.security} counts each decision by
 * outcome, scheme and verifier, {@code /actuator/metrics/padlock.token} the token endpoint's answers, and
 * {@code /actuator/auditevents} lists the authentication successes and failures — named by user where a principal
 * carries one (the token endpoint's), never with a password.
 */
// management.auditevents.enabled=false: Spring Boot 4.0's audit auto-configuration needs Spring Security, which the demo
// does not have; Padlock records into the repository itself
@SpringBootTest(properties = { "management.endpoints.web.exposure.include=padlock,metrics,auditevents",
        "management.auditevents.enabled=false" })
@AutoConfigureMockMvc
@DirtiesContext
class DemoObservabilityTests {

    @Autowired
    private MockMvcTester mvc;

    @Test
    void metricsAndAuditWhenRequestsGrantedAndRefusedThenCountedByOutcome() throws Exception {
        assertThat(this.mvc.get().uri("/users/me").header(HttpHeaders.AUTHORIZATION, basic("stanley", "password123")))
            .hasStatusOk();
        assertThat(this.mvc.get().uri("/users/me").header(HttpHeaders.AUTHORIZATION, basic("stanley", "wrong-pass")))
            .hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(this.mvc.get().uri("/users/me")).hasStatus(HttpStatus.UNAUTHORIZED);

        assertThat(this.mvc.get().uri("/actuator/metrics/padlock.security")).hasStatusOk()
            .bodyJson()
            .extractingPath("$.availableTags[?(@.tag == 'outcome')].values[*]")
            .asArray()
            .contains("granted", "invalid", "missing");
        assertThat(this.mvc.get()
            .uri("/actuator/metrics/padlock.security?tag=outcome:granted&tag=scheme:basicAuth&tag=verifier:currentUsername"))
            .hasStatusOk()
            .bodyJson()
            .extractingPath("$.measurements[?(@.statistic == 'COUNT')].value")
            .asArray()
            .containsExactly(1.0);
        assertThat(this.mvc.get().uri("/actuator/metrics/padlock.security?tag=outcome:invalid")).hasStatusOk();

        assertThat(this.mvc.post()
            .uri("/token")
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .content("grant_type=password&username=stanley&password=password123")).hasStatusOk();
        assertThat(this.mvc.get().uri("/actuator/metrics/padlock.token?tag=outcome:granted")).hasStatusOk();

        String audit = this.mvc.get().uri("/actuator/auditevents").exchange().getResponse().getContentAsString();
        assertThat(audit).contains("\"AUTHENTICATION_SUCCESS\"", "\"AUTHENTICATION_FAILURE\"", "\"principal\":\"stanley\"")
            .contains("\"scheme\":\"tokenEndpoint\"")
            .doesNotContain("password123")
            .doesNotContain("wrong-pass");
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Audit {

        @Bean
        InMemoryAuditEventRepository auditEventRepository() {
            return new InMemoryAuditEventRepository();
        }
    }
}
