package com.example.springsecurity;

import java.net.http.HttpResponse;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static com.example.springsecurity.ExampleClient.basic;
import static com.example.springsecurity.ExampleClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tomcat with one request thread, so that each request runs where the one before ran: after each of Padlock's
 * handlers — granted, refused by Padlock, refused by {@code @PreAuthorize}, finished on an async re-dispatch — a
 * handler Padlock does not guard finds Spring Security's anonymous authentication, never the principal before.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "server.address=127.0.0.1", "EXAMPLE_JWT_SECRET=" + ExampleClient.JWT_SECRET,
                "server.tomcat.threads.max=1", "server.tomcat.threads.min-spare=1" })
class OneThreadTests {

    @LocalServerPort
    private int port;

    @Autowired
    private ApplicationContext context;

    @Test
    void contextWhenGuardedThenUnguardedOnTheOneThreadThenNothingLeaks() throws Exception {
        ExampleClient client = new ExampleClient(this.port);
        for (String subject : List.of("robot-1", "robot-2")) {
            String[] token = bearer(this.context, subject, "items:read");
            assertThat((String) JsonPath.read(client.get("/api/whoami", token).body(), "$.authentication"))
                .isEqualTo(subject);
            assertAnonymous(client);
            assertThat(client.get("/api/items", bearer(this.context, subject)).statusCode()).isEqualTo(403);
            assertAnonymous(client);
            assertThat(client.get("/api/whoami/async", token).statusCode()).isEqualTo(200);
            assertAnonymous(client);
            assertThat(client.get("/api/me", basic("stanley", "wrong")).statusCode()).isEqualTo(401);
            assertAnonymous(client);
        }
    }

    private static void assertAnonymous(ExampleClient client) throws Exception {
        HttpResponse<String> context = client.get("/api/public/context");
        assertThat((String) JsonPath.read(context.body(), "$.type")).isEqualTo("AnonymousAuthenticationToken");
        assertThat((String) JsonPath.read(context.body(), "$.authentication")).isEqualTo("anonymousUser");
    }
}
