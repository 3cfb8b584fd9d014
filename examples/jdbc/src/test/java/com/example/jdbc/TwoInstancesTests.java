package com.example.jdbc;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import io.github.padlock.jdbc.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the application — two Spring contexts, each with its own Tomcat on a port of 127.0.0.1 and its own
 * connection pool, started in this JVM — on one real PostgreSQL (Debian's, started by {@link PostgresServer}), as two
 * instances behind a load balancer would be: a key created through A works on B; a key revoked through A is refused by
 * B at its next request (the stores have no cache: the bound is zero); a rotated key's old secret works on both until
 * the end of the overlap, then on neither; and with the database stopped, both answer 503 problem+json within the
 * pool's connection timeout (1 s here) to every request that needs it, keep answering those that do not (a JWT), and
 * report it in {@code /actuator/health}, then recover by themselves once it is back.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesTests {

    private static final String JWT_SECRET = "two-instances-share-this-secret-of-48-bytes-0123";

    private static final String OPERATOR = basic("operator:operator-password");

    private static final Duration NEVER_A_HANG = Duration.ofSeconds(5);

    private static PostgresServer postgres;

    private static ConfigurableApplicationContext instanceA;

    private static ConfigurableApplicationContext instanceB;

    private static String a;

    private static String b;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void start() {
        PostgresServer.assumeInstalled();
        postgres = PostgresServer.start();
        String url = postgres.createDatabase("keys");
        instanceA = instance(url);
        instanceB = instance(url);
        a = "http://127.0.0.1:" + instanceA.getEnvironment().getProperty("local.server.port");
        b = "http://127.0.0.1:" + instanceB.getEnvironment().getProperty("local.server.port");
    }

    private static ConfigurableApplicationContext instance(String url) {
        return new SpringApplicationBuilder(JdbcApplication.class).run("--server.port=0",
                "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                "--spring.datasource.hikari.connection-timeout=1000", "--spring.datasource.hikari.maximum-pool-size=4",
                "--PADLOCK_JWT_SECRET=" + JWT_SECRET);
    }

    @AfterAll
    static void stop() {
        if (instanceA != null) {
            instanceA.close();
        }
        if (instanceB != null) {
            instanceB.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    @Order(1)
    void keyWhenCreatedThroughAThenAcceptedByB() throws Exception {
        String key = createKey(a, "reporting", null);
        HttpResponse<String> onB = send(get(b, "/reports").header("X-API-KEY", key));
        assertThat(onB.statusCode()).isEqualTo(200);
        assertThat((String) JsonPath.read(onB.body(), "$.key_id")).isEqualTo(key.substring(0, key.indexOf('.')));
        assertThat(send(get(a, "/reports").header("X-API-KEY", key)).statusCode()).isEqualTo(200);
        assertThat(send(get(b, "/reports").header("X-API-KEY", key + "x")).statusCode()).isEqualTo(401);
    }

    @Test
    @Order(2)
    void keyWhenRevokedThroughAThenRefusedByBAtItsNextRequest() throws Exception {
        String key = createKey(a, "reporting", null);
        assertThat(send(get(b, "/reports").header("X-API-KEY", key)).statusCode()).isEqualTo(200);
        HttpResponse<String> revoked = send(HttpRequest.newBuilder(URI.create(a + "/keys/" + id(key)))
            .header("Authorization", OPERATOR)
            .DELETE());
        assertThat(revoked.statusCode()).isEqualTo(204);
        HttpResponse<String> onB = send(get(b, "/reports").header("X-API-KEY", key));
        assertThat(onB.statusCode()).isEqualTo(401);
        assertThat(onB.headers().firstValue("WWW-Authenticate")).hasValue("APIKey");
        assertThat(send(get(a, "/reports").header("X-API-KEY", key)).statusCode()).isEqualTo(401);
    }

    @Test
    @Order(3)
    void keyWhenRotatedThroughAThenItsOldSecretStopsOnBothAtTheEndOfTheOverlap() throws Exception {
        String old = createKey(a, "reporting", null);
        HttpResponse<String> rotated = send(HttpRequest.newBuilder(URI.create(a + "/keys/" + id(old)
                + "/rotate?overlap=PT4S"))
            .header("Authorization", OPERATOR)
            .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(rotated.statusCode()).isEqualTo(200);
        String successor = JsonPath.read(rotated.body(), "$.key");
        for (String instance : List.of(a, b)) {
            assertThat(send(get(instance, "/reports").header("X-API-KEY", old)).statusCode()).isEqualTo(200);
            assertThat(send(get(instance, "/reports").header("X-API-KEY", successor)).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> details = send(get(b, "/keys/" + id(old)).header("Authorization", OPERATOR));
        Instant end = Instant.parse(JsonPath.read(details.body(), "$.expiresAt"));
        assertThat(end).isBetween(Instant.now(), Instant.now().plusSeconds(5));
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), end).toMillis()) + 100);
        for (String instance : List.of(a, b)) {
            assertThat(send(get(instance, "/reports").header("X-API-KEY", old)).statusCode()).as(instance)
                .isEqualTo(401);
            assertThat(send(get(instance, "/reports").header("X-API-KEY", successor)).statusCode()).as(instance)
                .isEqualTo(200);
        }
    }

    @Test
    @Order(4)
    void databaseWhenStoppedThenBothAnswer503AtOnceKeepServingJwtsReportItAndRecoverWithoutARestart()
            throws Exception {
        String key = createKey(a, "reporting", null);
        HttpResponse<String> token = send(HttpRequest.newBuilder(URI.create(b + "/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&username=reader&password=reader-password")));
        assertThat(token.statusCode()).isEqualTo(200);
        String jwt = JsonPath.read(token.body(), "$.access_token");
        postgres.stop();
        try {
            for (String instance : List.of(a, b)) {
                long start = System.nanoTime();
                HttpResponse<String> refused = send(get(instance, "/reports").header("X-API-KEY", key));
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                assertThat(refused.statusCode()).as(instance).isEqualTo(503);
                assertThat(took).as(instance).isLessThan(NEVER_A_HANG);
                System.out.println("Database stopped: " + instance + " answered 503 in " + took.toMillis() + " ms");
                assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
                assertThat((String) JsonPath.read(refused.body(), "$.detail"))
                    .isEqualTo("Credentials cannot be checked at the moment; retry later");
                assertThat(send(get(instance, "/keys/" + id(key)).header("Authorization", OPERATOR)).statusCode())
                    .as("Basic against the users table").isEqualTo(503);
                assertThat(send(HttpRequest.newBuilder(URI.create(instance + "/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers
                        .ofString("grant_type=password&username=reader&password=reader-password"))).statusCode())
                    .as("the token endpoint").isEqualTo(503);
                HttpResponse<String> me = send(get(instance, "/me").header("Authorization", "Bearer " + jwt));
                assertThat(me.statusCode()).as("a JWT needs no database").isEqualTo(200);
                assertThat((String) JsonPath.read(me.body(), "$.subject")).isEqualTo("reader");
                HttpResponse<String> health = send(get(instance, "/actuator/health"));
                assertThat(health.statusCode()).isEqualTo(503);
                assertThat((String) JsonPath.read(health.body(), "$.components.db.status")).isEqualTo("DOWN");
            }
        }
        finally {
            postgres.startAgain();
        }
        long restarted = System.nanoTime();
        for (String instance : List.of(a, b)) {
            assertThat(eventually(get(instance, "/reports").header("X-API-KEY", key), 200)).as(instance).isTrue();
            System.out.println("Database started again: " + instance + " answered 200 after "
                    + Duration.ofNanos(System.nanoTime() - restarted).toMillis() + " ms");
            HttpResponse<String> health = send(get(instance, "/actuator/health"));
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat((String) JsonPath.read(health.body(), "$.components.db.status")).isEqualTo("UP");
        }
    }

    /** Whether the request is answered with the status within 30 s, asked again every 200 ms. */
    private boolean eventually(HttpRequest.Builder request, int status) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (send(request).statusCode() == status) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    private String createKey(String instance, String owner, String expiresAt) throws Exception {
        String body = "{\"owner\":\"" + owner + "\",\"scopes\":[\"reports:read\"]"
                + ((expiresAt != null) ? ",\"expiresAt\":\"" + expiresAt + "\"" : "") + "}";
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(instance + "/keys"))
            .header("Authorization", OPERATOR)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JsonPath.read(created.body(), "$.key");
    }

    private static String id(String key) {
        return key.substring(0, key.indexOf('.'));
    }

    private static HttpRequest.Builder get(String instance, String path) {
        return HttpRequest.newBuilder(URI.create(instance + path));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return this.http.send(request.timeout(NEVER_A_HANG.multipliedBy(2)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
