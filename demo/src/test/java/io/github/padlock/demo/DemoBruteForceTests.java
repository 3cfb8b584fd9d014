package io.github.padlock.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo with the brute-force limiter on: its API-key verifier answers the seed's 403s, and says which is a guess —
 * a wrong key counts, a missing one does not — so that keys cannot be guessed without limit behind a 403.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "server.address=127.0.0.1", "padlock.brute-force.enabled=true",
                "padlock.brute-force.max-failures=3" })
class DemoBruteForceTests {

    private static final String API_KEY = "demo.X1Mc3thiRunnvxrdTEqXfiS8a_qyCRLIfkcgdMuNJ7c";

    private final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Test
    void secureDataWhenKeysMissingThenNeverLimitedAndWhenWrongThenLimited() throws Exception {
        for (int i = 0; i < 6; i++) {
            assertThat(secureData(null).statusCode()).isEqualTo(403);
        }
        assertThat(secureData(API_KEY).statusCode()).isEqualTo(200);
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> wrong = secureData("demo.guess" + i);
            assertThat(wrong.statusCode()).isEqualTo(403);
            assertThat(wrong.body()).contains("Invalid API Key");
        }
        HttpResponse<String> limited = secureData(API_KEY);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
    }

    private HttpResponse<String> secureData(@Nullable String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port
                + "/secure-data"));
        if (key != null) {
            request.header("X-API-KEY", key);
        }
        return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
