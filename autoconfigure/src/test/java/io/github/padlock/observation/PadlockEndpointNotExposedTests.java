package io.github.padlock.observation;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Actuator's default: {@code /actuator/padlock} is not exposed (nor its bean declared) unless the application says so,
 * while another endpoint the application exposed answers.
 */
@TestPropertySource(EndpointTestApplication.PROPERTIES)
@SpringBootTest(classes = EndpointTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "management.endpoints.web.exposure.include=beans")
class PadlockEndpointNotExposedTests {

    private final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Autowired
    private ApplicationContext context;

    @Test
    void padlockWhenNotExposedThenNotFound() throws Exception {
        assertThat(get("/actuator/beans").statusCode()).isEqualTo(200);
        HttpResponse<String> padlock = get("/actuator/padlock");
        assertThat(padlock.statusCode()).isEqualTo(404);
        assertThat(padlock.body()).doesNotContain("schemes");
        assertThat(this.context.getBeanNamesForType(PadlockEndpoint.class)).isEmpty();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return this.client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
