package io.github.padlock.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import io.github.padlock.SecurityParam;
import io.github.padlock.credentials.RedisBruteForceLimiter;
import io.github.padlock.credentials.UserPrincipal;
import io.github.padlock.redis.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of an application with {@code padlock.brute-force.store: redis} ({@code redis-brute-force/application.yml},
 * which the README shows) — two Spring contexts, each with its own Tomcat on 127.0.0.1 and its own Lettuce connection
 * from {@code spring.data.redis.url} — on one real Redis
 * ({@link RedisServer}): wrong passwords spread over A and B reach the limit at the configured total, not twice it,
 * and both then answer 429 problem+json with {@code Retry-After}, even to the right password. With Redis stopped, both
 * fail open at once — the right password gets in, a wrong one is 401, never 429, 500 or a hang — and Spring Boot's
 * Redis health indicator reports {@code DOWN}; when Redis is back, both count again without a restart.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisBruteForceTwoInstancesTests {

    private static final Duration NEVER_A_HANG = Duration.ofSeconds(5);

    private static RedisServer redis;

    private static ConfigurableApplicationContext instanceA;

    private static ConfigurableApplicationContext instanceB;

    private static String a;

    private static String b;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void start() {
        RedisServer.assumeInstalled();
        redis = RedisServer.start();
        instanceA = instance();
        instanceB = instance();
        a = "http://127.0.0.1:" + instanceA.getEnvironment().getProperty("local.server.port");
        b = "http://127.0.0.1:" + instanceB.getEnvironment().getProperty("local.server.port");
    }

    private static ConfigurableApplicationContext instance() {
        return new SpringApplicationBuilder(App.class).run("--server.port=0",
                "--spring.config.additional-location=classpath:/redis-brute-force/", "--REDIS_URL=" + redis.url());
    }

    @AfterAll
    static void stop() {
        if (instanceA != null) {
            instanceA.close();
        }
        if (instanceB != null) {
            instanceB.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @BeforeEach
    void emptyRedis() {
        redis.flushAll();
    }

    @Test
    @Order(1)
    void instancesWhenStartedThenTheRedisLimiterWithPadlocksTimeoutsOnBootsConnection() {
        for (ConfigurableApplicationContext instance : List.of(instanceA, instanceB)) {
            assertThat(instance.getBean(RedisBruteForceLimiter.class)).isNotNull();
            assertThat(instance.getBean(LettuceConnectionFactory.class).getClientConfiguration().getCommandTimeout())
                .isEqualTo(Duration.ofMillis(500));
        }
    }

    @Test
    @Order(2)
    void wrongPasswordsWhenSpreadOverBothInstancesThenLimitedAtTheConfiguredTotal() throws Exception {
        assertThat(send(get(a, "stanley:wrong1")).statusCode()).isEqualTo(401);
        assertThat(send(get(b, "stanley:wrong2")).statusCode()).isEqualTo(401);
        assertThat(send(get(a, "stanley:wrong3")).statusCode()).isEqualTo(401);
        for (String instance : List.of(b, a)) {
            HttpResponse<String> limited = send(get(instance, "stanley:password123"));
            assertThat(limited.statusCode()).as(instance).isEqualTo(429);
            assertThat(limited.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(limited.headers().firstValue("WWW-Authenticate")).isEmpty();
            assertThat(limited.headers().firstValue("Retry-After").map(Integer::parseInt))
                .hasValueSatisfying((seconds) -> assertThat(seconds).isBetween(50, 60));
            assertThat((String) JsonPath.read(limited.body(), "$.detail")).isEqualTo("Too many failed attempts");
            assertThat((Integer) JsonPath.read(limited.body(), "$.status")).isEqualTo(429);
            assertThat(limited.body()).doesNotContain("password123");
        }
        assertThat(redis.command("ZCARD", "padlock:brute-force:127.0.0.1")).isEqualTo(":3");
    }

    @Test
    @Order(3)
    void redisWhenStoppedThenBothFailOpenAtOnceReportItAndCountAgainWhenBack() throws Exception {
        redis.stop();
        try {
            for (String instance : List.of(a, b)) {
                long start = System.nanoTime();
                for (int i = 0; i < 5; i++) {
                    assertThat(send(get(instance, "stanley:wrong")).statusCode()).as(instance).isEqualTo(401);
                }
                assertThat(send(get(instance, "stanley:password123")).statusCode()).as(instance).isEqualTo(200);
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                System.out.println("Redis stopped: " + instance + " answered 6 requests in " + took.toMillis()
                        + " ms");
                assertThat(took).as(instance).isLessThan(NEVER_A_HANG);
                HttpResponse<String> health = send(health(instance));
                assertThat(health.statusCode()).isEqualTo(503);
                assertThat((String) JsonPath.read(health.body(), "$.components.redis.status")).isEqualTo("DOWN");
            }
        }
        finally {
            redis.startAgain();
        }
        for (String instance : List.of(a, b)) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                HttpResponse<String> health = send(health(instance));
                assertThat(health.statusCode()).isEqualTo(200);
                assertThat((String) JsonPath.read(health.body(), "$.components.redis.status")).isEqualTo("UP");
            });
        }
        // Redis came back empty; the limiter asks it again within a second, and counts the instances' failures.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            send(get(a, "stanley:wrong"));
            send(get(b, "stanley:wrong"));
            assertThat(send(get(a, "stanley:password123")).statusCode()).isEqualTo(429);
        });
        assertThat(send(get(b, "stanley:password123")).statusCode()).isEqualTo(429);
    }

    private static HttpRequest.Builder get(String instance, String credentials) {
        return HttpRequest.newBuilder(URI.create(instance + "/users/me"))
            .header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }

    private static HttpRequest.Builder health(String instance) {
        return HttpRequest.newBuilder(URI.create(instance + "/actuator/health"));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return this.http.send(request.timeout(NEVER_A_HANG.multipliedBy(2)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Controller.class)
    static class App {

    }

    @RestController
    static class Controller {

        @GetMapping("/users/me")
        String me(@SecurityParam("basicUser") UserPrincipal user) {
            return user.username();
        }
    }
}
