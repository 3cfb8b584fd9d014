package io.github.padlock.bench.baseline;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Real HTTP against the baseline: every endpoint answers 200 and the bench JSON, without any credentials. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BaselineBenchApplicationTests {

    private final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Test
    void everyEndpointAnswersWithoutCredentials() throws Exception {
        for (String path : new String[] { "/public", "/basic/me", "/apikey/data", "/bearer/me", "/jwt/me" }) {
            HttpResponse<String> response = this.client.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).isEqualTo("{\"username\":\"stanley\"}");
        }
    }
}
