package com.example.jdbc;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example on its default database, H2 in memory, with Padlock's H2 schema: operators manage keys over HTTP,
 * clients use them, readers may not manage them, and {@code /actuator/health} reports the database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "PADLOCK_JWT_SECRET=an-example-secret-of-more-than-thirty-two-bytes")
class JdbcExampleTests {

    private static final String OPERATOR = basic("operator:operator-password");

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcClient jdbc;

    @Test
    void keysWhenCreatedRotatedAndRevokedOverHttpThenClientsAreAnsweredAccordingly() throws Exception {
        HttpResponse<String> created = send(post("/keys", "{\"owner\":\"billing\",\"scopes\":[\"reports:read\"]}")
            .header("Authorization", OPERATOR));
        assertThat(created.statusCode()).isEqualTo(201);
        String key = JsonPath.read(created.body(), "$.key");
        String id = JsonPath.read(created.body(), "$.id");
        assertThat(this.jdbc.sql("SELECT hash FROM padlock_api_keys WHERE id = ?").param(id).query(String.class)
            .single()).startsWith("sha256:").doesNotContain(key.substring(id.length() + 1));
        assertThat(send(get("/reports").header("X-API-KEY", key)).statusCode()).isEqualTo(200);

        HttpResponse<String> rotated = send(post("/keys/" + id + "/rotate?overlap=PT0S", "")
            .header("Authorization", OPERATOR));
        assertThat(rotated.statusCode()).isEqualTo(200);
        String successor = JsonPath.read(rotated.body(), "$.key");
        assertThat(send(get("/reports").header("X-API-KEY", key)).statusCode()).isEqualTo(401);
        assertThat(send(get("/reports").header("X-API-KEY", successor)).statusCode()).isEqualTo(200);
        HttpResponse<String> details = send(get("/keys/" + JsonPath.read(rotated.body(), "$.id"))
            .header("Authorization", OPERATOR));
        assertThat((String) JsonPath.read(details.body(), "$.owner")).isEqualTo("billing");
        assertThat((List<String>) JsonPath.read(details.body(), "$.scopes")).containsExactly("reports:read");
        assertThat(details.body()).doesNotContain("sha256").doesNotContain("hash");

        assertThat(send(HttpRequest.newBuilder(uri("/keys/" + JsonPath.read(rotated.body(), "$.id")))
            .header("Authorization", OPERATOR)
            .DELETE()).statusCode()).isEqualTo(204);
        assertThat(send(get("/reports").header("X-API-KEY", successor)).statusCode()).isEqualTo(401);
        assertThat(send(post("/keys/" + id + "/rotate", "").header("Authorization", OPERATOR)).statusCode())
            .as("an expired key is not rotated")
            .isEqualTo(404);
    }

    @Test
    void keysWhenExpiryGivenThenAcceptedUntilItAndMalformedOwnersRefused() throws Exception {
        String past = Instant.now().minusSeconds(1).toString();
        HttpResponse<String> expired = send(post("/keys",
                "{\"owner\":\"billing\",\"scopes\":[],\"expiresAt\":\"" + past + "\"}")
            .header("Authorization", OPERATOR));
        assertThat(expired.statusCode()).isEqualTo(201);
        assertThat(send(get("/reports").header("X-API-KEY", (String) JsonPath.read(expired.body(), "$.key")))
            .statusCode()).isEqualTo(401);
        assertThat(send(post("/keys", "{\"owner\":\" \",\"scopes\":[]}").header("Authorization", OPERATOR))
            .statusCode()).isEqualTo(400);
    }

    @Test
    void keysWhenMissingOrOutOfRangeValuesThen400AndSecretsNotCached() throws Exception {
        for (String body : new String[] { "{}", "{\"scopes\":[\"reports:read\"]}", "{\"owner\":\"x\",\"scopes\":[null]}",
                "{\"owner\":\"x\",\"scopes\":[\"" + "s".repeat(5000) + "\"]}",
                "{\"owner\":\"x\",\"scopes\":[],\"expiresAt\":\"+999999999-12-31T23:59:59Z\"}" }) {
            assertThat(send(post("/keys", body).header("Authorization", OPERATOR)).statusCode()).as(body).isEqualTo(400);
        }
        HttpResponse<String> created = send(post("/keys", "{\"owner\":\"billing\",\"scopes\":[]}")
            .header("Authorization", OPERATOR));
        assertThat(created.headers().firstValue("Cache-Control")).hasValue("no-store");
        String id = JsonPath.read(created.body(), "$.id");
        for (String overlap : new String[] { "-PT1H", "P999999999D", "PT9223372036854775807S" }) {
            assertThat(send(post("/keys/" + id + "/rotate?overlap=" + overlap, "").header("Authorization", OPERATOR))
                .statusCode()).as(overlap).isEqualTo(400);
        }
        HttpResponse<String> rotated = send(post("/keys/" + id + "/rotate", "").header("Authorization", OPERATOR));
        assertThat(rotated.statusCode()).isEqualTo(200);
        assertThat(rotated.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void keysWhenNotAnOperatorThenRefused() throws Exception {
        assertThat(send(post("/keys", "{\"owner\":\"x\",\"scopes\":[]}")).statusCode()).isEqualTo(401);
        assertThat(send(post("/keys", "{\"owner\":\"x\",\"scopes\":[]}")
            .header("Authorization", basic("reader:reader-password"))).statusCode()).isEqualTo(403);
        assertThat(send(post("/keys", "{\"owner\":\"x\",\"scopes\":[]}")
            .header("Authorization", basic("operator:wrong"))).statusCode()).isEqualTo(401);
    }

    @Test
    void tokenWhenReaderFromTheUsersTableThenJwtForMe() throws Exception {
        HttpResponse<String> token = send(HttpRequest.newBuilder(uri("/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&username=reader&password=reader-password")));
        assertThat(token.statusCode()).isEqualTo(200);
        HttpResponse<String> me = send(get("/me").header("Authorization",
                "Bearer " + JsonPath.read(token.body(), "$.access_token")));
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat((String) JsonPath.read(me.body(), "$.subject")).isEqualTo("reader");
    }

    @Test
    void healthWhenTheDatabaseAnswersThenUpWithItsDbComponent() throws Exception {
        HttpResponse<String> health = send(get("/actuator/health"));
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat((String) JsonPath.read(health.body(), "$.components.db.status")).isEqualTo("UP");
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(uri(path));
    }

    private HttpRequest.Builder post(String path, String json) {
        return HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + this.port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
