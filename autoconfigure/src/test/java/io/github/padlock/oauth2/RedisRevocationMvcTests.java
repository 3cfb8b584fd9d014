package io.github.padlock.oauth2;

import java.time.Duration;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import io.github.padlock.SecurityParam;
import io.github.padlock.credentials.StoreUnavailableException;
import io.github.padlock.jwt.JwtPrincipal;
import io.github.padlock.redis.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Redis token store behind the endpoints, on a real Redis of its own: revocation and a reused refresh token seen
 * through Redis; and, Redis stopped, revocation failing closed — a JWT request, the token endpoint and the revocation
 * endpoint answer 503 problem+json with {@code Retry-After} within the client's timeout, never a 500 or a hang —
 * then answering again once Redis is back, without a restart. Configured by {@code application-redis-token-store.yml},
 * which the README quotes.
 */
@SpringBootTest(classes = RedisRevocationMvcTests.RedisApplication.class)
@ActiveProfiles("redis-token-store")
@AutoConfigureMockMvc
class RedisRevocationMvcTests {

    private static RedisServer server;

    @Autowired
    private MockMvcTester mvc;

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        RedisServer.assumeInstalled();
        server = RedisServer.start();
        registry.add("spring.data.redis.host", server::host);
        registry.add("spring.data.redis.port", server::port);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void revokeWhenRedisStoreThenRefusedAndFamilyRevokedThroughRedis() throws Exception {
        MvcTestResult first = password();
        assertThat(first).hasStatusOk();
        String access = field(first, "access_token");
        assertThat(me(access)).hasStatusOk();
        assertThat(revoke(access)).hasStatusOk();
        assertThat(me(access)).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(server.command("EXISTS", "padlock:token:revoked:jti:"
                + TokenRevocationMvcTests.claim(access, "jti"))).isEqualTo(":1");
        MvcTestResult rotated = refresh(field(first, "refresh_token"));
        assertThat(rotated).hasStatusOk();
        assertThat(me(field(rotated, "access_token"))).hasStatusOk();
        assertThat(refresh(field(first, "refresh_token"))).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(me(field(rotated, "access_token"))).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void requestsWhenRedisStoppedThen503WithRetryAfterAndBackWhenItReturns() throws Exception {
        MvcTestResult first = password();
        String access = field(first, "access_token");
        String refreshToken = field(first, "refresh_token");
        assertThat(me(access)).hasStatusOk();
        server.stop();
        try {
            long start = System.nanoTime();
            MvcTestResult jwt = me(access);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            assertThat(jwt).hasStatus(HttpStatus.SERVICE_UNAVAILABLE).hasHeader(HttpHeaders.RETRY_AFTER, "5");
            assertThat(jwt.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            assertThat(jwt).bodyJson().extractingPath("$.detail").isEqualTo(StoreUnavailableException.DETAIL);
            for (MvcTestResult endpoint : new MvcTestResult[] { password(), refresh(refreshToken), revoke(access) }) {
                assertThat(endpoint).hasStatus(HttpStatus.SERVICE_UNAVAILABLE).hasHeader(HttpHeaders.RETRY_AFTER, "5")
                    .hasHeader(HttpHeaders.CACHE_CONTROL, "no-store");
                assertThat(endpoint).bodyJson().extractingPath("$.error").isEqualTo("temporarily_unavailable");
            }
        }
        finally {
            server.startAgain();
        }
        // Redis came back empty (no persistence): the client reconnects by itself, and every request is served again.
        await().atMost(Duration.ofSeconds(10)).until(() -> me(access).getResponse().getStatus() == 200);
        MvcTestResult again = password();
        assertThat(again).hasStatusOk();
        assertThat(refresh(field(again, "refresh_token"))).hasStatusOk();
        assertThat(revoke(field(again, "access_token"))).hasStatusOk();
    }

    private MvcTestResult password() {
        return token("grant_type=password&username=stanley&password=password123");
    }

    private MvcTestResult refresh(String refreshToken) {
        return token("grant_type=refresh_token&refresh_token=" + refreshToken);
    }

    private MvcTestResult token(String body) {
        return this.mvc.post().uri("/token").contentType(MediaType.APPLICATION_FORM_URLENCODED).content(body)
            .exchange();
    }

    private MvcTestResult revoke(String token) {
        return this.mvc.post().uri("/token/revoke").contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .content("token=" + token).exchange();
    }

    private MvcTestResult me(String token) {
        return this.mvc.get().uri("/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
    }

    private static String field(MvcTestResult result, String name) throws Exception {
        return JsonPath.read(result.getResponse().getContentAsString(), "$." + name);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(MeController.class)
    static class RedisApplication {

    }

    @RestController
    static class MeController {

        @GetMapping("/me")
        Map<String, Object> me(@SecurityParam("tokenUser") JwtPrincipal principal) {
            return Map.of("subject", principal.subject());
        }
    }
}
