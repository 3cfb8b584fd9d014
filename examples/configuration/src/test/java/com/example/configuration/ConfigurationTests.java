package com.example.configuration;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's {@code application.yml} starts and does what the README says: stanley in by HTTP Basic, alice
 * disabled, the token endpoint issuing a JWT the {@code jwt} verifier accepts, scopes refused that the user lacks.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "server.address=127.0.0.1", "PADLOCK_JWT_SECRET=Wq3Zr8Lm1Xv5Tn9Kb2Hc7Pd4Fs6Gj0Ya" })
class ConfigurationTests {

    private final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Test
    void basicWhenStanleyThenHisScopesAndWhenAliceThenInactive() throws Exception {
        HttpResponse<String> stanley = send(get("/users/me").header("Authorization", basic("stanley:password123")));
        assertThat(stanley.statusCode()).isEqualTo(200);
        assertThat(stanley.body()).isEqualTo("{\"username\":\"stanley\",\"scopes\":[\"items:read\",\"items:write\"]}");
        HttpResponse<String> alice = send(get("/users/me").header("Authorization", basic("alice:secret2")));
        assertThat(alice.statusCode()).isEqualTo(400);
        assertThat(alice.body()).contains("Inactive user");
    }

    @Test
    void tokenEndpointWhenPasswordGrantThenJwtForTheJwtVerifier() throws Exception {
        HttpResponse<String> token = send(HttpRequest.newBuilder(uri("/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers
                .ofString("grant_type=password&username=stanley&password=password123&scope=items:read")));
        assertThat(token.statusCode()).isEqualTo(200);
        assertThat((String) JsonPath.read(token.body(), "$.scope")).isEqualTo("items:read");
        String jwt = JsonPath.read(token.body(), "$.access_token");
        HttpResponse<String> me = send(get("/users/me/oauth").header("Authorization", "Bearer " + jwt));
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).isEqualTo("{\"username\":\"stanley\",\"scopes\":[\"items:read\"]}");
        assertThat(send(get("/users/me/oauth")).statusCode()).isEqualTo(401);
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(uri(path));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + this.port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
