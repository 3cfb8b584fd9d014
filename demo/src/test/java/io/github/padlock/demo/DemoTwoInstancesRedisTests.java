package io.github.padlock.demo;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Predicate;

import io.github.padlock.redis.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 22's proof: two instances of the demo (real servers on loopback, the profile {@code redis}) sharing one real
 * Redis ({@link RedisServer}, Debian's {@code redis-server}): failures spread over both reach the limit at the
 * configured total; an access token revoked through A is refused by B at its next request, though B's cache of
 * verified tokens knew it; a rotated refresh token reused on B revokes the family on both; with Redis stopped, each
 * instance does what the README says (the limiter fails open, JWT requests and the token endpoint answer 503), and
 * both recover when it returns. Each instance has its own database (H2 in memory), as the demo's data are seeded alike.
 */
class DemoTwoInstancesRedisTests {

    private static final String SECRET = "two-instances-share-this-secret-of-more-than-32-bytes";

    /** Above the 7 failures the refresh test's refusals count (a revoked token is a failed attempt too). */
    private static final int MAX_FAILURES = 8;

    private static RedisServer redis;

    private static ConfigurableApplicationContext a;

    private static ConfigurableApplicationContext b;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void start() {
        RedisServer.assumeInstalled();
        redis = RedisServer.start();
        a = instance("a");
        b = instance("b");
    }

    @AfterAll
    static void stop() {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @BeforeEach
    void emptyRedis() {
        // Every request comes from 127.0.0.1, one client to the limiter: each test starts with no failures counted.
        redis.flushAll();
    }

    private static ConfigurableApplicationContext instance(String name) {
        return new SpringApplicationBuilder(DemoApplication.class).profiles("redis")
            .run("--server.port=0", "--spring.data.redis.url=" + redis.url(), "--padlock.jwt.secret=" + SECRET,
                    "--padlock.brute-force.max-failures=" + MAX_FAILURES,
                    "--spring.datasource.url=jdbc:h2:mem:instance-" + name + ";DB_CLOSE_DELAY=-1");
    }

    @Test
    void bruteForceWhenFailuresSpreadOverBothThenLimitReachedAtTheConfiguredTotal() throws Exception {
        for (int i = 0; i < MAX_FAILURES; i++) {
            ConfigurableApplicationContext instance = (i % 2 == 0) ? a : b;
            assertThat(basic(instance, "stanley:guess" + i).statusCode()).isEqualTo(401);
        }
        // Two failures on each: the total is reached, and both refuse even the right password.
        for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] { a, b }) {
            HttpResponse<String> limited = basic(instance, "stanley:password123");
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(limited.headers().firstValue("Retry-After")).isPresent();
            assertThat(limited.body()).contains("Too many failed attempts").doesNotContain("password123");
        }
    }

    @Test
    void revokeWhenAccessTokenRevokedThroughAThenBRefusesItAtItsNextRequest() throws Exception {
        JsonNode grant = password(a, "stanley", "password123");
        String accessToken = grant.get("access_token").asString();
        assertThat(me(b, accessToken).statusCode()).isEqualTo(200);
        assertThat(me(b, accessToken).statusCode()).isEqualTo(200); // now a hit of B's cache of verified tokens
        HttpResponse<String> revoked = form(a, "/token/revoke", "token=" + accessToken);
        assertThat(revoked.statusCode()).isEqualTo(200);
        for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] { b, a }) {
            HttpResponse<String> refused = me(instance, accessToken);
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    (challenge) -> assertThat(challenge).startsWith("Bearer error=\"invalid_token\""));
        }
        // Another token of the same user is untouched.
        assertThat(me(b, password(a, "stanley", "password123").get("access_token").asString()).statusCode())
            .isEqualTo(200);
    }

    @Test
    void refreshWhenRotatedTokenReusedOnBThenFamilyRevokedOnBoth() throws Exception {
        JsonNode first = password(a, "stanley", "password123");
        String firstRefresh = first.get("refresh_token").asString();
        JsonNode second = refresh(a, firstRefresh);
        String secondRefresh = second.get("refresh_token").asString();
        String secondAccess = second.get("access_token").asString();
        assertThat(secondRefresh).isNotEqualTo(firstRefresh);
        assertThat(me(b, secondAccess).statusCode()).isEqualTo(200);
        // The rotated token comes back, on the other instance: two parties hold it.
        HttpResponse<String> reuse = form(b, "/token", "grant_type=refresh_token&refresh_token=" + firstRefresh);
        assertThat(reuse.statusCode()).isEqualTo(400);
        assertThat(this.json.readTree(reuse.body()).get("error").asString()).isEqualTo("invalid_grant");
        // The whole family is revoked, on both: its current refresh token and its access tokens.
        for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] { a, b }) {
            assertThat(form(instance, "/token", "grant_type=refresh_token&refresh_token=" + secondRefresh)
                .statusCode()).isEqualTo(400);
            assertThat(me(instance, secondAccess).statusCode()).isEqualTo(401);
            assertThat(me(instance, first.get("access_token").asString()).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void redisStoppedWhenRequestsOnBothThenLimiterOpenRevocationClosedAndBothRecover() throws Exception {
        String accessToken = password(a, "stanley", "password123").get("access_token").asString();
        assertThat(me(b, accessToken).statusCode()).isEqualTo(200);
        redis.stop();
        try {
            for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] { a, b }) {
                // The limiter fails open: more wrong passwords than the limit are each answered 401, never 429.
                for (int i = 0; i < MAX_FAILURES + 2; i++) {
                    assertThat(basic(instance, "stanley:guess" + i).statusCode()).isEqualTo(401);
                }
                assertThat(basic(instance, "stanley:password123").statusCode()).isEqualTo(200);
                // Revocation fails closed: a JWT cannot be checked against the list, so it is not accepted.
                HttpResponse<String> unavailable = me(instance, accessToken);
                assertThat(unavailable.statusCode()).isEqualTo(503);
                assertThat(unavailable.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                assertThat(unavailable.headers().firstValue("Retry-After")).isPresent();
                assertThat(unavailable.body()).doesNotContain(accessToken);
                // The token endpoint cannot issue a refresh token it could not revoke or rotate.
                HttpResponse<String> token = form(instance, "/token",
                        "grant_type=password&username=stanley&password=password123");
                assertThat(token.statusCode()).isEqualTo(503);
                assertThat(this.json.readTree(token.body()).get("error").asString())
                    .isEqualTo("temporarily_unavailable");
                // Never a 500 nor a hang: each answer came within the client's timeouts (send() waits at most 30 s).
            }
        }
        finally {
            redis.startAgain();
        }
        // Lettuce reconnects by itself; no restart.
        for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] { a, b }) {
            eventually(() -> me(instance, accessToken), (response) -> response.statusCode() == 200);
            eventually(() -> form(instance, "/token", "grant_type=password&username=stanley&password=password123"),
                    (response) -> response.statusCode() == 200);
        }
        // The limiter asks Redis again at most once a second after a failure: a second on, one attempt on each
        // instance finds it back, and failures count again, across both.
        Thread.sleep(1500);
        assertThat(basic(a, "stanley:password123").statusCode()).isEqualTo(200);
        assertThat(basic(b, "stanley:password123").statusCode()).isEqualTo(200);
        redis.flushAll();
        for (int i = 0; i < MAX_FAILURES; i++) {
            assertThat(basic((i % 2 == 0) ? a : b, "stanley:guess" + i).statusCode()).isEqualTo(401);
        }
        assertThat(basic(b, "stanley:password123").statusCode()).isEqualTo(429);
    }

    private interface Call {

        HttpResponse<String> send() throws Exception;

    }

    private static void eventually(Call call, Predicate<HttpResponse<String>> done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        HttpResponse<String> last = call.send();
        while (!done.test(last)) {
            assertThat(System.nanoTime() - deadline).as("recovered within 60 s; last answer %s %s",
                    last.statusCode(), last.body()).isNegative();
            Thread.sleep(200);
            last = call.send();
        }
    }

    private JsonNode password(ConfigurableApplicationContext instance, String username, String password)
            throws Exception {
        HttpResponse<String> response = form(instance, "/token", "grant_type=password&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = this.json.readTree(response.body());
        assertThat(body.get("refresh_token")).isNotNull();
        return body;
    }

    private JsonNode refresh(ConfigurableApplicationContext instance, String refreshToken) throws Exception {
        HttpResponse<String> response = form(instance, "/token", "grant_type=refresh_token&refresh_token="
                + refreshToken);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return this.json.readTree(response.body());
    }

    private HttpResponse<String> form(ConfigurableApplicationContext instance, String path, String body)
            throws IOException, InterruptedException {
        return this.client.send(request(instance, path).header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> me(ConfigurableApplicationContext instance, String accessToken)
            throws IOException, InterruptedException {
        return this.client.send(request(instance, "/users/me/oauth").header("Authorization", "Bearer " + accessToken)
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> basic(ConfigurableApplicationContext instance, String credentials)
            throws IOException, InterruptedException {
        return this.client.send(request(instance, "/users/me").header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(ConfigurableApplicationContext instance, String path) {
        String port = instance.getEnvironment().getProperty("local.server.port");
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30));
    }
}
