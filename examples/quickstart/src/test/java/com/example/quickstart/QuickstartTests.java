package com.example.quickstart;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Quick start, pasted as the README shows it, starts and answers as the README says: 401 with the Basic
 * challenge without credentials or with wrong ones, 200 with stanley's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
class QuickstartTests {

    private final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Test
    void usersMeWhenNoCredentialsThenNotAuthenticatedWithBasicChallenge() throws Exception {
        HttpResponse<String> response = get(null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly("Basic");
        assertThat(response.body()).contains("\"detail\":\"Not authenticated\"");
    }

    @Test
    void usersMeWhenWrongCredentialsThenIncorrect() throws Exception {
        for (String credentials : new String[] { "stanley:wrong", "mallory:password123" }) {
            HttpResponse<String> response = get(credentials);
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly("Basic");
            assertThat(response.body()).contains("\"detail\":\"Incorrect username or password\"");
        }
    }

    @Test
    void usersMeWhenStanleyThenHisName() throws Exception {
        HttpResponse<String> response = get("stanley:password123");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"username\":\"stanley\"}");
    }

    private HttpResponse<String> get(String credentials) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/users/me"));
        if (credentials != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
