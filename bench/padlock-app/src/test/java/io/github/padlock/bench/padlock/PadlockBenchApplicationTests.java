package io.github.padlock.bench.padlock;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Real HTTP against the bench application: each protected endpoint answers 401 without credentials, 200 with. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PadlockBenchApplicationTests {

    private static final String BASIC = "Basic "
            + Base64.getEncoder().encodeToString("stanley:password123".getBytes(StandardCharsets.UTF_8));

    private final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Test
    void publicNeedsNothing() throws Exception {
        assertOk(get("/public", null, null));
    }

    @Test
    void basic() throws Exception {
        assertThat(get("/basic/me", null, null).statusCode()).isEqualTo(401);
        assertThat(get("/basic/me", "Authorization", "Basic "
                + Base64.getEncoder().encodeToString("stanley:wrong".getBytes(StandardCharsets.UTF_8)))
            .statusCode()).isEqualTo(401);
        assertOk(get("/basic/me", "Authorization", BASIC));
    }

    @Test
    void apiKey() throws Exception {
        assertThat(get("/apikey/data", null, null).statusCode()).isEqualTo(401);
        assertThat(get("/apikey/data", "X-API-KEY", "WRONG_API_KEY").statusCode()).isEqualTo(401);
        assertOk(get("/apikey/data", "X-API-KEY", "SECRET_API_KEY"));
    }

    @Test
    void opaqueBearer() throws Exception {
        assertThat(get("/bearer/me", null, null).statusCode()).isEqualTo(401);
        assertThat(get("/bearer/me", "Authorization", "Bearer token_for_alice").statusCode()).isEqualTo(401);
        assertOk(get("/bearer/me", "Authorization", "Bearer token_for_stanley"));
    }

    @Test
    void jwt() throws Exception {
        assertThat(get("/jwt/me", null, null).statusCode()).isEqualTo(401);
        assertThat(get("/jwt/me", "Authorization", "Bearer token_for_stanley").statusCode()).isEqualTo(401);
        String token = TokenPrinter.token(TokenPrinter.DEFAULT_SECRET);
        assertOk(get("/jwt/me", "Authorization", "Bearer " + token));
    }

    @Test
    void jwtCacheCountsHitsOfTheSameTokenAndMissesOfDistinctOnes() throws Exception {
        long hits = counter("hits");
        long misses = counter("misses");
        String token = TokenPrinter.token(TokenPrinter.DEFAULT_SECRET);
        String other = TokenPrinter.token(TokenPrinter.DEFAULT_SECRET);
        assertThat(other).isNotEqualTo(token);
        assertOk(get("/jwt/me", "Authorization", "Bearer " + token));
        assertOk(get("/jwt/me", "Authorization", "Bearer " + token));
        assertOk(get("/jwt/me", "Authorization", "Bearer " + other));
        assertThat(counter("hits") - hits).isEqualTo(1);
        assertThat(counter("misses") - misses).isEqualTo(2);
    }

    private long counter(String name) throws Exception {
        HttpResponse<String> response = get("/bench/jwt-cache", null, null);
        assertThat(response.statusCode()).isEqualTo(200);
        Matcher value = Pattern.compile("\"" + name + "\":(\\d+)").matcher(response.body());
        assertThat(value.find()).as(response.body()).isTrue();
        return Long.parseLong(value.group(1));
    }

    private static void assertOk(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"username\":\"stanley\"}");
    }

    private HttpResponse<String> get(String path, String header, String value)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
        if (header != null) {
            request.header(header, value);
        }
        return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
